import { describe, expect, it } from "vitest";
import { describeSpecGaps, loadSpec } from "../../src/spec/index.ts";
import { TRIMMED_OPERATION, TRIMMED_PROPERTY, writeTrimmedSpec } from "../support/trimmed-spec.ts";

const ours = await loadSpec();

describe("describeSpecGaps", () => {
  it("finds nothing missing in our own document", () => {
    expect(describeSpecGaps(ours, ours)).toEqual([]);
  });

  it("names a missing operation, a missing response property and the missing limits", async () => {
    const gaps = describeSpecGaps(await loadSpec(writeTrimmedSpec()), ours);
    expect(gaps).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^does not describe ${TRIMMED_OPERATION}: behaviours that check its schema are skipped`,
        ),
      ),
    );
    // The Map schema appears in five answers and in the list's records.
    expect(gaps).toContainEqual(
      `CreateSyncMap 201 does not describe ${TRIMMED_PROPERTY}: the schema check does not see it`,
    );
    expect(gaps).toContainEqual(
      `ListSyncMap 200 does not describe maps[].${TRIMMED_PROPERTY}: the schema check does not see it`,
    );
    expect(gaps).toContainEqual(expect.stringMatching(/^declares no x-sync-map-limits/));
    expect(gaps.join("\n")).not.toMatch(/TwilioError/);
  });
});
