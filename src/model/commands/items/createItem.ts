import { CODE, DATA_MAX_BYTES, NOT_FOUND_CODES } from "../../../spec/documented.ts";
import { SyncModel } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { SyncCommand, addressOf, describeMap, targetOf, type MapArgs } from "../command.ts";
import { bodyOf, expectNewRevision, expectStatus } from "../expect.ts";
import {
  collectionTtlForm,
  describeTtl,
  itemTtlForm,
  type ItemTtlAlias,
  type TtlChoice,
} from "../ttl.ts";
import { dataAt, dataText, describeData, type DataChoice } from "./data.ts";
import { written } from "../records.ts";
import { expectEtag, expectItemRecord, itemObject, unsettleMap } from "./itemAnswers.ts";
import { expectProblems, ttlProblems } from "./problems.ts";

export type CreateItemArgs = MapArgs & {
  readonly key: string;
  readonly data: DataChoice;
  readonly ttl: TtlChoice;
  readonly alias: ItemTtlAlias;
  readonly collectionTtl: TtlChoice;
};

/** A new key: 201 with the data; a key the map holds is a 409, a missing map a 404. */
export class CreateItem extends SyncCommand {
  static override readonly op = "CreateItem";
  constructor(readonly args: CreateItemArgs) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    const { key, data, ttl, alias, collectionTtl } = this.args;
    const ttlText = ttl === undefined ? "" : `${describeTtl(ttl)} via ${alias}`;
    const collection =
      collectionTtl === undefined ? "" : `, CollectionTtl=${JSON.stringify(collectionTtl)}`;
    const rest = `${describeData(data)}${ttlText}${collection}`;
    return `CreateItem(${describeMap(this.args)}, key=${JSON.stringify(key)}${rest})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { key, ttl, alias, collectionTtl, byName } = this.args;
    const target = targetOf(model, this.args.choice);
    const form = {
      Key: key,
      Data: dataText(this.args.data),
      ...itemTtlForm(ttl, alias),
      ...collectionTtlForm(collectionTtl),
    };
    const exchange = real.noteExchange(
      await real.api.createItem(addressOf(real, target, byName), form),
    );
    const reached = model.reach(target, byName);
    const problems = ttlProblems([
      [alias === "Ttl" ? "Ttl" : "ItemTtl", ttl],
      ["CollectionTtl", collectionTtl],
    ]);
    if (this.args.data === "oversize") {
      const why = `Data over ${DATA_MAX_BYTES / 1024} KiB is refused (${CODE.dataTooLarge})`;
      problems.push({ status: "4xx", codes: [], why });
    }
    if (reached === undefined) {
      problems.push({ status: 404, codes: NOT_FOUND_CODES, why: "the address names no live map" });
    } else if (reached.items.has(key)) {
      const why = `key ${JSON.stringify(key)} already exists in the map`;
      problems.push({ status: 409, codes: [CODE.duplicateKey], why });
    }
    if (
      expectProblems(exchange, problems) ||
      reached === undefined ||
      this.args.data === "oversize"
    )
      return;

    expectStatus(exchange, 201, "CreateSyncMapItem answers 201");
    const body = bodyOf(exchange);
    real.calibrate(exchange, body.date_created);
    const write = real.recordWrite(exchange);
    const item = SyncModel.createItem(
      reached,
      key,
      dataAt(this.args.data),
      ttl as number | undefined,
      write,
    );
    // CollectionTtl on an item write is the parent map's ttl; FetchMap holds it.
    SyncModel.setExpiry(reached, collectionTtl as number | undefined, write);
    unsettleMap(real, reached, collectionTtl !== undefined);
    expectItemRecord(real, exchange, body, reached, item, written(write, []));
    expectNewRevision(real, exchange, itemObject(reached, key), body.revision);
    expectEtag(exchange, "CreateSyncMapItem answer", body.revision);
  }
}
