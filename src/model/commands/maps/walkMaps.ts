import { MAX_PAGE_SIZE_ALL_READINGS } from "../../../spec/documented.ts";
import type { SyncModel } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { SyncCommand } from "../command.ts";
import { expectThat } from "../expect.ts";
import { walkList, type ListWalk } from "../paging.ts";
import { READ } from "../records.ts";
import { expectMapRecord } from "./mapAnswers.ts";

/** The account may hold many foreign maps: a walk this long stops without a verdict on its end. */
const MAX_PAGES = 2_000;
/**
 * Pages of the generated size a walk reads before it starts again in pages of the largest
 * size every reading allows. The list holds every map of the service, and a service crowded
 * with foreign maps (a real account's, a run's other behaviours') would cost a request for
 * every map or five on every walk: SEQ-MAPS sent 461 requests beside no foreign map, 1,891
 * beside 100 and 14,908 beside 1,000. The sequence's own maps are judged on both walks;
 * the paging itself over a crowded list in small pages is MAP-LIST-WALK's to judge, once.
 */
const SMALL_PAGES = 20;

const LIST_OPTIONS = {
  operationId: "ListSyncMap",
  recordsKey: "maps",
  endsBeforeCap: false,
} as const;

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
    const small = await walkList(real, first, { ...LIST_OPTIONS, maxPages: SMALL_PAGES });
    if (!small.capped) {
      judgeWalk(model, real, small, `over pages of ${pageSize}`, true);
      return;
    }
    // A crowded list: the small pages seen so far may show a map at most once, and never a
    // deleted one; the whole list is then read in large pages.
    const part = `over the first ${SMALL_PAGES} pages of ${pageSize}`;
    judgeWalk(model, real, small, part, false);
    const large = MAX_PAGE_SIZE_ALL_READINGS;
    const firstLarge = real.noteExchange(await real.api.listMaps({ PageSize: large }));
    const whole = await walkList(real, firstLarge, { ...LIST_OPTIONS, maxPages: MAX_PAGES });
    judgeWalk(model, real, whole, `over pages of ${large} (${part} did not reach the end)`, true);
  }
}

/** Each of the sequence's maps as often as the walk should show it, each record whole. */
function judgeWalk(
  model: SyncModel,
  real: RealSystem,
  walk: ListWalk,
  pages: string,
  complete: boolean,
): void {
  const { records, last } = walk;
  const listed = records.flatMap((map) => (typeof map.sid === "string" ? [map.sid] : []));
  for (const map of model.maps) {
    const sid = real.sids[map.ref];
    if (sid === undefined) continue;
    const times = listed.filter((listedSid) => listedSid === sid).length;
    const received = `map#${map.ref} (${sid}) listed ${times} times ${pages}`;
    if (map.deleted) expectThat(last, times === 0, received, "a deleted map is not listed");
    else if (complete)
      expectThat(last, times === 1, received, "a walk lists each live map exactly once");
    else expectThat(last, times <= 1, received, "a walk lists a live map no more than once");
    const record = records.find((listedMap) => listedMap.sid === sid);
    if (!map.deleted && record !== undefined) expectMapRecord(real, last, record, map, READ);
  }
}
