import type { SyncModel } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { SyncCommand } from "../command.ts";
import { expectThat } from "../expect.ts";
import { walkList } from "../paging.ts";
import { READ } from "../records.ts";
import { expectMapRecord } from "./mapAnswers.ts";

/** The account may hold many foreign maps: a walk this long stops without a verdict on its end. */
const MAX_PAGES = 2_000;

/**
 * Follows every page; the sequence's own maps each appear once if live, never if
 * deleted, and each listed record is the map whole, as a fetch would answer it now.
 */
export class WalkMaps extends SyncCommand {
  static override readonly op = "WalkMaps";
  constructor(readonly args: { readonly pageSize: number }) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    return `WalkMaps(PageSize=${this.args.pageSize})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { pageSize } = this.args;
    const first = real.noteExchange(await real.api.listMaps({ PageSize: pageSize }));
    const options = {
      operationId: "ListSyncMap",
      recordsKey: "maps",
      maxPages: MAX_PAGES,
      endsBeforeCap: false,
    } as const;
    const { records, last } = await walkList(real, first, options);
    const listed = records.flatMap((map) => (typeof map.sid === "string" ? [map.sid] : []));
    for (const map of model.maps) {
      const sid = real.sids[map.ref];
      if (sid === undefined) continue;
      const times = listed.filter((listedSid) => listedSid === sid).length;
      const expected = map.deleted ? 0 : 1;
      const received = `map#${map.ref} (${sid}) listed ${times} times over pages of ${pageSize}`;
      expectThat(
        last,
        times === expected,
        received,
        map.deleted ? "a deleted map is not listed" : "a walk lists each live map exactly once",
      );
      const record = records.find((listedMap) => listedMap.sid === sid);
      if (!map.deleted && record !== undefined) expectMapRecord(real, last, record, map, READ);
    }
  }
}
