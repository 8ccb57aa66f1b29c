// One command per Map operation. Each predicts the answer from the model, sends the
// request, holds the answer to the prediction, then moves the model on as the
// documents say (never as the target answered).
import fc from "fast-check";
import { SyncModel, type ModelMap } from "../model.ts";
import type { RealSystem } from "../real.ts";
import { SyncCommand, addressOf, mapLabel } from "./command.ts";
import { bodyOf, expectEqual, expectExpiry, expectExpiryMoved, expectNewRevision, expectRefusal, expectStatus, expectThat, type Json } from "./expect.ts";
import { describeTtl, isValidTtl, ttlChoiceArbitrary, type TtlChoice } from "./ttl.ts";

const MAP_NOT_FOUND_CODES = [20404, 54200, 54300];
/** Three names: enough for duplicates and for reuse after a delete to happen often. */
export const NAME_POOL_SIZE = 3;
export type TtlAlias = "CollectionTtl" | "Ttl" | "both";

/** Ttl form fields: with both, CollectionTtl carries the ttl and Ttl a decoy it must lose to. */
export function ttlForm(ttl: TtlChoice, alias: TtlAlias, collection = "CollectionTtl", short = "Ttl"): Record<string, string> {
  if (ttl === undefined) return {};
  if (alias === "both") return { [collection]: String(ttl), [short]: "4242" };
  return { [alias === "Ttl" ? short : collection]: String(ttl) };
}

/** Which map an address reaches now: a name follows whoever holds it today (facts §3). */
function resolve(model: SyncModel, target: ModelMap, byName: boolean): ModelMap | undefined {
  if (byName && target.uniqueName !== null) return model.byName(target.uniqueName);
  return target.deleted ? undefined : target;
}

function expectMapAnswer(real: RealSystem, exchange: Parameters<typeof bodyOf>[0], body: Json, map: ModelMap): void {
  expectEqual(exchange, `sid of map#${map.ref}`, body.sid, real.sidOf(map.ref), "the map the address names");
  expectEqual(exchange, `unique_name of map#${map.ref}`, body.unique_name, map.uniqueName, "the UniqueName it was created with, or null");
  expectExpiry(real, exchange, `map#${map.ref}`, body.date_expires, map.expiry);
}

/** After a write that set a ttl: expiry moved as the time between the writes says, then remember it. */
function expectExpiryFromThisWrite(real: RealSystem, exchange: Parameters<typeof bodyOf>[0], body: Json, map: ModelMap): void {
  const previous = real.observedExpiry.get(map.ref);
  const expiry = map.expiry;
  if (expiry === undefined || typeof body.date_expires !== "string") {
    real.observedExpiry.delete(map.ref);
    return;
  }
  if (previous !== undefined) expectExpiryMoved(real, exchange, `map#${map.ref}`, previous, { dateExpires: body.date_expires, write: expiry.write, ttl: expiry.ttl });
  real.observedExpiry.set(map.ref, { dateExpires: body.date_expires, write: expiry.write, ttl: expiry.ttl });
}

export class CreateMap extends SyncCommand {
  readonly op = "CreateMap";
  constructor(readonly args: { readonly name: number | null; readonly ttl: TtlChoice; readonly alias: TtlAlias }) {
    super();
  }
  check(): boolean {
    return true;
  }
  describe(): string {
    return `CreateMap(${this.args.name === null ? "no name" : `name=n${this.args.name}`}${describeTtl(this.args.ttl)}${this.args.ttl === undefined ? "" : ` via ${this.args.alias}`})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const uniqueName = this.args.name === null ? null : real.uniqueName(this.args.name);
    const form = { ...(uniqueName === null ? {} : { UniqueName: uniqueName }), ...ttlForm(this.args.ttl, this.args.alias) };
    const exchange = real.noteExchange(await real.api.createMap(form));
    if (!isValidTtl(this.args.ttl)) return expectRefusal(exchange, "4xx", [], `ttl ${JSON.stringify(this.args.ttl)} is refused (54011)`);
    if (uniqueName !== null && model.byName(uniqueName) !== undefined) {
      return expectRefusal(exchange, 409, [54301], "a unique_name in use by a live map is refused with 409");
    }
    expectStatus(exchange, 201, "CreateSyncMap answers 201");
    const body = bodyOf(exchange);
    expectThat(exchange, typeof body.sid === "string", `sid = ${JSON.stringify(body.sid)}`, "a new map has a sid");
    real.calibrate(exchange, body.date_created);
    const map = model.createMap(uniqueName, this.args.ttl, real.recordWrite(exchange));
    model.writesSincePause += 1;
    real.sids[map.ref] = body.sid as string;
    expectMapAnswer(real, exchange, body, map);
    expectExpiryFromThisWrite(real, exchange, body, map);
    expectNewRevision(real, exchange, `m${map.ref}`, body.revision);
  }
}

export class FetchMap extends SyncCommand {
  readonly op = "FetchMap";
  constructor(readonly args: { readonly choice: number; readonly byName: boolean }) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    return `FetchMap(${this.args.byName ? "by name" : "by sid"}, pick ${this.args.choice})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const target = model.pickAny(this.args.choice) as ModelMap;
    const exchange = real.noteExchange(await real.api.fetchMap(addressOf(real, target, this.args.byName)));
    const reached = resolve(model, target, this.args.byName);
    if (reached === undefined) return expectRefusal(exchange, 404, MAP_NOT_FOUND_CODES, `${mapLabel(target, this.args.byName, real.namespace)} names no live map`);
    expectStatus(exchange, 200, "FetchSyncMap answers 200");
    expectMapAnswer(real, exchange, bodyOf(exchange), reached);
  }
}

export class UpdateMap extends SyncCommand {
  readonly op = "UpdateMap";
  constructor(readonly args: { readonly choice: number; readonly byName: boolean; readonly ttl: TtlChoice; readonly alias: TtlAlias }) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    return `UpdateMap(${this.args.byName ? "by name" : "by sid"}, pick ${this.args.choice}${describeTtl(this.args.ttl)} via ${this.args.alias})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const target = model.pickAny(this.args.choice) as ModelMap;
    const exchange = real.noteExchange(await real.api.updateMap(addressOf(real, target, this.args.byName), ttlForm(this.args.ttl, this.args.alias)));
    const reached = resolve(model, target, this.args.byName);
    // Both wrong at once: which error wins is not documented, so any refusal will do.
    if (!isValidTtl(this.args.ttl)) return expectRefusal(exchange, "4xx", [], `ttl ${JSON.stringify(this.args.ttl)} is refused (54011)`);
    if (reached === undefined) return expectRefusal(exchange, 404, MAP_NOT_FOUND_CODES, `${mapLabel(target, this.args.byName, real.namespace)} names no live map`);
    expectStatus(exchange, 200, "UpdateSyncMap answers 200");
    const body = bodyOf(exchange);
    SyncModel.setExpiry(reached, this.args.ttl, real.recordWrite(exchange));
    reached.writes += 1;
    model.writesSincePause += 1;
    expectMapAnswer(real, exchange, body, reached);
    expectExpiryFromThisWrite(real, exchange, body, reached);
    expectNewRevision(real, exchange, `m${reached.ref}`, body.revision);
  }
}

export class DeleteMap extends SyncCommand {
  readonly op = "DeleteMap";
  constructor(readonly args: { readonly choice: number; readonly byName: boolean }) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    return `DeleteMap(${this.args.byName ? "by name" : "by sid"}, pick ${this.args.choice})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const target = model.pickAny(this.args.choice) as ModelMap;
    const exchange = real.noteExchange(await real.api.deleteMap(addressOf(real, target, this.args.byName)));
    const reached = resolve(model, target, this.args.byName);
    if (reached === undefined) return expectRefusal(exchange, 404, MAP_NOT_FOUND_CODES, `${mapLabel(target, this.args.byName, real.namespace)} names no live map`);
    expectStatus(exchange, 204, "DeleteSyncMap answers 204");
    model.deleteMap(reached);
    real.forget(`m${reached.ref}`);
    real.observedExpiry.delete(reached.ref);
  }
}

/** Follows every page; the sequence's own maps each appear once if live, never if deleted. */
export class WalkMaps extends SyncCommand {
  readonly op = "WalkMaps";
  constructor(readonly args: { readonly pageSize: number }) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    return `WalkMaps(PageSize=${this.args.pageSize})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const listed: string[] = [];
    let exchange = real.noteExchange(await real.api.listMaps({ PageSize: this.args.pageSize }));
    for (let page = 0; page < 2_000; page += 1) {
      expectStatus(exchange, 200, "every page of ListSyncMap answers 200");
      const body = bodyOf(exchange);
      for (const map of Array.isArray(body.maps) ? (body.maps as Json[]) : []) if (typeof map.sid === "string") listed.push(map.sid);
      const next = (body.meta as Json | undefined)?.next_page_url;
      if (typeof next !== "string" || next === "") break;
      exchange = real.noteExchange(await real.api.follow("ListSyncMap", next));
    }
    for (const map of model.maps) {
      const sid = real.sids[map.ref];
      if (sid === undefined) continue;
      const times = listed.filter((listedSid) => listedSid === sid).length;
      const expected = map.deleted ? 0 : 1;
      expectThat(exchange, times === expected, `map#${map.ref} (${sid}) listed ${times} times over pages of ${this.args.pageSize}`, map.deleted ? "a deleted map is not listed" : "a walk lists each live map exactly once");
    }
  }
}

/**
 * Lets time pass, so a later write is seconds apart from an earlier one: expiry counted
 * from the wrong write only shows then. Dates have whole seconds, hence over two of them.
 */
export class Pause extends SyncCommand {
  readonly op = "Pause";
  constructor(readonly args: { readonly ms: number }) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.writesSincePause > 0 && model.live().some((map) => map.expiry !== undefined);
  }
  describe(): string {
    return `Pause(${this.args.ms} ms)`;
  }
  async run(model: SyncModel): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.args.ms));
    model.writesSincePause = 0;
  }
}

export const PAUSE_MS = 2_200;

const pick = fc.nat({ max: 7 });
const alias = fc.constantFrom<TtlAlias>("CollectionTtl", "Ttl", "both");
const name = fc.option(fc.integer({ min: 0, max: NAME_POOL_SIZE - 1 }), { nil: null, freq: 4 });

export function mapCommandArbitraries(): Array<fc.Arbitrary<SyncCommand>> {
  const create = fc.record({ name, ttl: ttlChoiceArbitrary(), alias }).map((args) => new CreateMap(args));
  // Listed twice: every other command needs a map, so creates come early and often.
  return [
    create,
    create,
    fc.record({ choice: pick, byName: fc.boolean() }).map((args) => new FetchMap(args)),
    fc.record({ choice: pick, byName: fc.boolean(), ttl: ttlChoiceArbitrary().filter((ttl) => ttl !== undefined), alias }).map((args) => new UpdateMap(args)),
    fc.record({ choice: pick, byName: fc.boolean() }).map((args) => new DeleteMap(args)),
    fc.record({ pageSize: fc.integer({ min: 1, max: 5 }) }).map((args) => new WalkMaps(args)),
  ];
}

/**
 * Expiry across several updates over time: every sequence starts from a map with a ttl
 * that was updated once, so any later pause and update is a second update seconds apart.
 */
export const MAP_EXPIRY_PREAMBLE: readonly SyncCommand[] = [
  new CreateMap({ name: null, ttl: 3_600, alias: "CollectionTtl" }),
  new UpdateMap({ choice: 0, byName: false, ttl: 3_600, alias: "CollectionTtl" }),
];

export function mapExpiryCommandArbitraries(): Array<fc.Arbitrary<SyncCommand>> {
  const ttl = fc.constantFrom(600, 3_600);
  const update = fc.record({ choice: fc.constant(0), byName: fc.constant(false), ttl, alias }).map((args) => new UpdateMap(args));
  return [update, update, fc.constant(new Pause({ ms: PAUSE_MS }))];
}
