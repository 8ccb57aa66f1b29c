// Each pure check holds a value to the documents: it passes the documented form and
// fails the faulty one, with received and documented filled in.
import { describe, expect, it } from "vitest";
import {
  dateIsTwilioUtc,
  errorBodyIsTwilio,
  expiryDerivesFromTtl,
  pagingMetaIsComplete,
  parseTwilioDate,
  registeredCheckIds,
  targetTimeAt,
  sidMatchesPattern,
  statusIsDocumented,
  urlPointsAtResource,
  valueIsDocumented,
} from "../src/checks/index.ts";
import type { Exchange } from "../src/http/exchange.ts";

function answer(status: number, body: unknown): Exchange {
  return {
    request: {
      method: "GET",
      url: "http://127.0.0.1/v1/Services/IS1/Maps",
      headers: {},
      authenticated: true,
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

const SID = `MP${"a".repeat(32)}`;

describe("checks", () => {
  it("have unique snake_case ids", () => {
    const ids = registeredCheckIds();
    expect(ids.length).toBeGreaterThanOrEqual(10);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it("sid_matches_pattern accepts upper- and lower-case hex and refuses other shapes", () => {
    expect(sidMatchesPattern.run({ field: "sid", value: SID, prefix: "MP" })).toEqual([]);
    expect(
      sidMatchesPattern.run({ field: "sid", value: `MP${"A".repeat(32)}`, prefix: "MP" }),
    ).toEqual([]);
    for (const bad of [
      `MP${"a".repeat(31)}`,
      `MP${"g".repeat(32)}`,
      `IS${"a".repeat(32)}`,
      "Sid",
      null,
      7,
    ]) {
      const [found] = sidMatchesPattern.run({ field: "sid", value: bad, prefix: "MP" });
      expect(found?.check).toBe("sid_matches_pattern");
      expect(found?.documented).toContain("^MP[0-9a-fA-F]{32}$");
    }
  });

  it("date_is_utc_whole_seconds accepts only YYYY-MM-DDTHH:MM:SSZ", () => {
    expect(dateIsTwilioUtc.run({ field: "d", value: "2015-07-30T20:00:00Z" })).toEqual([]);
    expect(dateIsTwilioUtc.run({ field: "d", value: null, nullable: true })).toEqual([]);
    for (const bad of [
      "2015-07-30T20:00:00+00:00",
      "2015-07-30T20:00:00.000Z",
      "2015-02-31T20:00:00Z",
      "yesterday",
      null,
    ]) {
      expect(dateIsTwilioUtc.run({ field: "d", value: bad })).toHaveLength(1);
    }
    expect(parseTwilioDate("2015-07-30T20:00:00Z")).toBe(Date.UTC(2015, 6, 30, 20));
  });

  it("status_is_documented matches exact codes and the 2xx and 4xx classes", () => {
    expect(
      statusIsDocumented.run({ exchange: answer(204, {}), expected: ["2xx"], documented: "ok" }),
    ).toEqual([]);
    expect(
      statusIsDocumented.run({ exchange: answer(302, {}), expected: ["2xx"], documented: "ok" }),
    ).toHaveLength(1);
    expect(
      statusIsDocumented.run({ exchange: answer(201, {}), expected: [201], documented: "created" }),
    ).toEqual([]);
    expect(
      statusIsDocumented.run({
        exchange: answer(422, {}),
        expected: ["4xx"],
        documented: "refused",
      }),
    ).toEqual([]);
    expect(
      statusIsDocumented.run({
        exchange: answer(500, {}),
        expected: ["4xx"],
        documented: "refused",
      }),
    ).toHaveLength(1);
    const noAnswer: Exchange = {
      ...answer(200, {}),
      response: undefined,
      transportError: { code: "UND_ERR_HEADERS_TIMEOUT", message: "timeout" },
    };
    const [found] = statusIsDocumented.run({
      exchange: noAnswer,
      expected: [200],
      documented: "ok",
    });
    expect(found?.received).toContain("UND_ERR_HEADERS_TIMEOUT");
  });

  it("error_body_is_twilio wants code, message, more_info and the HTTP status", () => {
    const good = {
      code: 54200,
      message: "Map not found",
      more_info: "https://www.twilio.com/docs/errors/54200",
      status: 404,
    };
    expect(errorBodyIsTwilio.run({ exchange: answer(404, good), codes: [20404, 54200] })).toEqual(
      [],
    );
    expect(errorBodyIsTwilio.run({ exchange: answer(404, good), codes: [20404] })).toHaveLength(1);
    expect(
      errorBodyIsTwilio.run({ exchange: answer(404, { ...good, status: 400 }), codes: [] }),
    ).toHaveLength(1);
    expect(
      errorBodyIsTwilio.run({ exchange: answer(404, "<html>not found</html>"), codes: [] })[0]
        ?.received,
    ).toContain("not JSON");
    expect(
      errorBodyIsTwilio.run({ exchange: answer(404, { error: "nope" }), codes: [] }),
    ).toHaveLength(1);
  });

  it("expiry_derives_from_ttl allows one second of rounding and wants null without a ttl", () => {
    const base = {
      resource: "map",
      writeTime: "2026-01-01T00:00:00Z",
      writeTimeField: "date_created",
    };
    expect(
      expiryDerivesFromTtl.run({ ...base, dateExpires: "2026-01-01T01:00:00Z", ttl: 3600 }),
    ).toEqual([]);
    expect(
      expiryDerivesFromTtl.run({ ...base, dateExpires: "2026-01-01T01:00:01Z", ttl: 3600 }),
    ).toEqual([]);
    expect(
      expiryDerivesFromTtl.run({ ...base, dateExpires: "2026-01-01T01:00:05Z", ttl: 3600 }),
    ).toHaveLength(1);
    expect(expiryDerivesFromTtl.run({ ...base, dateExpires: null, ttl: 0 })).toEqual([]);
    expect(
      expiryDerivesFromTtl.run({ ...base, dateExpires: "2026-01-01T00:00:00Z", ttl: 0 }),
    ).toHaveLength(1);
    expect(expiryDerivesFromTtl.run({ ...base, dateExpires: null, ttl: 60 })).toHaveLength(1);
  });

  it("estimates a later request's time on the target's clock, whatever the skew", () => {
    // The target's clock runs 1 h 0.4 s ahead of ours; it stamped our first write at 10:00:00.
    const created = { sentAt: Date.UTC(2026, 0, 1, 8, 59, 59, 600), elapsedMs: 20 };
    const later = { sentAt: created.sentAt + 5_000, elapsedMs: 30 };
    const estimate = targetTimeAt(created, "2026-01-01T10:00:00Z", later);
    expect(estimate?.ms).toBe(Date.UTC(2026, 0, 1, 10, 0, 5));
    expect(estimate?.uncertaintySeconds).toBe(1);
    const base = { resource: "map", writeTimeField: "the update's time", ttl: 600 };
    expect(
      expiryDerivesFromTtl.run({
        ...base,
        writeTime: estimate,
        dateExpires: "2026-01-01T10:10:05Z",
      }),
    ).toEqual([]);
    expect(
      expiryDerivesFromTtl.run({
        ...base,
        writeTime: estimate,
        dateExpires: "2026-01-01T10:10:00Z",
      }),
    ).toHaveLength(1);
    expect(targetTimeAt(created, "not a date", later)).toBeUndefined();
  });

  it("url_points_at_resource compares paths on any origin", () => {
    const path = `/v1/Services/IS1/Maps/${SID}`;
    expect(
      urlPointsAtResource.run({ field: "url", value: `https://sync.twilio.com${path}`, path }),
    ).toEqual([]);
    expect(
      urlPointsAtResource.run({ field: "url", value: `http://127.0.0.1:4010${path}`, path }),
    ).toEqual([]);
    expect(
      urlPointsAtResource.run({ field: "url", value: `http://127.0.0.1:4010${path}/Items`, path }),
    ).toHaveLength(1);
    expect(urlPointsAtResource.run({ field: "url", value: path, path })).toHaveLength(1);
  });

  it("paging_meta_is_complete wants every meta field, and accepts both documented ends", () => {
    const meta = {
      first_page_url: "http://h/M?Page=0",
      key: "maps",
      next_page_url: null,
      page: 0,
      page_size: 50,
      previous_page_url: null,
      url: "http://h/M?Page=0",
    };
    const input = { key: "maps", expectedPageSize: 50, expectedPage: 0, firstPage: true };
    expect(pagingMetaIsComplete.run({ ...input, body: { maps: [], meta } })).toEqual([]);
    expect(
      pagingMetaIsComplete.run({ ...input, body: { maps: [], meta: { ...meta, key: "items" } } }),
    ).toHaveLength(1);
    // facts C9: the last page's next_page_url is null (OAS) or "" (an older sample); anything else
    // fails.
    expect(
      pagingMetaIsComplete.run({
        ...input,
        body: { maps: [], meta: { ...meta, next_page_url: "" } },
      }),
    ).toEqual([]);
    expect(
      pagingMetaIsComplete.run({
        ...input,
        body: { maps: [], meta: { ...meta, next_page_url: "page-2" } },
      }),
    ).toHaveLength(1);
    expect(
      pagingMetaIsComplete.run({
        ...input,
        body: { maps: [], meta: { ...meta, previous_page_url: "" } },
      }),
    ).toHaveLength(1);
    expect(
      pagingMetaIsComplete.run({
        ...input,
        body: { maps: [], meta: { ...meta, previous_page_url: "http://h/M?Page=-1" } },
      }),
    ).toHaveLength(1);
    expect(pagingMetaIsComplete.run({ ...input, body: { items: [], meta } })).toHaveLength(1);
  });

  it("value_is_documented compares deeply", () => {
    expect(
      valueIsDocumented.run({
        subject: "x",
        actual: { a: [1] },
        expected: { a: [1] },
        documented: "d",
      }),
    ).toEqual([]);
    expect(
      valueIsDocumented.run({
        subject: "x",
        actual: { a: [1] },
        expected: { a: [2] },
        documented: "d",
      }),
    ).toHaveLength(1);
  });
});
