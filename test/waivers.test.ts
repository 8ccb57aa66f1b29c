import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "../src/config/config.ts";
import { isExpired, loadWaivers, parseWaivers } from "../src/config/waivers.ts";
import type { Waiver } from "../src/config/waivers.ts";
import { exitCodeOf } from "../reporters/summary.ts";
import { applyWaivers, waiverNotices } from "../reporters/waive.ts";
import { behaviour, summaryOf } from "./support/summaries.ts";
import { expectValidSummary } from "./support/summary-schema.ts";

const today = new Date("2026-03-15T12:00:00Z");
const dir = mkdtempSync(join(tmpdir(), "smc-waivers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const waiver = (id: string, expires = "2026-12-31"): Waiver => ({
  id,
  reason: `vendor ticket for ${id}`,
  expires,
});

describe("loadWaivers", () => {
  it("reads a YAML file with a waivers list", () => {
    const file = fileWith(
      "ok.yaml",
      "waivers:\n  - id: MAP-TTL-ALIAS\n    reason: ' known upstream bug '\n    expires: 2026-06-30\n",
    );
    expect(loadWaivers(file)).toEqual([
      { id: "MAP-TTL-ALIAS", reason: "known upstream bug", expires: "2026-06-30" },
    ]);
  });

  it("reads a JSON file holding a bare list", () => {
    const file = fileWith(
      "ok.json",
      JSON.stringify([{ id: "ITEM-KEY-LENGTH", reason: "r", expires: "2026-01-01" }]),
    );
    expect(loadWaivers(file)).toEqual([
      { id: "ITEM-KEY-LENGTH", reason: "r", expires: "2026-01-01" },
    ]);
  });

  it("accepts an empty waivers list", () => {
    expect(parseWaivers("waivers: []\n", "w.yaml")).toEqual([]);
  });

  it.each([
    [
      "an unknown field",
      "- {id: MAP-A, reason: r, expires: 2026-01-01, owner: me}",
      /w\.yaml: entry 1 \(MAP-A\): unknown field "owner"/,
    ],
    [
      "a missing reason",
      "- {id: MAP-A, expires: 2026-01-01}",
      /entry 1 \(MAP-A\): reason is required/,
    ],
    ["a blank reason", "- {id: MAP-A, reason: '  ', expires: 2026-01-01}", /reason is required/],
    [
      "a date in another format",
      "- {id: MAP-A, reason: r, expires: 01/02/2026}",
      /entry 1 \(MAP-A\): expires must be a date written YYYY-MM-DD/,
    ],
    [
      "an impossible date",
      "- {id: MAP-A, reason: r, expires: 2026-02-30}",
      /expires must be a date/,
    ],
    ["a missing expiry", "- {id: MAP-A, reason: r}", /expires must be a date/],
    [
      "a lower-case id",
      "- {id: map-a, reason: r, expires: 2026-01-01}",
      /entry 1 \(map-a\): id must be a behaviour id/,
    ],
    [
      "a duplicate id",
      "- {id: MAP-A, reason: r, expires: 2026-01-01}\n- {id: MAP-B, reason: r, expires: 2026-01-01}\n- {id: MAP-A, reason: s, expires: 2026-02-01}",
      /entry 3 \(MAP-A\) repeats the id of entry 1/,
    ],
    ["an entry that is not a mapping", "- MAP-A", /entry 1: expected a mapping/],
    [
      "an unknown top-level field",
      "waivers: []\nexpiry: 2026-01-01",
      /unknown top-level field "expiry"/,
    ],
    ["no list at all", "waivers: MAP-A", /expected a list of waivers/],
    ["an empty file", "", /expected a list of waivers/],
    ["text that does not parse", "waivers: [", /not valid YAML or JSON/],
  ])("refuses %s with a one-line ConfigError naming the file", (_what, text, message) => {
    const attempt = (): unknown => parseWaivers(text, "w.yaml");
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).toContain("w.yaml");
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("refuses a missing file with a one-line reason", () => {
    const file = join(dir, "absent.yaml");
    expect(() => loadWaivers(file)).toThrow(ConfigError);
    expect(() => loadWaivers(file)).toThrow(`waivers file ${file}: cannot read it (ENOENT)`);
  });
});

describe("isExpired", () => {
  it.each([
    ["2026-03-16", false],
    ["2026-03-15", false],
    ["2026-03-14", true],
  ])("a waiver expiring %s is expired on 2026-03-15: %s", (expires, expired) => {
    expect(isExpired({ expires }, today)).toBe(expired);
  });

  it("compares calendar days in UTC, whatever the hour", () => {
    expect(isExpired({ expires: "2026-03-15" }, new Date("2026-03-15T23:59:59.999Z"))).toBe(false);
    expect(isExpired({ expires: "2026-03-15" }, new Date("2026-03-16T00:00:00.000Z"))).toBe(true);
    // 01:00 on the 16th in UTC+02:00 is still the 15th in UTC.
    expect(isExpired({ expires: "2026-03-15" }, new Date("2026-03-16T01:00:00+02:00"))).toBe(false);
  });
});

describe("applyWaivers", () => {
  it("turns a failed MUST with a live waiver into waived, keeps its failures, and the run passes", () => {
    const summary = summaryOf(behaviour("MAP-A", "failed"), behaviour("MAP-B", "passed"));
    expect(exitCodeOf(summary, false)).toBe(1);
    const waived = applyWaivers(summary, [waiver("MAP-A")], today);
    const a = waived.behaviours[0];
    expect(a?.status).toBe("waived");
    expect(a?.failures).toEqual(summary.behaviours[0]?.failures);
    expect(a?.waiver).toEqual({ reason: "vendor ticket for MAP-A", expires: "2026-12-31" });
    expect(waived.totals).toMatchObject({ behaviours: 2, passed: 1, failed: 0, waived: 1 });
    expect(waived.waivers).toEqual({
      applied: ["MAP-A"],
      expired: [],
      stale: [],
      unknown: [],
      notRun: [],
    });
    expect(exitCodeOf(waived, false)).toBe(0);
    expectValidSummary(waived);
  });

  it("waives a warned SHOULD too, so --strict passes", () => {
    const summary = summaryOf(behaviour("MAP-S", "warned", "SHOULD"));
    const waived = applyWaivers(summary, [waiver("MAP-S")], today);
    expect(waived.behaviours[0]?.status).toBe("waived");
    expect(exitCodeOf(waived, true)).toBe(0);
  });

  it("never reports a waived behaviour as passed", () => {
    const summary = summaryOf(behaviour("MAP-A", "failed"), behaviour("MAP-S", "warned", "SHOULD"));
    const waived = applyWaivers(summary, [waiver("MAP-A"), waiver("MAP-S")], today);
    expect(waived.behaviours.map((b) => b.status)).toEqual(["waived", "waived"]);
    expect(waived.totals.passed).toBe(0);
  });

  it("leaves a behaviour failed when its waiver expired, says so, and the run fails", () => {
    const summary = summaryOf(behaviour("MAP-A", "failed"));
    const waived = applyWaivers(summary, [waiver("MAP-A", "2026-03-14")], today);
    expect(waived.behaviours[0]?.status).toBe("failed");
    expect(waived.behaviours[0]?.waiver).toEqual({
      reason: "vendor ticket for MAP-A",
      expires: "2026-03-14",
      expired: true,
    });
    expect(waived.waivers.expired).toEqual(["MAP-A"]);
    expect(waived.totals).toMatchObject({ failed: 1, waived: 0 });
    expect(exitCodeOf(waived, false)).toBe(1);
    expect(waiverNotices(waived)).toEqual([
      "waiver for MAP-A expired on 2026-03-14: its failure counts again",
    ]);
    expectValidSummary(waived);
  });

  it("still applies a waiver on its expiry day", () => {
    const waived = applyWaivers(
      summaryOf(behaviour("MAP-A", "failed")),
      [waiver("MAP-A", "2026-03-15")],
      today,
    );
    expect(waived.behaviours[0]?.status).toBe("waived");
  });

  it("reports a waiver whose behaviour passes as stale and leaves the behaviour passed", () => {
    const summary = summaryOf(behaviour("MAP-A", "passed"));
    const waived = applyWaivers(summary, [waiver("MAP-A")], today);
    expect(waived.behaviours[0]).toEqual(summary.behaviours[0]);
    expect(waived.waivers.stale).toEqual(["MAP-A"]);
    expect(waiverNotices(waived)).toEqual([
      "waiver for MAP-A is stale: the behaviour passes, delete the waiver",
    ]);
  });

  it("reports a waiver for an id outside the catalogue as unknown", () => {
    const waived = applyWaivers(
      summaryOf(behaviour("MAP-A", "failed")),
      [waiver("MAP-TYPO")],
      today,
    );
    expect(waived.waivers.unknown).toEqual(["MAP-TYPO"]);
    expect(waived.behaviours[0]?.status).toBe("failed");
    expect(waiverNotices(waived)).toEqual([
      "waiver for MAP-TYPO names no behaviour in the catalogue",
    ]);
  });

  it("lists a waiver whose behaviour was skipped as not run, neither applied nor stale", () => {
    const waived = applyWaivers(summaryOf(behaviour("MAP-A", "skipped")), [waiver("MAP-A")], today);
    expect(waived.behaviours[0]?.status).toBe("skipped");
    expect(waived.waivers).toEqual({
      applied: [],
      expired: [],
      stale: [],
      unknown: [],
      notRun: ["MAP-A"],
    });
  });

  it("never hides a broken behaviour: it stays broken, the waiver is not checked, and the run exits 2", () => {
    const summary = summaryOf(behaviour("MAP-A", "broken"), behaviour("MAP-B", "passed"));
    const waived = applyWaivers(summary, [waiver("MAP-A")], today);
    expect(waived.behaviours[0]).toEqual(summary.behaviours[0]);
    expect(waived.totals).toMatchObject({ broken: 1, waived: 0 });
    expect(waived.waivers).toEqual({
      applied: [],
      expired: [],
      stale: [],
      unknown: [],
      notRun: ["MAP-A"],
    });
    expect(waiverNotices(waived)).toEqual([
      "waiver for MAP-A was not checked: the behaviour was broken",
    ]);
    expect(exitCodeOf(waived, false)).toBe(2);
    expectValidSummary(waived);
  });

  it("puts every waiver in exactly one list", () => {
    const summary = summaryOf(
      behaviour("MAP-A", "failed"),
      behaviour("MAP-B", "failed"),
      behaviour("MAP-C", "passed"),
      behaviour("MAP-D", "skipped"),
      behaviour("MAP-F", "broken"),
    );
    const waivers = [
      waiver("MAP-A"),
      waiver("MAP-B", "2020-01-01"),
      waiver("MAP-C"),
      waiver("MAP-D"),
      waiver("MAP-E"),
      waiver("MAP-F"),
    ];
    const report = applyWaivers(summary, waivers, today).waivers;
    const listed = Object.values(report).flat().sort();
    expect(listed).toEqual(waivers.map((w) => w.id).sort());
  });

  it("is pure and idempotent", () => {
    const summary = summaryOf(behaviour("MAP-A", "failed"), behaviour("MAP-S", "warned", "SHOULD"));
    const frozen = structuredClone(summary);
    const once = applyWaivers(summary, [waiver("MAP-A"), waiver("MAP-S")], today);
    expect(summary).toEqual(frozen);
    expect(applyWaivers(once, [waiver("MAP-A"), waiver("MAP-S")], today)).toEqual(once);
    // Once the waivers run out, the earlier waived verdicts fall back to the failures they stand
    // for.
    const later = applyWaivers(
      once,
      [waiver("MAP-A", "2026-01-01"), waiver("MAP-S", "2026-01-01")],
      today,
    );
    expect(later.behaviours.map((b) => b.status)).toEqual(["failed", "warned"]);
  });
});
