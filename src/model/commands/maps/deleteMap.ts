import { MAP_NOT_FOUND_CODES } from "../../../spec/documented.ts";
import type { ModelMap, SyncModel } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { SyncCommand, addressOf, describeMap, mapLabel, type MapArgs } from "../command.ts";
import { expectRefusal, expectStatus } from "../expect.ts";

/** 204, and the map's items and permissions go with it; its name is free again. */
export class DeleteMap extends SyncCommand {
  static override readonly op = "DeleteMap";
  constructor(readonly args: MapArgs) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    return `DeleteMap(${describeMap(this.args)})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { byName } = this.args;
    const target = model.pickAny(this.args.choice) as ModelMap;
    const exchange = real.noteExchange(await real.api.deleteMap(addressOf(real, target, byName)));
    const reached = model.reach(target, byName);
    if (reached === undefined) {
      const label = mapLabel(target, byName, real.namespace);
      return expectRefusal(exchange, 404, MAP_NOT_FOUND_CODES, `${label} names no live map`);
    }
    expectStatus(exchange, 204, "DeleteSyncMap answers 204");
    model.deleteMap(reached);
    real.forget(`m${reached.ref}`);
  }
}
