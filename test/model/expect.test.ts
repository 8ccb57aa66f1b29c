// Model commands judge answers through the registered checks: a failure in a sequence
// carries the same check id as the same failure in a single-call behaviour.
import { describe, expect, it } from "vitest";
import { expiryMovesWithWrites, registeredCheckIds } from "../../src/checks/index.ts";
import type { Exchange } from "../../src/http/exchange.ts";
import {
  bodyOf,
  expectEqual,
  expectRefusal,
  expectStatus,
  expectThat,
} from "../../src/model/commands/expect.ts";
import { ModelMismatch } from "../../src/model/real.ts";

function answer(status: number, bodyText: string): Exchange {
  const request = {
    method: "GET" as const,
    url: "http://127.0.0.1/x",
    headers: {},
    authenticated: true,
  };
  return {
    request,
    response: { status, headers: {}, bodyText },
    elapsedMs: 1,
    retries: 0,
    sentAt: 0,
  };
}

function checkIdOf(assertion: () => unknown): string {
  try {
    assertion();
  } catch (error) {
    if (error instanceof ModelMismatch) return error.found.check;
    throw error;
  }
  return "(no mismatch)";
}

const notFound = answer(
  404,
  JSON.stringify({ code: 54200, message: "m", more_info: "u", status: 404 }),
);

describe("model expectations", () => {
  it("raise the registered check that found the failure", () => {
    const cases: Array<[string, () => unknown]> = [
      ["status_is_documented", () => expectStatus(notFound, 200, "FetchSyncMap answers 200")],
      ["error_body_is_twilio", () => expectRefusal(notFound, 404, [54201], "no such item")],
      ["response_is_json_object", () => bodyOf(answer(200, "[1]"))],
      ["value_is_documented", () => expectEqual(notFound, "key", "a", "b", "the key addressed")],
      ["documented_property_holds", () => expectThat(notFound, false, "listed twice", "once")],
    ];
    for (const [id, assertion] of cases) {
      expect(checkIdOf(assertion)).toBe(id);
      expect(registeredCheckIds()).toContain(id);
    }
  });

  it("pass answers that agree, and hand back the JSON object body", () => {
    expect(checkIdOf(() => expectRefusal(notFound, 404, [54200, 20404], "no such map"))).toBe(
      "(no mismatch)",
    );
    expect(checkIdOf(() => expectStatus(notFound, [204, 404], "either"))).toBe("(no mismatch)");
    expect(bodyOf(answer(200, '{"key":"a"}'))).toEqual({ key: "a" });
  });
});

describe("expiry_moves_with_writes", () => {
  const write = (dateExpires: string, ttl: number, sentAt: number) => ({
    dateExpires,
    ttl,
    sentAt,
    elapsedMs: 50,
  });
  const first = write("2025-01-01T01:00:00Z", 3600, Date.UTC(2025, 0, 1, 0, 0, 0));

  it("accepts expiry that moved by the time between the writes and the change of ttl", () => {
    const later = write("2025-01-01T00:20:03Z", 600, Date.UTC(2025, 0, 1, 0, 10, 3));
    expect(
      expiryMovesWithWrites.run({ resource: "map#0", previous: first, current: later }),
    ).toEqual([]);
  });

  it("refuses expiry counted from the earlier write", () => {
    const later = write("2025-01-01T00:10:00Z", 600, Date.UTC(2025, 0, 1, 0, 0, 3));
    const [found] = expiryMovesWithWrites.run({
      resource: "map#0",
      previous: first,
      current: later,
    });
    expect(found?.check).toBe("expiry_moves_with_writes");
    expect(found?.received).toContain("between writes 3.0 s apart");
  });
});
