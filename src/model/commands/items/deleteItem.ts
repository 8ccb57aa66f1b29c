import { NOT_FOUND_CODES, PRECONDITION_FAILED_CODES } from "../../../spec/documented.ts";
import type { SyncModel } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { addressOf, describeMap, targetOf } from "../command.ts";
import { expectRefusal, expectStatus } from "../expect.ts";
import { describeIfMatch, ifMatchPossible, ifMatchValue, type IfMatchChoice } from "./ifMatch.ts";
import { itemLabel, itemObject, unsettleMap } from "./itemAnswers.ts";
import { KeyedCommand, type KeyedArgs } from "./keys.ts";

export type DeleteItemArgs = KeyedArgs & {
  readonly ifMatch: IfMatchChoice;
  readonly stale: number;
};

/** 204 and the key is free again; a stale If-Match deletes nothing and is a 412. */
export class DeleteItem extends KeyedCommand<DeleteItemArgs> {
  static override readonly op = "DeleteItem";
  constructor(readonly args: DeleteItemArgs) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0 && ifMatchPossible(model, this.args, this.keyIn(model));
  }
  describe(): string {
    const ifMatch = describeIfMatch(this.args.ifMatch, this.args.stale);
    return `DeleteItem(${describeMap(this.args)}, ${this.describeKey()}${ifMatch})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { ifMatch, byName } = this.args;
    const key = this.keyIn(model);
    const target = targetOf(model, this.args.choice);
    const reached = model.reach(target, byName);
    const object = reached === undefined ? undefined : itemObject(reached, key);
    const sentIfMatch =
      object === undefined ? undefined : ifMatchValue(real, object, ifMatch, this.args.stale);
    const address = addressOf(real, target, byName);
    const exchange = real.noteExchange(await real.api.deleteItem(address, key, sentIfMatch));
    if (reached === undefined) {
      return expectRefusal(exchange, 404, NOT_FOUND_CODES, "the address names no live map");
    }
    if (!reached.items.has(key)) {
      return expectRefusal(
        exchange,
        404,
        NOT_FOUND_CODES,
        `${itemLabel(reached, key)} does not exist`,
      );
    }
    if (ifMatch === "stale") {
      const earlier = `If-Match ${JSON.stringify(sentIfMatch)} is an earlier revision of`;
      const why = `${earlier} ${itemLabel(reached, key)}, so nothing is deleted`;
      return expectRefusal(exchange, 412, PRECONDITION_FAILED_CODES, why);
    }
    expectStatus(exchange, 204, "DeleteSyncMapItem answers 204");
    reached.items.delete(key);
    real.forget(itemObject(reached, key));
    unsettleMap(real, reached);
  }
}
