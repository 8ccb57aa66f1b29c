// One --concurrency for the whole run, however many worker processes share it. Against a
// distant target the run is bound by round trips, not CPU: a fixed share per worker would
// leave the slots of a worker with quick files idle while another's long sequences queue for
// theirs. So the CLI's process holds the slots (serveSharedSlots) and every worker's budget
// takes them over a local socket (connectSharedSlots): a line "t" asks for a slot, "g" grants
// one (in the order asked), "r" gives one back; a worker that goes away gives back all it held.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { createConnection, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type Release = () => void;

/** Where a budget takes its slots from: its own semaphore, or the run's shared one. */
export interface SlotSource {
  readonly size: number;
  take(): Promise<Release>;
}

export interface SharedSlotsServer {
  /** The socket (a named pipe on Windows) the workers connect to. */
  readonly path: string;
  readonly size: number;
  /** Requests for a slot not granted yet, across every worker. */
  waiting(): number;
  close(): Promise<void>;
}

export async function serveSharedSlots(size: number): Promise<SharedSlotsServer> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`slots must be ≥ 1, got ${size}`);
  const name = `smc-slots-${process.pid}-${randomBytes(4).toString("hex")}`;
  const path =
    process.platform === "win32" ? `\\\\.\\pipe\\${name}` : join(tmpdir(), `${name}.sock`);
  let free = size;
  const held = new Map<Socket, number>();
  const waiting: Socket[] = [];
  const grant = (socket: Socket): void => {
    free -= 1;
    held.set(socket, (held.get(socket) ?? 0) + 1);
    socket.write("g\n");
  };
  const giveBack = (count: number): void => {
    free += count;
    while (free > 0) {
      const next = waiting.shift();
      if (next === undefined) return;
      if (!next.destroyed) grant(next);
    }
  };
  const server = createServer((socket) => {
    socket.setNoDelay(true);
    held.set(socket, 0);
    onLines(socket, (line) => {
      if (line === "t") {
        if (free > 0 && waiting.length === 0) grant(socket);
        else waiting.push(socket);
      } else if (line === "r" && (held.get(socket) ?? 0) > 0) {
        held.set(socket, (held.get(socket) ?? 1) - 1);
        giveBack(1);
      }
    });
    const gone = (): void => {
      const count = held.get(socket) ?? 0;
      held.delete(socket);
      for (let index = waiting.indexOf(socket); index >= 0; index = waiting.indexOf(socket))
        waiting.splice(index, 1);
      giveBack(count);
    };
    socket.on("close", gone);
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, () => resolve());
  });
  // Never what keeps the CLI alive: it is closed after the run, or dies with the process.
  server.unref();
  return {
    path,
    size,
    waiting: () => waiting.length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of held.keys()) socket.destroy();
        server.close(() => {
          if (process.platform !== "win32") rmSync(path, { force: true });
          resolve();
        });
      }),
  };
}

/**
 * A worker's side: slots taken from the run's server. Grants come back in the order asked,
 * so the oldest waiter of this worker gets each one.
 */
export async function connectSharedSlots(path: string, size: number): Promise<SharedSlots> {
  const socket = createConnection(path);
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  // The worker must not stay alive for this socket alone.
  socket.unref();
  return new SharedSlots(socket, size);
}

export class SharedSlots implements SlotSource {
  private readonly waiting: Array<(release: Release) => void> = [];
  private closed = false;

  constructor(
    private readonly socket: Socket,
    readonly size: number,
  ) {
    onLines(socket, (line) => {
      if (line === "g") this.waiting.shift()?.(this.releaser());
    });
    // The run's process went away: nothing is left to share, so nobody waits any longer.
    const lost = (): void => {
      this.closed = true;
      for (const resolve of this.waiting.splice(0)) resolve(() => undefined);
    };
    socket.on("close", lost);
    socket.on("error", lost);
  }

  take(): Promise<Release> {
    if (this.closed) return Promise.resolve(() => undefined);
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.socket.write("t\n");
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released || this.closed) return;
      released = true;
      this.socket.write("r\n");
    };
  }
}

/** Calls `handle` with each whole line the socket sends (a line may arrive in pieces). */
function onLines(socket: Socket, handle: (line: string) => void): void {
  let pending = "";
  socket.on("data", (chunk: Buffer) => {
    pending += chunk.toString("latin1");
    for (let end = pending.indexOf("\n"); end >= 0; end = pending.indexOf("\n")) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      handle(line);
    }
  });
}
