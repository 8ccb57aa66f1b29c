import { NOT_FOUND_CODES } from "../../../spec/documented.ts";
import type { SyncModel } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { addressOf, describeMap, targetOf } from "../command.ts";
import { bodyOf, expectRefusal, expectSameRevision, expectStatus } from "../expect.ts";
import { READ } from "../records.ts";
import { expectEtag, expectItemRecord, itemLabel, itemObject } from "./itemAnswers.ts";
import { KeyedCommand, type KeyedArgs } from "./keys.ts";

/** The data last written and the revision last seen; a missing item or map is a 404. */
export class FetchItem extends KeyedCommand<KeyedArgs> {
  static override readonly op = "FetchItem";
  constructor(readonly args: KeyedArgs) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    if (model.maps.length === 0) return false;
    this.keyIn(model);
    return true;
  }
  describe(): string {
    return `FetchItem(${describeMap(this.args)}, ${this.describeKey()})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const key = this.keyIn(model);
    const target = targetOf(model, this.args.choice);
    const exchange = real.noteExchange(
      await real.api.fetchItem(addressOf(real, target, this.args.byName), key),
    );
    const reached = model.reach(target, this.args.byName);
    if (reached === undefined) {
      return expectRefusal(exchange, 404, NOT_FOUND_CODES, "the address names no live map");
    }
    const item = reached.items.get(key);
    if (item === undefined) {
      const why = `${itemLabel(reached, key)} does not exist (never created, or deleted)`;
      return expectRefusal(exchange, 404, NOT_FOUND_CODES, why);
    }
    expectStatus(exchange, 200, "FetchSyncMapItem answers 200");
    const body = bodyOf(exchange);
    expectItemRecord(real, exchange, body, reached, item, READ);
    expectSameRevision(real, exchange, itemObject(reached, item.key), body.revision);
    expectEtag(exchange, "FetchSyncMapItem answer", body.revision);
  }
}
