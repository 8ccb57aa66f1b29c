import { REFERENCE, cite } from "../../../spec/documented.ts";
import { SyncModel, type ModelCursor, type ModelMap } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { SyncCommand } from "../command.ts";
import { bodyOf, expectEqual, expectStatus } from "../expect.ts";
import { advanceCursor, cursorUrls, keysOf, pageRecords } from "../paging.ts";
import { expectListedItems } from "./itemAnswers.ts";

/**
 * Follows an open cursor's next_page_url, however long after it was handed out: the
 * page holds the keys after the cursor that exist now. Offset paging shows here: a
 * delete before the cursor makes it skip a key, an insert makes it repeat one.
 */
export class NextItemPage extends SyncCommand {
  static override readonly op = "NextItemPage";
  /** Which map's cursor this picks, remembered at check time so the script names it. */
  private shownRef: number | undefined;
  constructor(readonly args: { readonly cursor: number }) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    this.shownRef = this.openCursor(model)?.ref;
    return this.shownRef !== undefined;
  }
  describe(): string {
    const which =
      this.shownRef === undefined
        ? `open cursor ${this.args.cursor}`
        : `the cursor open on map#${this.shownRef}`;
    return `NextItemPage(${which})`;
  }
  private openCursor(model: Readonly<SyncModel>): ModelMap | undefined {
    const open = model.live().filter((map) => map.cursor !== undefined);
    return open[this.args.cursor % Math.max(open.length, 1)];
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const map = this.openCursor(model) as ModelMap;
    const cursor = map.cursor as ModelCursor;
    const url = cursorUrls(real).get(map.ref);
    if (url === undefined) {
      throw new Error(
        `map#${map.ref} has an open cursor but no next_page_url: ` +
          "the model and the run fell out of step",
      );
    }
    const exchange = real.noteExchange(await real.api.follow("ListSyncMapItem", url));
    expectStatus(exchange, 200, "the next page of ListSyncMapItem answers 200");
    const body = bodyOf(exchange);
    const records = pageRecords(exchange, body, "items");
    const page = SyncModel.nextPageKeys(map, cursor);
    const where = `map#${map.ref}, Order=${cursor.order}, PageSize=${cursor.pageSize}`;
    const subject = `keys on the page after ${JSON.stringify(cursor.after)} (${where})`;
    const documented =
      "the keys after the last one shown that exist now: page tokens carry the last key, " +
      `not an offset (${cite(REFERENCE.paging)})`;
    expectEqual(exchange, subject, keysOf(records), page.keys, documented);
    expectListedItems(real, exchange, map, records);
    advanceCursor(real, exchange, body, map, cursor, page);
  }
}
