// The domain assertions behaviours speak in: each records the registered check a
// hand-built call would, with received, documented and a curl reproduction, and
// names the answer from its operation and request.
import { describe, expect, it } from "vitest";
import { Assertions } from "../src/behaviours/assertions.ts";
import type { BehaviourSpec } from "../src/behaviours/environment.ts";
import { Recorder } from "../src/behaviours/recorder.ts";
import { BehaviourAborted } from "../src/behaviours/stops.ts";
import type { Exchange } from "../src/http/exchange.ts";
import type { Json } from "../src/http/json.ts";

const ACCOUNT = `AC${"1".repeat(32)}`;
const SERVICE = `IS${"2".repeat(32)}`;
const MAP = `MP${"3".repeat(32)}`;

const spec: BehaviourSpec = {
  limits: {} as BehaviourSpec["limits"],
  source: "test.yaml",
  missingOperations: () => [],
  operation: (operationId) =>
    operationId === "CreateSyncMapItem"
      ? { responses: [{ status: "201" }, { status: "4XX" }] }
      : { responses: [{ status: "200" }] },
  validateResponse: () => [],
};

function exchange(
  operationId: string,
  status: number,
  body: unknown,
  request: { url?: string; form?: Array<[string, string]> } = {},
): Exchange {
  return {
    operationId,
    request: {
      method: "POST",
      url: request.url ?? `http://127.0.0.1/v1/Services/${SERVICE}/Maps/${MAP}/Items`,
      headers: {},
      authenticated: true,
      ...(request.form === undefined ? {} : { form: request.form }),
    },
    response: {
      status,
      headers: {},
      bodyText: typeof body === "string" ? body : JSON.stringify(body),
    },
    elapsedMs: 1,
    retries: 0,
    sentAt: 0,
  };
}

function answer(operationId: string, body: Json, form?: Array<[string, string]>) {
  return { exchange: exchange(operationId, 200, body, form === undefined ? {} : { form }), body };
}

function judge(): { t: Assertions; recorder: Recorder } {
  const recorder = new Recorder(ACCOUNT);
  return {
    t: new Assertions(recorder, spec, { accountSid: ACCOUNT, serviceSid: SERVICE }),
    recorder,
  };
}

describe("domain assertions", () => {
  it("expectStatus documents the operation's status and stops the behaviour when it differs", () => {
    const { t, recorder } = judge();
    t.expectStatus(exchange("CreateSyncMapItem", 201, {}), 201);
    expect(recorder.failures).toEqual([]);
    expect(() => t.expectStatus(exchange("CreateSyncMapItem", 400, {}), 201)).toThrow(
      BehaviourAborted,
    );
    const [found] = recorder.failures;
    expect(found?.check).toBe("status_is_documented");
    expect(found?.documented).toBe(
      "201: CreateSyncMapItem answers 201 (documented in the OpenAPI document)",
    );
    expect(found?.reproduction).toContain("curl");
  });

  it("expectStatus keeps a behaviour's own claim when it gives one", () => {
    const { t, recorder } = judge();
    t.status(exchange("FetchSyncMap", 404, {}), 200, "a map is addressable by its unique_name");
    expect(recorder.failures[0]?.documented).toBe("200: a map is addressable by its unique_name");
  });

  it("expires derives the resource and the write time from the answer", () => {
    const { t, recorder } = judge();
    const created = { date_created: "2026-01-01T00:00:00Z", date_expires: "2026-01-01T00:10:00Z" };
    expect(
      t.expires(answer("CreateSyncMapItem", created, [["ItemTtl", "600"]]), { ttl: 600 }),
    ).toBe(true);
    expect(t.expires(answer("CreateSyncMapItem", created, [["ItemTtl", "60"]]), { ttl: 60 })).toBe(
      false,
    );
    const [found] = recorder.failures;
    expect(found?.check).toBe("expiry_derives_from_ttl");
    expect(found?.received).toContain("date_expires − date_created = 600 s");
    expect(found?.documented).toBe("date_expires − date_created = ttl (60 s, ±1 s)");
  });

  it("expires reads another answer's date for a parent map and names whose it was", () => {
    const { t, recorder } = judge();
    const item = answer("CreateSyncMapItem", { date_created: "2026-01-01T00:00:00Z" });
    const map = answer("FetchSyncMap", { date_expires: "2026-01-01T02:00:00Z" });
    t.expires(map, { ttl: 3600, of: item });
    expect(recorder.failures[0]?.documented).toBe(
      "date_expires − the item's date_created = ttl (3600 s, ±1 s)",
    );
  });

  it("expires names the resource and ttl sent when something expires that must not", () => {
    const { t, recorder } = judge();
    const body = { date_created: "2026-01-01T00:00:00Z", date_expires: "2026-01-01T00:00:00Z" };
    t.expires(answer("UpdateSyncMap", body, [["CollectionTtl", "0"]]), { ttl: 0 });
    expect(recorder.failures[0]?.received).toContain("UpdateSyncMap answer (CollectionTtl=0)");
  });

  it("field compares a dotted field and names it in the answer", () => {
    const { t, recorder } = judge();
    t.field(answer("ListSyncMap", { meta: { page_size: 50 } }), "meta.page_size", 50, "default");
    t.field(answer("ListSyncMap", { meta: { page_size: 3 } }), "meta.page_size", 100, "asked for");
    expect(recorder.failures).toHaveLength(1);
    expect(recorder.failures[0]?.check).toBe("value_is_documented");
    expect(recorder.failures[0]?.received).toBe("meta.page_size in the ListSyncMap answer = 3");
    expect(recorder.failures[0]?.documented).toBe(
      "meta.page_size in the ListSyncMap answer = 100: asked for",
    );
  });

  it("pageSize cites the default without PageSize and the request with it", () => {
    const { t, recorder } = judge();
    const body = { meta: { page_size: 7 } };
    const bare = {
      exchange: exchange("ListSyncMap", 200, body, { url: "http://x/v1/Maps" }),
      body,
    };
    const asked = {
      exchange: exchange("ListSyncMap", 200, body, { url: "http://x/v1/Maps?PageSize=2" }),
      body,
    };
    t.pageSize(bare, 50);
    t.pageSize(asked, 2);
    expect(recorder.failures.map((found) => found.documented)).toEqual([
      "meta.page_size in the ListSyncMap answer = 50: the default page size is 50",
      "meta.page_size in the ListSyncMap answer = 2: the page size asked for (1..100 in every reading)",
    ]);
  });

  it("notFound accepts an item's not-found codes for item operations only", () => {
    const { t, recorder } = judge();
    const itemMissing = { code: 54201, message: "no", more_info: "x", status: 404 };
    expect(t.notFound(exchange("FetchSyncMapItem", 404, itemMissing), "gone")).toBe(true);
    expect(t.notFound(exchange("FetchSyncMap", 404, itemMissing), "gone")).toBe(false);
    expect(recorder.failures[0]?.check).toBe("error_body_is_twilio");
    expect(recorder.failures[0]?.documented).toContain("20404|54200|54300");
  });

  it("ownedByCaller checks the sid shapes and names the caller's account and service", () => {
    const { t, recorder } = judge();
    t.ownedByCaller(answer("CreateSyncMap", { account_sid: ACCOUNT, service_sid: SERVICE }));
    expect(recorder.failures).toEqual([]);
    t.ownedByCaller(
      answer("CreateSyncMap", { account_sid: `AC${"9".repeat(32)}`, service_sid: "x" }),
    );
    expect(recorder.failures.map((found) => found.check)).toEqual([
      "sid_matches_pattern",
      "value_is_documented",
      "value_is_documented",
    ]);
    expect(recorder.failures[1]?.documented).toContain("the account that owns the map");
  });

  it("listedOnce, lists and omits show the value and the list they judged", () => {
    const { t, recorder } = judge();
    const on = exchange("ListSyncMapItem", 200, {});
    expect(t.listedOnce(on, ["a", "b"], "a", "once")).toBe(true);
    t.listedOnce(on, ["a", "a"], "a", "once");
    t.lists(on, ["b"], "a", "listed");
    t.omits(on, ["a"], "a", "not listed");
    expect(recorder.failures.map((found) => found.received)).toEqual([
      '"a" listed 2 times in ["a","a"]',
      '"a" missing from ["b"]',
      '"a" still listed in ["a"]',
    ]);
    expect(new Set(recorder.failures.map((found) => found.check))).toEqual(
      new Set(["documented_property_holds"]),
    );
  });

  it("nextPage returns the next link and fails when there is none", () => {
    const { t, recorder } = judge();
    const leads = answer("ListSyncMap", { meta: { next_page_url: "http://x/next", page_size: 1 } });
    expect(t.nextPage(leads, "leads on")).toBe("http://x/next");
    expect(t.nextPage(answer("ListSyncMap", { meta: { next_page_url: null } }), "leads on")).toBe(
      undefined,
    );
    expect(recorder.failures[0]?.received).toBe("next_page_url = null");
  });

  it("noBody fails a 204 that carries a body", () => {
    const { t, recorder } = judge();
    expect(t.noBody(exchange("DeleteSyncMap", 204, ""))).toBe(true);
    expect(t.noBody(exchange("DeleteSyncMap", 204, "{}"))).toBe(false);
    expect(recorder.failures[0]?.received).toBe('body "{}"');
  });

  it("answered parses the body when the status matches and notes the failure otherwise", () => {
    const { t, recorder } = judge();
    expect(t.answered(exchange("FetchSyncMap", 200, { sid: MAP }), 200)?.body).toEqual({
      sid: MAP,
    });
    expect(t.answered(exchange("FetchSyncMap", 500, {}), 200)).toBeUndefined();
    expect(recorder.failures).toHaveLength(1);
  });

  it("expiresLater needs a second or more between the two expiries", () => {
    const { t, recorder } = judge();
    const before = answer("CreateSyncMap", { date_expires: "2026-01-01T01:00:00Z" });
    const same = answer("UpdateSyncMap", { date_expires: "2026-01-01T01:00:00Z" });
    const later = answer("UpdateSyncMap", { date_expires: "2026-01-01T01:00:02Z" });
    expect(t.expiresLater(before, later, "moves")).toBe(true);
    expect(t.expiresLater(before, same, "moves")).toBe(false);
    expect(recorder.failures[0]?.received).toBe(
      'date_expires "2026-01-01T01:00:00Z" in the CreateSyncMap answer, ' +
        '"2026-01-01T01:00:00Z" in the UpdateSyncMap answer',
    );
  });
});
