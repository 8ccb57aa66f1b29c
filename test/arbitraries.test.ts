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
import { EDGE_NUMBERS } from "../src/arbitraries/jsonData.ts";
import {
  KEY_FAMILIES,
  NEAR_DUPLICATE_VARIANTS,
  nearDuplicate,
  nearDuplicateFamily,
  nearDuplicateFamilyArbitrary,
} from "../src/arbitraries/nearDuplicates.ts";

/** Every value inside a JSON value, the value itself included. */
function valuesIn(value: unknown): unknown[] {
  if (Array.isArray(value)) return [value, ...value.flatMap(valuesIn)];
  if (value !== null && typeof value === "object")
    return [value, ...Object.values(value).flatMap(valuesIn)];
  return [value];
}

function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value !== null && typeof value === "object")
    return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

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

describe("item data at the edges", () => {
  const sample = fc.sample(jsonDataArbitrary({ maxBytes: 2048 }), { seed: 5, numRuns: 400 });
  const values = sample.flatMap(valuesIn);

  it("includes empty objects, arrays and strings, deep nesting and astral characters", () => {
    expect(sample.some((data) => Object.keys(data).length === 0)).toBe(true);
    expect(values.some((value) => Array.isArray(value) && value.length === 0)).toBe(true);
    expect(values).toContain("");
    expect(Math.max(...sample.map(depthOf))).toBeGreaterThanOrEqual(9);
    expect(
      values.some((value) => typeof value === "string" && /[\u{10000}-\u{10FFFF}]/u.test(value)),
    ).toBe(true);
  });

  it("includes numbers at the edges of IEEE-754 exactness, as JSON text carries them", () => {
    for (const edge of [Number.MAX_SAFE_INTEGER, 2 ** 53, 1e308, 5e-324])
      expect(values, `${edge} is generated`).toContain(edge);
    // -0 goes out as "0": zero is all the text promises back, and what the data holds.
    expect(EDGE_NUMBERS.some((edge) => Object.is(edge, -0))).toBe(true);
    expect(values.some((value) => Object.is(value, -0))).toBe(false);
  });
});

describe("near-duplicates", () => {
  const family = nearDuplicateFamily("key");

  it("are different strings, one for each kind of near-duplicate", () => {
    expect(new Set(family).size).toBe(family.length);
    expect(family.length).toBe(NEAR_DUPLICATE_VARIANTS.length);
    expect(family).toEqual(expect.arrayContaining(["key", "Key", " key", "key ", "key.", "key/"]));
  });

  it("become one string under the folding each kind tempts a server to", () => {
    const twin = (variant: (typeof NEAR_DUPLICATE_VARIANTS)[number]) =>
      nearDuplicate("key", variant);
    expect(twin("capitalised").toLowerCase()).toBe("key");
    expect(twin("upper").toLowerCase()).toBe("key");
    for (const spaced of ["leading-space", "trailing-space", "trailing-nbsp"] as const)
      expect(twin(spaced).trim()).toBe("key");
    expect(twin("decomposed")).not.toBe(twin("composed"));
    expect(twin("decomposed").normalize("NFC")).toBe(twin("composed"));
    expect(twin("composed")).toBe("k\u00e9y");
    expect(nearDuplicate("a/b", "percent-encoded")).toBe("a%2Fb");
    expect(decodeURIComponent(nearDuplicate("a/b", "percent-encoded"))).toBe("a/b");
    expect(decodeURIComponent(twin("percent-encoded"))).toBe("key");
  });

  it("come in generated families of two or more different members", () => {
    fc.assert(
      fc.property(nearDuplicateFamilyArbitrary(), (members) => {
        expect(members.length).toBeGreaterThanOrEqual(2);
        expect(new Set(members).size).toBe(members.length);
      }),
      { seed: 6, numRuns: 200 },
    );
  });

  it("that sequences use hold a case, a whitespace, a normal-form and an encoding twin", () => {
    const keys = KEY_FAMILIES.flat();
    expect(new Set(keys).size).toBe(keys.length);
    for (const pair of [
      ["key", "Key"],
      ["key", "key "],
      ["k\u00e9y", "ke\u0301y"],
      ["a/b", "a%2Fb"],
    ])
      expect(keys).toEqual(expect.arrayContaining(pair));
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
