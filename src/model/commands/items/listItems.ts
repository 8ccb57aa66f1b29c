import { NOT_FOUND_CODES, REFERENCE, cite } from "../../../spec/documented.ts";
import { SyncModel, compareCodePoints } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { SyncCommand, addressOf, describeMap, targetOf, type MapArgs } from "../command.ts";
import { expectEqual, expectRefusal } from "../expect.ts";
import { keysOf, walkList } from "../paging.ts";
import { expectListedItems } from "./itemAnswers.ts";

/** A map in a sequence holds a handful of keys: a list this long never ends. */
const MAX_PAGES = 200;

export type ListItemsArgs = MapArgs & {
  readonly order: "asc" | "desc";
  readonly from: string | null;
  readonly bounds: "inclusive" | "exclusive";
  readonly pageSize: number;
};

/** Lists every page: exactly the keys the model orders for Order, From and Bounds. */
export class ListItems extends SyncCommand {
  static override readonly op = "ListItems";
  constructor(readonly args: ListItemsArgs) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    const { order, from, bounds, pageSize } = this.args;
    const fromText = from === null ? "" : `, From=${JSON.stringify(from)}, Bounds=${bounds}`;
    return `ListItems(${describeMap(this.args)}, Order=${order}${fromText}, PageSize=${pageSize})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { order, from, bounds, pageSize, byName } = this.args;
    const target = targetOf(model, this.args.choice);
    const query = {
      Order: order,
      PageSize: pageSize,
      ...(from === null ? {} : { From: from, Bounds: bounds }),
    };
    const first = real.noteExchange(
      await real.api.listItems(addressOf(real, target, byName), query),
    );
    const reached = model.reach(target, byName);
    if (reached === undefined) {
      return expectRefusal(first, 404, NOT_FOUND_CODES, "the address names no live map");
    }
    const options = {
      operationId: "ListSyncMapItem",
      recordsKey: "items",
      maxPages: MAX_PAGES,
      endsBeforeCap: true,
    } as const;
    const { records, last } = await walkList(real, first, options);
    const expected = SyncModel.orderedKeys(reached, order, from ?? undefined, bounds);
    const subject = `keys listed over pages of ${pageSize}`;
    if (expected.every(isAscii)) {
      const reference = cite(REFERENCE.itemOrder);
      const documented = `each item once, in code-point order of its key, from From on: ${reference}`;
      expectEqual(last, subject, keysOf(records), expected, documented);
    } else {
      // Beyond ASCII the order is not documented (docs/behaviour-reference.md#c10-item-order):
      // each item once, in any order.
      const documented = `each item once, in an order documented for ASCII keys only: ${cite(REFERENCE.itemOrderConflict)}`;
      const sorted = (keys: readonly unknown[]) => [...keys].map(String).sort(compareCodePoints);
      expectEqual(
        last,
        `${subject} (sorted here)`,
        sorted(keysOf(records)),
        sorted(expected),
        documented,
      );
    }
    expectListedItems(real, last, reached, records);
  }
}

const isAscii = (key: string): boolean => /^[\x20-\x7e]*$/.test(key);
