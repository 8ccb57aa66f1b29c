import { describe, expect, it } from "vitest";
import { changesBetween, groupFailures } from "../../src/fuzz/index.ts";
import type { FuzzCase, Observation, WireRequest } from "../../src/fuzz/index.ts";
import { shellText } from "../../src/fuzz/curl.ts";
import type { Exchange } from "../../src/http/exchange.ts";

const ACCOUNT = "AC00000000000000000000000000000000";

function observation(index: number, key: string, check = "not_a_server_error"): Observation {
  const form = [
    ["Key", key],
    ["Data", "{}"],
  ] as const;
  const fuzzCase: FuzzCase = {
    id: `CreateSyncMapItem/positive/${index}`,
    operationId: "CreateSyncMapItem",
    phase: "positive",
    description: `generated ${index}`,
    request: { method: "POST", pathTemplate: "/x", pathParams: {}, query: [], form, headers: {} },
    needs: ["map"],
    expect: "accepted",
    reason: "valid",
    kind: "generated valid request",
  };
  const wire: WireRequest = {
    method: "POST",
    path: "/v1/Services/IS1/Maps/MP1/Items",
    form,
    headers: {},
  };
  const exchange: Exchange = {
    operationId: "CreateSyncMapItem",
    request: {
      method: "POST",
      url: `http://127.0.0.1:1${wire.path}`,
      headers: {},
      form: [...form],
      authenticated: true,
    },
    response: { status: 500, headers: {}, bodyText: '{"message":"boom"}' },
    elapsedMs: 1,
    retries: 0,
    sentAt: 0,
  };
  return {
    fuzzCase,
    wire,
    exchange,
    failure: { check, title: "Server error", received: "500", documented: "< 500" },
  };
}

describe("groupFailures", () => {
  it("collapses 100 failures of one defect into one, keeping the smallest input", () => {
    const observations = Array.from({ length: 100 }, (_, index) =>
      observation(index, "k".repeat(100 - index)),
    );
    const groups = groupFailures(observations, ACCOUNT);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.count).toBe(100);
    expect(groups[0]?.example.wire.form?.[0]).toEqual(["Key", "k"]);
    expect(groups[0]?.failure.title).toContain("and 99 more like it");
  });

  it("keeps different checks apart and reproduces each with curl and $TWILIO_AUTH_TOKEN", () => {
    const groups = groupFailures(
      [observation(1, "a"), observation(2, "b", "invalid_input_is_refused")],
      ACCOUNT,
    );
    expect(groups.map((group) => group.check).sort()).toEqual([
      "invalid_input_is_refused",
      "not_a_server_error",
    ]);
    for (const group of groups) {
      expect(group.failure.reproduction).toMatch(/^curl -sS -i -X POST /);
      expect(group.failure.reproduction).toContain(`"${ACCOUNT}:$TWILIO_AUTH_TOKEN"`);
      expect(group.failure.reproduction).toContain("--data-urlencode 'Data={}'");
    }
  });
});

describe("shellText", () => {
  it("generates long runs of one character with printf so the argument stays short", () => {
    const text = `Data=${"[".repeat(5000)}${"]".repeat(5000)}`;
    const rendered = shellText(text);
    expect(rendered.length).toBeLessThan(200);
    expect(rendered).toBe(
      `'Data='"$(printf '%*s' 5000 '' | tr ' ' '[')""$(printf '%*s' 5000 '' | tr ' ' ']')"`,
    );
  });
});

describe("changesBetween", () => {
  const read = (body: unknown, status = 200) => ({ status, body });

  it("finds nothing when every read is equal", () => {
    const snapshot = { map: read({ ttl: 5 }), items: read({ items: [] }) };
    expect(changesBetween(snapshot, structuredClone(snapshot))).toEqual([]);
  });

  it("names the read and the first path that changed", () => {
    const before = { map: read({ date_expires: null }), items: read({ items: [] }) };
    const after = {
      map: read({ date_expires: "2030-01-01T00:00:00Z" }),
      items: read({ items: [{ key: "k" }] }),
    };
    expect(changesBetween(before, after)).toEqual([
      "map: /date_expires changed",
      "items: /items/0 changed",
    ]);
  });

  it("names a status that changed", () => {
    expect(
      changesBetween(
        { "map by unique name": read({}, 404) },
        { "map by unique name": read({}, 200) },
      ),
    ).toEqual(["map by unique name: 404 before, 200 after"]);
  });
});
