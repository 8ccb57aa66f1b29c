// SEQ-MAPS in a service crowded with foreign maps, as a real account is: a walk reads
// twenty pages of its generated size, then the whole list again in pages of 100, so it costs
// tens of requests, not one for every map or five. The clean server still passes, the second
// walk is really taken, and faults a walk shows are still caught on it.
import { describe, expect, it } from "vitest";
import { allBehaviours } from "../../suites/index.ts";
import { faultById } from "../../fixtures/faults/index.ts";
import type { RequestSpec } from "../../src/http/client.ts";
import type { SyncMapApi } from "../../src/http/syncApi.ts";
import { describeOutcome, runOnServer } from "./support.ts";

/** More than twenty pages of the largest generated page size (5) hold. */
const FOREIGN_MAPS = 150;
const seqMaps = allBehaviours.filter((definition) => definition.id === "SEQ-MAPS");

async function crowd(api: SyncMapApi): Promise<void> {
  for (let start = 0; start < FOREIGN_MAPS; start += 25)
    await Promise.all(
      Array.from({ length: Math.min(25, FOREIGN_MAPS - start) }, () => api.createMap()),
    );
}

/** The map-list requests SEQ-MAPS sends, by PageSize. */
function listRequests(): {
  pageSizes: Map<string, number>;
  journal: { sending(spec: RequestSpec): undefined };
} {
  const pageSizes = new Map<string, number>();
  return {
    pageSizes,
    journal: {
      sending(spec: RequestSpec) {
        const size = spec.query?.PageSize;
        if (spec.method === "GET" && /\/Maps$/.test(spec.path) && size !== undefined)
          pageSizes.set(String(size), (pageSizes.get(String(size)) ?? 0) + 1);
        return undefined;
      },
    },
  };
}

describe(`SEQ-MAPS beside ${FOREIGN_MAPS} foreign maps`, () => {
  it.concurrent(
    "passes the clean server, walking the crowded list again in pages of 100",
    async () => {
      const { pageSizes, journal } = listRequests();
      const [outcome] = await runOnServer(seqMaps, undefined, { setUp: crowd, journal, runs: 10 });
      expect(outcome?.outcome, outcome && describeOutcome(outcome)).toBe("passed");
      expect(pageSizes.get("100") ?? 0).toBeGreaterThan(0);
      // Bounded: some 20 small pages and 2 large ones a walk, not one request per map.
      expect(outcome?.requests).toBeLessThan(FOREIGN_MAPS * 10);
    },
  );

  // What the model sees of its own maps on either walk (paging faults over the crowded list
  // are MAP-LIST-WALK's: its single walk still reads the whole list in pages of 3).
  for (const id of ["map-list-shows-record-at-creation", "map-deleted-maps-still-listed"]) {
    it.concurrent(`catches ${id}`, async () => {
      const fault = faultById(id);
      if (fault === undefined) throw new Error(`no fault ${id}`);
      const [outcome] = await runOnServer(seqMaps, fault, { setUp: crowd, runs: 10 });
      expect(outcome?.outcome, outcome && describeOutcome(outcome)).toBe("failed");
    });
  }
});
