import { NOT_FOUND_CODES } from "../../../spec/documented.ts";
import { SyncModel } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { SyncCommand, addressOf, describeMap, targetOf, type MapArgs } from "../command.ts";
import { bodyOf, expectEqual, expectRefusal, expectStatus } from "../expect.ts";
import { advanceCursor, keysOf, pageRecords } from "../paging.ts";
import { expectListedItems } from "./itemAnswers.ts";

export type OpenItemPageArgs = MapArgs & {
  readonly order: "asc" | "desc";
  readonly pageSize: number;
};

/** Reads the first page only and keeps its next_page_url for NextItemPage. */
export class OpenItemPage extends SyncCommand {
  static override readonly op = "OpenItemPage";
  constructor(readonly args: OpenItemPageArgs) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    const { order, pageSize } = this.args;
    return `OpenItemPage(${describeMap(this.args)}, Order=${order}, PageSize=${pageSize})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { order, pageSize, byName } = this.args;
    const target = targetOf(model, this.args.choice);
    const address = addressOf(real, target, byName);
    const exchange = real.noteExchange(
      await real.api.listItems(address, { Order: order, PageSize: pageSize }),
    );
    const reached = model.reach(target, byName);
    if (reached === undefined) {
      return expectRefusal(exchange, 404, NOT_FOUND_CODES, "the address names no live map");
    }
    expectStatus(exchange, 200, "ListSyncMapItem answers 200");
    const body = bodyOf(exchange);
    const records = pageRecords(exchange, body, "items");
    const all = SyncModel.orderedKeys(reached, order, undefined, "inclusive");
    const keys = all.slice(0, pageSize);
    const documented = `the first ${pageSize} keys in ${order} code-point order`;
    expectEqual(
      exchange,
      `keys on the first page of ${pageSize}`,
      keysOf(records),
      keys,
      documented,
    );
    expectListedItems(real, exchange, reached, records);
    advanceCursor(
      real,
      exchange,
      body,
      reached,
      { order, pageSize },
      { keys, more: all.length > pageSize },
    );
  }
}
