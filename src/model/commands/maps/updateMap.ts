import { CODE, MAP_NOT_FOUND_CODES } from "../../../spec/documented.ts";
import { SyncModel, type ModelMap } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { SyncCommand, addressOf, describeMap, mapLabel, type MapArgs } from "../command.ts";
import { bodyOf, expectNewRevision, expectRefusal, expectStatus } from "../expect.ts";
import { describeTtl, isValidTtl, ttlForm, type TtlAlias, type TtlChoice } from "../ttl.ts";
import { written } from "../records.ts";
import { MAP_WRITE_CHANGES, expectMapRecord, mapObject } from "./mapAnswers.ts";

/** A new ttl: expiry counts from this write, and the map gets a new revision. */
export class UpdateMap extends SyncCommand {
  static override readonly op = "UpdateMap";
  constructor(readonly args: MapArgs & { readonly ttl: TtlChoice; readonly alias: TtlAlias }) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    const { ttl, alias } = this.args;
    return `UpdateMap(${describeMap(this.args)}${describeTtl(ttl)} via ${alias})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { byName, ttl, alias } = this.args;
    const target = model.pickAny(this.args.choice) as ModelMap;
    const exchange = real.noteExchange(
      await real.api.updateMap(addressOf(real, target, byName), ttlForm(ttl, alias)),
    );
    const reached = model.reach(target, byName);
    // Both wrong at once: which error wins is not documented, so any refusal will do.
    if (!isValidTtl(ttl)) {
      return expectRefusal(
        exchange,
        "4xx",
        [],
        `ttl ${JSON.stringify(ttl)} is refused (${CODE.ttlOutOfRange})`,
      );
    }
    if (reached === undefined) {
      const label = mapLabel(target, byName, real.namespace);
      return expectRefusal(exchange, 404, MAP_NOT_FOUND_CODES, `${label} names no live map`);
    }
    expectStatus(exchange, 200, "UpdateSyncMap answers 200");
    const body = bodyOf(exchange);
    const write = real.recordWrite(exchange);
    SyncModel.setExpiry(reached, ttl, write);
    reached.writes += 1;
    expectMapRecord(real, exchange, body, reached, written(write, MAP_WRITE_CHANGES));
    expectNewRevision(real, exchange, mapObject(reached), body.revision);
  }
}
