// What the fuzz phase found in the reference server, fixed at the cause: data nested as
// deep as the 16 KiB limit allows is stored and answered as sent, a number no double
// holds is refused instead of stored as null, and no request target, however malformed,
// reaches the 500 path.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReferenceServer } from "../../fixtures/reference/index.ts";
import type { RunningServer } from "../../fixtures/reference/index.ts";
import { firstNonFiniteNumber, toJsonText } from "../../fixtures/reference/json.ts";

const deepArrays = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const deepObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

interface RawAnswer {
  readonly status: number;
  readonly text: string;
}

/** A request sent byte for byte: node:http writes the target as given, fetch would not. */
function sendRaw(
  server: RunningServer,
  method: string,
  target: string,
  body?: string,
): Promise<RawAnswer> {
  const url = new URL(server.url);
  const basic = Buffer.from(`${server.accountSid}:${server.authToken}`).toString("base64");
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: target,
        headers: {
          authorization: `Basic ${basic}`,
          ...(body === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" }),
        },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () =>
          resolve({ status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

describe("toJsonText", () => {
  it("writes what JSON.stringify writes for the values a reply carries", () => {
    const samples: unknown[] = [
      { a: [1, "two", null, true, { b: [] }], c: {}, d: undefined, e: () => 1 },
      [undefined, () => 1, Number.NaN, -0, 1e21, "\ud800", 'quote " and \\'],
      "text",
      42,
      null,
      { date: new Date(0), nested: { toJSON: () => ({ replaced: true }) } },
    ];
    for (const sample of samples) expect(toJsonText(sample)).toBe(JSON.stringify(sample));
  });

  it("writes 100,000 nested arrays, where JSON.stringify overflows the stack", () => {
    const deep = JSON.parse(deepArrays(100_000)) as unknown;
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(toJsonText(deep)).toBe(deepArrays(100_000));
  });
});

describe("firstNonFiniteNumber", () => {
  it("finds a number JSON.parse read as Infinity at any depth, and nothing in finite data", () => {
    expect(firstNonFiniteNumber(JSON.parse(`[${deepObjects(3_000)},{"x":-1e400}]`))).toBe(
      -Infinity,
    );
    expect(firstNonFiniteNumber(JSON.parse(deepObjects(3_000)))).toBeUndefined();
    expect(firstNonFiniteNumber({ a: 1.7976931348623157e308, b: -0, c: "1e400" })).toBeUndefined();
  });
});

describe("reference server under fuzz inputs", () => {
  let server: RunningServer;
  let items: string;

  beforeAll(async () => {
    server = await startReferenceServer();
    const created = await sendRaw(server, "POST", `/v1/Services/${server.serviceSid}/Maps`, "");
    const sid = (JSON.parse(created.text) as { sid: string }).sid;
    items = `/v1/Services/${server.serviceSid}/Maps/${sid}/Items`;
  });
  afterAll(async () => {
    await server.close();
  });

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  it.each([
    ["5,000 nested arrays", deepArrays(5_000)],
    ["8,000 nested arrays", deepArrays(8_000)],
    ["2,700 nested objects", deepObjects(2_700)],
  ])("stores Data of %s and answers it as sent on create, fetch and list", async (label, data) => {
    const key = `deep-${label.split(" ")[0]?.replace(",", "")}-${label.split(" ")[2]}`;
    const created = await sendRaw(server, "POST", items, form({ Key: key, Data: data }));
    expect(created.status, created.text.slice(0, 200)).toBe(201);
    expect(created.text).toContain(`"data":${data}`);
    const fetched = await sendRaw(server, "GET", `${items}/${key}`);
    expect(fetched.text).toContain(`"data":${data}`);
    const listed = await sendRaw(server, "GET", `${items}?PageSize=100`);
    expect(listed.status).toBe(200);
    expect(listed.text).toContain(`"data":${data}`);
  });

  it("refuses Data holding a number beyond a double with 400/54008 and stores nothing", async () => {
    for (const literal of ["1e400", "-1e400"]) {
      const sent = form({ Key: `huge${literal}`, Data: `{"a":${literal}}` });
      const created = await sendRaw(server, "POST", items, sent);
      expect(created.status).toBe(400);
      expect(JSON.parse(created.text)).toMatchObject({ code: 54008, status: 400 });
      expect((await sendRaw(server, "GET", `${items}/huge${literal}`)).status).toBe(404);
    }
  });

  it("refuses an update to a number beyond a double and keeps the item's data", async () => {
    await sendRaw(server, "POST", items, form({ Key: "kept", Data: '{"a":1}' }));
    const updated = await sendRaw(server, "POST", `${items}/kept`, form({ Data: "[1e999]" }));
    expect(updated.status).toBe(400);
    expect(JSON.parse(updated.text)).toMatchObject({ code: 54008 });
    const fetched = await sendRaw(server, "GET", `${items}/kept`);
    expect(JSON.parse(fetched.text).data).toEqual({ a: 1 });
  });

  it("keeps the largest double as it was sent", async () => {
    const data = '{"a":1.7976931348623157e308}';
    const created = await sendRaw(server, "POST", items, form({ Key: "max-double", Data: data }));
    expect(created.status).toBe(201);
    expect(JSON.parse(created.text).data).toEqual({ a: 1.7976931348623157e308 });
  });

  it.each([
    ["an absolute target with a malformed host", "http://[/v1/Services"],
    ["an absolute target with a bad port", "http://host:99999/v1/Services"],
    ["a malformed percent-encoding", "/v1/Services/%zz/Maps"],
    ["invalid UTF-8 in a segment", "/v1/Services/%C3%28/Maps"],
  ])("answers %s with a 4xx Twilio error, not a 500", async (_label, target) => {
    const answer = await sendRaw(server, "GET", target);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(JSON.parse(answer.text)).toMatchObject({ status: answer.status });
  });
});
