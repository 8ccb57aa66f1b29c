// Essentials of the embedded reference server, over real HTTP on a random port.
// The conformance suite proves the full contract; these guard the server's own core.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  OPERATION_IDS,
  routeRequest,
  startReferenceServer,
} from "../../fixtures/reference/index.ts";
import type { Fault, PathParams, RunningServer } from "../../fixtures/reference/index.ts";

type JsonObject = Record<string, unknown>;

interface Answer {
  status: number;
  headers: Headers;
  /** The parsed JSON body; empty for 204. */
  body: JsonObject;
}

interface PageMeta {
  next_page_url: string | null;
  previous_page_url: string | null;
  first_page_url: string;
  page: number;
}

function clientFor(server: RunningServer) {
  const authorization =
    "Basic " + Buffer.from(`${server.accountSid}:${server.authToken}`).toString("base64");
  const base = `${server.url}/v1/Services/${server.serviceSid}`;
  return async function send(
    method: string,
    pathOrUrl: string,
    form?: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl, {
      method,
      headers: {
        Authorization: authorization,
        ...(form === undefined ? {} : { "Content-Type": "application/x-www-form-urlencoded" }),
        ...headers,
      },
      ...(form === undefined ? {} : { body: new URLSearchParams(form).toString() }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === "" ? {} : (JSON.parse(text) as JsonObject),
    };
  };
}

const keysOf = (answer: Answer): string[] =>
  (answer.body.items as Array<{ key: string }>).map((item) => item.key);
const metaOf = (answer: Answer): PageMeta => answer.body.meta as PageMeta;

describe("reference server", () => {
  let server: RunningServer;
  let send: ReturnType<typeof clientFor>;

  beforeAll(async () => {
    server = await startReferenceServer();
    send = clientFor(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers 401/20003 with a Basic challenge to wrong credentials", async () => {
    const wrong = "Basic " + Buffer.from(`${server.accountSid}:not-the-token`).toString("base64");
    const response = await fetch(`${server.url}/v1/Services/${server.serviceSid}/Maps`, {
      headers: { Authorization: wrong },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Basic /);
    expect(await response.json()).toEqual({
      code: 20003,
      message: "Authenticate",
      more_info: "https://www.twilio.com/docs/errors/20003",
      status: 401,
    });
  });

  it("creates a map and fetches it by unique_name, answering with canonical sids", async () => {
    const created = await send("POST", "/Maps", { UniqueName: "by-name" });
    expect(created.status).toBe(201);
    expect(created.body.sid).toMatch(/^MP[0-9a-f]{32}$/);
    expect(created.body.revision).toBe("0");
    expect(created.body.date_expires).toBeNull();

    const fetched = await send("GET", "/Maps/by-name");
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(created.body);
    expect(fetched.body.url).toBe(
      `${server.url}/v1/Services/${server.serviceSid}/Maps/${String(created.body.sid)}`,
    );
  });

  it("deletes a map's items and permissions along with the map", async () => {
    const map = (await send("POST", "/Maps", { UniqueName: "cascade" })).body;
    await send("POST", "/Maps/cascade/Items", { Key: "k", Data: '{"v":1}' });
    await send("POST", "/Maps/cascade/Permissions/alice", {
      Read: "true",
      Write: "true",
      Manage: "false",
    });

    const deleted = await send("DELETE", "/Maps/cascade");
    expect(deleted.status).toBe(204);
    expect(deleted.body).toEqual({});
    expect(deleted.headers.get("content-type")).toBeNull();

    expect((await send("GET", `/Maps/${String(map.sid)}/Items/k`)).status).toBe(404);
    expect(server.store.findItem(String(map.sid), "k")).toBeUndefined();
    expect(server.store.findPermission(String(map.sid), "alice")).toBeUndefined();
    await send("POST", "/Maps", { UniqueName: "cascade" });
    expect(keysOf(await send("GET", "/Maps/cascade/Items"))).toEqual([]);
  });

  it("lists items in descending key order below an exclusive From", async () => {
    await send("POST", "/Maps", { UniqueName: "ordered" });
    for (const key of ["c", "a", "e", "b", "d"]) {
      await send("POST", "/Maps/ordered/Items", { Key: key, Data: "{}" });
    }
    const listed = await send("GET", "/Maps/ordered/Items?Order=desc&From=d&Bounds=exclusive");
    expect(listed.status).toBe(200);
    expect(keysOf(listed)).toEqual(["c", "b", "a"]);
    expect(metaOf(listed).first_page_url).toBe(
      `${server.url}/v1/Services/${server.serviceSid}/Maps/ordered/Items?From=d&Bounds=exclusive&Order=desc&PageSize=50&Page=0`,
    );
  });

  it("pages by cursor, so a deletion between pages neither repeats nor skips items", async () => {
    await send("POST", "/Maps", { UniqueName: "paged" });
    for (const key of ["k1", "k2", "k3", "k4", "k5"]) {
      await send("POST", "/Maps/paged/Items", { Key: key, Data: "{}" });
    }
    const first = await send("GET", "/Maps/paged/Items?PageSize=2");
    expect(keysOf(first)).toEqual(["k1", "k2"]);
    expect(metaOf(first).previous_page_url).toBeNull();

    await send("DELETE", "/Maps/paged/Items/k1");
    const second = await send("GET", String(metaOf(first).next_page_url));
    expect(keysOf(second)).toEqual(["k3", "k4"]);
    expect(metaOf(second).page).toBe(1);

    const third = await send("GET", String(metaOf(second).next_page_url));
    expect(keysOf(third)).toEqual(["k5"]);
    expect(metaOf(third).next_page_url).toBeNull();
  });

  it("refuses an item update with a stale If-Match (412/54205) and leaves the item unchanged", async () => {
    await send("POST", "/Maps", { UniqueName: "guarded" });
    const created = await send("POST", "/Maps/guarded/Items", { Key: "k", Data: '{"v":0}' });
    expect(created.headers.get("etag")).toBe("0");
    const updated = await send(
      "POST",
      "/Maps/guarded/Items/k",
      { Data: '{"v":1}' },
      { "If-Match": "0" },
    );
    expect(updated.status).toBe(200);
    expect(updated.headers.get("etag")).toBe("1");

    const stale = await send(
      "POST",
      "/Maps/guarded/Items/k",
      { Data: '{"v":2}' },
      { "If-Match": '"0"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe(54205);
    const current = await send("GET", "/Maps/guarded/Items/k");
    expect(current.body.data).toEqual({ v: 1 });
    expect(current.body.revision).toBe("1");
  });
});

describe("reference server expiry", () => {
  it("removes an expired map together with its items", async () => {
    let clock = Date.parse("2025-01-01T00:00:00Z");
    const server = await startReferenceServer({ now: () => clock });
    try {
      const send = clientFor(server);
      const map = (await send("POST", "/Maps", { UniqueName: "brief", Ttl: "60" })).body;
      expect(map.date_expires).toBe("2025-01-01T00:01:00Z");
      await send("POST", "/Maps/brief/Items", { Key: "k", Data: "{}" });

      clock += 60_000;
      expect((await send("GET", "/Maps/brief")).status).toBe(404);
      expect(server.store.findItem(String(map.sid), "k")).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});

describe("reference server routing", () => {
  /** Records the tag of every request the handler is given, before the clean handler runs. */
  function recordingTags(seen: Array<{ operationId?: string; pathParams: PathParams }>): Fault {
    return {
      id: "records-tags",
      behaviour: "(none: a test probe)",
      description: "Records each request's operationId and path parameters.",
      wrap: (next) => (request) => {
        seen.push({ operationId: request.operationId, pathParams: request.pathParams });
        return next(request);
      },
    };
  }

  it("tags each request with its operationId and decoded path parameters before a fault sees it", async () => {
    const seen: Array<{ operationId?: string; pathParams: PathParams }> = [];
    const server = await startReferenceServer({ fault: recordingTags(seen) });
    try {
      const send = clientFor(server);
      const service = server.serviceSid;
      await send("POST", "/Maps", { UniqueName: "tagged" });
      await send("POST", "/Maps/tagged/Items", { Key: "a b", Data: "{}" });
      await send("GET", "/Maps/tagged/Items/a%20b");
      await send("POST", "/Maps/tagged/Permissions/z%C3%B6e", {
        Read: "true",
        Write: "false",
        Manage: "false",
      });
      await send("GET", "/Maps/tagged/Permissions");
      await send("DELETE", "/Maps/tagged");
      expect(seen).toEqual([
        { operationId: "CreateSyncMap", pathParams: { service } },
        { operationId: "CreateSyncMapItem", pathParams: { service, map: "tagged" } },
        { operationId: "FetchSyncMapItem", pathParams: { service, map: "tagged", key: "a b" } },
        {
          operationId: "UpdateSyncMapPermission",
          pathParams: { service, map: "tagged", identity: "zöe" },
        },
        { operationId: "ListSyncMapPermission", pathParams: { service, map: "tagged" } },
        { operationId: "DeleteSyncMap", pathParams: { service, map: "tagged" } },
      ]);
    } finally {
      await server.close();
    }
  });

  it("leaves a request no operation answers untagged: 404 for an unknown path, 405 with Allow for a method", async () => {
    const seen: Array<{ operationId?: string; pathParams: PathParams }> = [];
    const server = await startReferenceServer({ fault: recordingTags(seen) });
    try {
      const send = clientFor(server);
      expect((await send("GET", "/Lists")).status).toBe(404);
      const refused = await send("DELETE", "/Maps");
      expect(refused.status).toBe(405);
      expect(refused.headers.get("allow")).toBe("GET, POST");
      expect(seen.map((tag) => tag.operationId)).toEqual([undefined, undefined]);
    } finally {
      await server.close();
    }
  });

  it("tags a request again when a fault sends it on to another method", () => {
    const parsed = routeRequest({
      method: "DELETE",
      rawPath: "/v1/Services/default/Maps/m/Items/k",
      segments: ["v1", "Services", "default", "Maps", "m", "Items", "k"],
      query: new URLSearchParams(),
      form: new URLSearchParams(),
      headers: {},
      origin: "http://localhost",
    });
    expect(parsed.operationId).toBe("DeleteSyncMapItem");
    expect(routeRequest({ ...parsed, method: "GET" }).operationId).toBe("FetchSyncMapItem");
    expect(OPERATION_IDS).toHaveLength(14);
  });
});
