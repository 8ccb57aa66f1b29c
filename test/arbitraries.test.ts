// The arbitraries hold to the documents and replay: the same seed gives the same values,
// and every value is one a conformant server must accept.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  itemKeyArbitrary,
  jsonDataArbitrary,
  mixSeed,
  sampleSeeded,
  uniqueNameArbitrary,
} from "../src/arbitraries/index.ts";
import { parseTwilioDate } from "../src/checks/dates.ts";

const limits = { keyLengthAccepted: 256, uniqueNameLengthAccepted: 256 };

describe("arbitraries", () => {
  it("produce the same values for the same seed and label, and others for another label", () => {
    const first = sampleSeeded(jsonDataArbitrary(), 42, "ITEM-DATA-ROUND-TRIP:data", 5);
    expect(sampleSeeded(jsonDataArbitrary(), 42, "ITEM-DATA-ROUND-TRIP:data", 5)).toEqual(first);
    expect(sampleSeeded(jsonDataArbitrary(), 42, "ITEM-KEY-RESERVED:data", 5)).not.toEqual(first);
    expect(mixSeed(42, "a")).not.toBe(mixSeed(43, "a"));
  });

  it("make item data that is a plain JSON object, survives JSON unchanged and stays small", () => {
    fc.assert(
      fc.property(jsonDataArbitrary({ maxBytes: 1024 }), (data) => {
        expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
        expect(JSON.parse(JSON.stringify(data))).toStrictEqual(data);
        expect(Buffer.byteLength(JSON.stringify(data), "utf8")).toBeLessThanOrEqual(1024);
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it("make item keys every documented reading accepts", () => {
    fc.assert(
      fc.property(itemKeyArbitrary(limits), (key) => {
        expect([...key].length).toBeGreaterThanOrEqual(1);
        expect([...key].length).toBeLessThanOrEqual(limits.keyLengthAccepted);
        expect(
          [...key].every(
            (character) => (character.codePointAt(0) ?? 0) >= 0x20 && character !== "\u007f",
          ),
        ).toBe(true);
        expect([".", ".."]).not.toContain(key);
        // Whole code points only: a lone surrogate is not valid UTF-8.
        expect(Buffer.from(key, "utf8").toString("utf8")).toBe(key);
      }),
      { seed: 2, numRuns: 300 },
    );
  });

  it("make unique names with the run prefix that never look like a SID", () => {
    fc.assert(
      fc.property(uniqueNameArbitrary("smc-x1-abc123-", limits), (name) => {
        expect(name.startsWith("smc-x1-abc123-")).toBe(true);
        expect(name).not.toMatch(/^[A-Z]{2}[0-9a-fA-F]{32}$/);
        expect([...name].length).toBeLessThanOrEqual(limits.uniqueNameLengthAccepted);
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});

describe("parseTwilioDate", () => {
  it("reads back every whole-second UTC date it is given, and nothing with an offset", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1970-01-01T00:00:00Z"),
          max: new Date("9999-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        (date) => {
          const whole = Math.floor(date.getTime() / 1000) * 1000;
          const text = new Date(whole).toISOString().replace(/\.\d{3}Z$/, "Z");
          expect(parseTwilioDate(text)).toBe(whole);
          expect(parseTwilioDate(text.replace("Z", "+00:00"))).toBeUndefined();
        },
      ),
      { seed: 4, numRuns: 500 },
    );
  });
});
