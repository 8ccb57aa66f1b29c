import { CODE } from "../../../spec/documented.ts";
import type { SyncModel } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { SyncCommand } from "../command.ts";
import { bodyOf, expectNewRevision, expectRefusal, expectStatus, expectThat } from "../expect.ts";
import { describeTtl, isValidTtl, ttlForm, type TtlAlias, type TtlChoice } from "../ttl.ts";
import { written } from "../records.ts";
import { expectMapRecord, mapObject } from "./mapAnswers.ts";

/** A map, named from the sequence's small pool (n0, n1…, or a near-duplicate) or not at all. */
export class CreateMap extends SyncCommand {
  static override readonly op = "CreateMap";
  constructor(
    readonly args: {
      readonly name: number | string | null;
      readonly ttl: TtlChoice;
      readonly alias: TtlAlias;
    },
  ) {
    super();
  }
  check(): boolean {
    return true;
  }
  describe(): string {
    const { name, ttl, alias } = this.args;
    const via = ttl === undefined ? "" : ` via ${alias}`;
    const named =
      name === null
        ? "no name"
        : `name=${typeof name === "number" ? `n${name}` : JSON.stringify(name)}`;
    return `CreateMap(${named}${describeTtl(ttl)}${via})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { name, ttl, alias } = this.args;
    const uniqueName = name === null ? null : real.uniqueName(name);
    const form = {
      ...(uniqueName === null ? {} : { UniqueName: uniqueName }),
      ...ttlForm(ttl, alias),
    };
    const exchange = real.noteExchange(await real.api.createMap(form));
    if (!isValidTtl(ttl)) {
      return expectRefusal(
        exchange,
        "4xx",
        [],
        `ttl ${JSON.stringify(ttl)} is refused (${CODE.ttlOutOfRange})`,
      );
    }
    if (uniqueName !== null && model.byName(uniqueName) !== undefined) {
      const documented = "a unique_name in use by a live map is refused with 409";
      return expectRefusal(exchange, 409, [CODE.duplicateUniqueName], documented);
    }
    expectStatus(exchange, 201, "CreateSyncMap answers 201");
    const body = bodyOf(exchange);
    expectThat(
      exchange,
      typeof body.sid === "string",
      `sid = ${JSON.stringify(body.sid)}`,
      "a new map has a sid",
    );
    real.calibrate(exchange, body.date_created);
    const write = real.recordWrite(exchange);
    const map = model.createMap(uniqueName, ttl, write);
    real.sids[map.ref] = body.sid as string;
    expectMapRecord(real, exchange, body, map, written(write, []));
    expectNewRevision(real, exchange, mapObject(map), body.revision);
  }
}
