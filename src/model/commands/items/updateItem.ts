import { isDeepStrictEqual } from "node:util";
import { CODE, NOT_FOUND_CODES, PRECONDITION_FAILED_CODES } from "../../../spec/documented.ts";
import type { Exchange } from "../../../http/exchange.ts";
import { SyncModel } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { addressOf, describeMap, targetOf } from "../command.ts";
import { bodyOf, expectNewRevision, expectStatus } from "../expect.ts";
import {
  collectionTtlForm,
  describeTtl,
  itemTtlForm,
  type ItemTtlAlias,
  type TtlChoice,
} from "../ttl.ts";
import { dataAt, describeData, type DataChoice } from "./data.ts";
import { describeIfMatch, ifMatchPossible, ifMatchValue, type IfMatchChoice } from "./ifMatch.ts";
import { written } from "../records.ts";
import {
  expectEtag,
  expectItemRecord,
  itemLabel,
  itemObject,
  itemWriteChanges,
  unsettleMap,
} from "./itemAnswers.ts";
import { KeyedCommand, type KeyedArgs } from "./keys.ts";
import { expectProblems, ttlProblems, type Problem } from "./problems.ts";

export type UpdateItemArgs = KeyedArgs & {
  readonly data: Exclude<DataChoice, "oversize"> | null;
  readonly ttl: TtlChoice;
  readonly alias: ItemTtlAlias;
  readonly collectionTtl: TtlChoice;
  readonly ifMatch: IfMatchChoice;
  readonly stale: number;
};

/**
 * An update that changes nothing the documents show (the same data, expiry untouched):
 * "every change gives a new revision" leaves open whether it is a change, so the
 * revision may stay as it was; it must not go back to an earlier one.
 */
function expectRevisionAfterNoChange(
  real: RealSystem,
  exchange: Exchange,
  object: string,
  revision: unknown,
): void {
  if (revision !== real.seen(object).at(-1)) expectNewRevision(real, exchange, object, revision);
}

/** New data and/or a ttl; a stale If-Match changes nothing and is a 412. */
export class UpdateItem extends KeyedCommand<UpdateItemArgs> {
  static override readonly op = "UpdateItem";
  constructor(readonly args: UpdateItemArgs) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0 && ifMatchPossible(model, this.args, this.keyIn(model));
  }
  describe(): string {
    const { data, ttl, alias, collectionTtl, ifMatch, stale } = this.args;
    const ttlText = ttl === undefined ? "" : `${describeTtl(ttl)} via ${alias}`;
    const collection =
      collectionTtl === undefined ? "" : `, CollectionTtl=${JSON.stringify(collectionTtl)}`;
    const rest = `${describeData(data)}${ttlText}${collection}${describeIfMatch(ifMatch, stale)}`;
    return `UpdateItem(${describeMap(this.args)}, ${this.describeKey()}${rest})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { ttl, alias, collectionTtl, ifMatch, byName } = this.args;
    const key = this.keyIn(model);
    const target = targetOf(model, this.args.choice);
    const reached = model.reach(target, byName);
    const data = this.args.data === null ? undefined : dataAt(this.args.data);
    const form = {
      ...(data === undefined ? {} : { Data: JSON.stringify(data) }),
      ...itemTtlForm(ttl, alias),
      ...collectionTtlForm(collectionTtl),
    };
    const object = reached === undefined ? undefined : itemObject(reached, key);
    const sentIfMatch =
      object === undefined ? undefined : ifMatchValue(real, object, ifMatch, this.args.stale);
    const address = addressOf(real, target, byName);
    const exchange = real.noteExchange(await real.api.updateItem(address, key, form, sentIfMatch));

    const item = reached?.items.get(key);
    const problems = ttlProblems([
      [alias === "Ttl" ? "Ttl" : "ItemTtl", ttl],
      ["CollectionTtl", collectionTtl],
    ]);
    if (data === undefined && ttl === undefined) problems.push(collectionTtlAlone());
    if (reached === undefined || item === undefined) {
      const why =
        reached === undefined
          ? "the address names no live map"
          : `${itemLabel(reached, key)} does not exist`;
      problems.push({ status: 404, codes: NOT_FOUND_CODES, why });
    } else if (ifMatch === "stale") {
      const earlier = `If-Match ${JSON.stringify(sentIfMatch)} is an earlier revision of`;
      const why = `${earlier} ${itemLabel(reached, key)}, so nothing changes`;
      problems.push({ status: 412, codes: PRECONDITION_FAILED_CODES, why });
    }
    if (expectProblems(exchange, problems) || reached === undefined || item === undefined) return;

    expectStatus(exchange, 200, "UpdateSyncMapItem answers 200");
    const body = bodyOf(exchange);
    const write = real.recordWrite(exchange);
    const dataChanges = !isDeepStrictEqual(data ?? item.data, item.data);
    const expiryChanges = !(ttl === undefined || (ttl === 0 && item.expiry === undefined));
    SyncModel.updateItem(item, data, ttl as number | undefined, write);
    SyncModel.setExpiry(reached, collectionTtl as number | undefined, write);
    unsettleMap(real, reached, collectionTtl !== undefined);
    const changes = itemWriteChanges({ data: data !== undefined, ttl: ttl !== undefined });
    const kind = written(write, changes);
    expectItemRecord(real, exchange, body, reached, item, kind, dataChanges);
    if (dataChanges || expiryChanges)
      expectNewRevision(real, exchange, itemObject(reached, key), body.revision);
    else expectRevisionAfterNoChange(real, exchange, itemObject(reached, key), body.revision);
    expectEtag(exchange, "UpdateSyncMapItem answer", body.revision);
  }
}

function collectionTtlAlone(): Problem {
  const why = "CollectionTtl on an item update is refused without Data or a ttl";
  return { status: "4xx", codes: [], why: `${why} (${CODE.noParameters})` };
}
