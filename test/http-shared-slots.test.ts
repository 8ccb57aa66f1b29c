// The run's shared request slots: one --concurrency across worker processes, granted in the
// order asked, and given back when a worker goes away without releasing.
import { afterEach, describe, expect, it } from "vitest";
import {
  connectSharedSlots,
  serveSharedSlots,
  type SharedSlots,
  type SharedSlotsServer,
} from "../src/http/shared-slots.ts";
import { RequestBudget } from "../src/http/budget.ts";

const opened: Array<SharedSlotsServer | SharedSlots> = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

async function pool(size: number, workers: number) {
  const server = await serveSharedSlots(size);
  opened.push(server);
  const clients: SharedSlots[] = [];
  for (let i = 0; i < workers; i += 1) {
    const client = await connectSharedSlots(server.path, size);
    opened.push(client);
    clients.push(client);
  }
  return { server, clients };
}

/** Resolves after the pending socket messages had time to arrive. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 30));

/** Waits (as long as the test may) until `condition` holds: no guess at how long messages take. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("shared slots", () => {
  it("never grant more slots at once than the pool holds, across workers", async () => {
    const { clients } = await pool(3, 3);
    let inFlight = 0;
    let most = 0;
    const work = async (client: SharedSlots): Promise<void> => {
      const release = await client.take();
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      release();
    };
    await Promise.all(clients.flatMap((client) => Array.from({ length: 10 }, () => work(client))));
    expect(most).toBe(3);
  });

  it("let one worker use every slot the others leave free", async () => {
    const { clients } = await pool(4, 2);
    const [busy] = clients as [SharedSlots, SharedSlots];
    const releases = await Promise.all([busy.take(), busy.take(), busy.take(), busy.take()]);
    expect(releases).toHaveLength(4);
    for (const release of releases) release();
  });

  it("grant in the order asked", async () => {
    const { server, clients } = await pool(1, 2);
    const [first, second] = clients as [SharedSlots, SharedSlots];
    const holding = await first.take();
    const order: string[] = [];
    const a = second.take().then((release) => (order.push("second"), release));
    await until(() => server.waiting() === 1);
    const b = first.take().then((release) => (order.push("first"), release));
    await until(() => server.waiting() === 2);
    holding();
    (await a)();
    (await b)();
    expect(order).toEqual(["second", "first"]);
  });

  it("take back the slots of a worker that goes away holding them", async () => {
    const { server, clients } = await pool(2, 2);
    const [leaving, staying] = clients as [SharedSlots, SharedSlots];
    await leaving.take();
    await leaving.take();
    let granted = false;
    const waiting = staying.take().then((release) => {
      granted = true;
      return release;
    });
    await until(() => server.waiting() === 1);
    expect(granted).toBe(false);
    leaving.close();
    (await waiting)();
    expect(granted).toBe(true);
  });

  it("bound a request budget built on them", async () => {
    const { clients } = await pool(2, 1);
    const budget = new RequestBudget({ concurrency: 99, slots: clients[0], perMap: false });
    expect(budget.concurrency).toBe(2);
    const request = { method: "GET", path: "/v1/Services/IS1/Maps" };
    const first = await budget.acquire(request);
    await budget.acquire(request);
    let third = false;
    void budget.acquire(request).then(() => (third = true));
    await settle(); // however long it waits, no third slot exists to grant
    expect(third).toBe(false);
    first();
    await until(() => third);
    expect(third).toBe(true);
  });
});
