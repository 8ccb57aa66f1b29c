import { MAP_NOT_FOUND_CODES } from "../../../spec/documented.ts";
import type { ModelMap, SyncModel } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { SyncCommand, addressOf, describeMap, mapLabel, type MapArgs } from "../command.ts";
import { bodyOf, expectRefusal, expectStatus } from "../expect.ts";
import { READ } from "../records.ts";
import { expectMapRecord } from "./mapAnswers.ts";

/** Any map ever created, by sid or by name: a name follows whoever holds it today. */
export class FetchMap extends SyncCommand {
  static override readonly op = "FetchMap";
  constructor(readonly args: MapArgs) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    return `FetchMap(${describeMap(this.args)})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { byName } = this.args;
    const target = model.pickAny(this.args.choice) as ModelMap;
    const exchange = real.noteExchange(await real.api.fetchMap(addressOf(real, target, byName)));
    const reached = model.reach(target, byName);
    if (reached === undefined) {
      const label = mapLabel(target, byName, real.namespace);
      return expectRefusal(exchange, 404, MAP_NOT_FOUND_CODES, `${label} names no live map`);
    }
    expectStatus(exchange, 200, "FetchSyncMap answers 200");
    expectMapRecord(real, exchange, bodyOf(exchange), reached, READ);
  }
}
