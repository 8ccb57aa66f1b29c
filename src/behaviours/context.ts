// What a behaviour sees while it runs: the API, the assertions it makes (recorded as
// typed failures with a curl reproduction), the maps it creates (deleted when it
// ends), and generated inputs that replay from --seed. Each concern has its own file;
// this facade only puts them together under `t`.
import type { Arbitrary } from "fast-check";
import { sampleSeeded } from "../arbitraries/seeded.ts";
import type { Failure } from "../checks/failure.ts";
import type { FormFields } from "../http/client.ts";
import type { Exchange } from "../http/exchange.ts";
import type { SyncMapApi } from "../http/syncApi.ts";
import type { SpecLimits } from "../spec/index.ts";
import type { Answer } from "./answer.ts";
import { Assertions } from "./assertions.ts";
import { DEFAULT_CLIENTS, DEFAULT_FUZZ_RUNS } from "../config/cli-options.ts";
import type { BehaviourEnvironment, BehaviourSpec } from "./environment.ts";
import { Recorder, type Reading } from "./recorder.ts";
import { MapResources } from "./resources.ts";
import { BehaviourAborted } from "./stops.ts";

export type { Json } from "../http/json.ts";
export type { Answer } from "./answer.ts";
export type { BehaviourEnvironment, BehaviourSettings, BehaviourSpec } from "./environment.ts";
export type { Reading } from "./recorder.ts";
export { isGone } from "./resources.ts";
export { BehaviourAborted, BehaviourSkipped } from "./stops.ts";

/** A map the behaviour created: its answer, sid and unique_name (null when unnamed). */
export interface CreatedMap extends Answer {
  readonly sid: string;
  readonly uniqueName: string | null;
}

export class BehaviourContext extends Assertions {
  private readonly maps: MapResources;
  private nameCounter = 0;

  constructor(
    readonly behaviourId: string,
    private readonly environment: BehaviourEnvironment,
  ) {
    super(new Recorder(environment.config.accountSid), environment.spec, environment.config);
    this.maps = new MapResources(environment.api);
  }

  get api(): SyncMapApi {
    return this.environment.api;
  }
  get serviceSid(): string {
    return this.environment.config.serviceSid;
  }
  get accountSid(): string {
    return this.environment.config.accountSid;
  }
  get seed(): number {
    return this.environment.config.seed;
  }
  get runs(): number {
    return this.environment.config.runs;
  }
  /** Clients racing in a concurrent behaviour (from --concurrency). */
  get clients(): number {
    return this.environment.config.clients ?? DEFAULT_CLIENTS;
  }
  /** Generated cases per operation in the schema-derived fuzz phase (--fuzz-runs). */
  get fuzzRuns(): number {
    return this.environment.config.fuzzRuns ?? DEFAULT_FUZZ_RUNS;
  }
  /** The run's --profile: full, or mock (a stateless target). */
  get profile(): "full" | "mock" {
    return this.environment.config.profile ?? "full";
  }
  /** The OpenAPI document in use, for behaviours that derive requests from it (FUZZ-*). */
  get specInUse(): BehaviourSpec {
    return this.environment.spec;
  }
  get artefactDir(): string | undefined {
    return this.environment.config.artefactDir;
  }
  /** The documented limits (key and name lengths, data size…) from the spec in use. */
  get limits(): SpecLimits {
    return this.environment.spec.limits;
  }

  get failures(): readonly Failure[] {
    return this.recorder.failures;
  }
  get readings(): readonly Reading[] {
    return this.recorder.readings;
  }

  /** Notes what the target does where the documents disagree. */
  reading(topic: string, reading: string): void {
    this.recorder.reading(topic, reading);
  }

  /** A failure whose reproduction the behaviour wrote itself (a shrunk script, a seed). */
  failWith(found: Omit<Failure, "reproduction">, reproduction: string, exchange?: Exchange): void {
    this.recorder.recordWith(found, reproduction, exchange);
  }

  /** Generated inputs, the same for the same --seed and behaviour: failures replay. */
  generate<T>(arbitrary: Arbitrary<T>, count: number, label = "default"): T[] {
    const { seed } = this.environment.config;
    return sampleSeeded(arbitrary, seed, `${this.behaviourId}:${label}`, count);
  }

  /** A unique_name carrying the run prefix, so cleanup can always find what we made. */
  uniqueName(label = "map"): string {
    this.nameCounter += 1;
    const { runPrefix } = this.environment.config;
    return `${runPrefix}${this.behaviourId.toLowerCase()}-${label}-${this.nameCounter}`;
  }

  /** Creates a map the behaviour needs (named with the run prefix unless told otherwise). */
  async createMap(form: FormFields = {}, options: { named?: boolean } = {}): Promise<CreatedMap> {
    const fields: Record<string, string> = Array.isArray(form)
      ? Object.fromEntries(form)
      : { ...(form as Record<string, string>) };
    if (options.named !== false && fields.UniqueName === undefined)
      fields.UniqueName = this.uniqueName();
    const created = this.expectAnswer(await this.api.createMap(fields), 201);
    const sid = created.body.sid;
    if (typeof sid !== "string" || sid.length === 0) {
      const title = "Created map has no sid";
      const found = {
        check: "created_map_has_sid",
        title,
        received: `sid = ${JSON.stringify(sid)}`,
      };
      this.fail({ ...found, documented: "sid ^MP[0-9a-fA-F]{32}$" }, created);
      throw new BehaviourAborted();
    }
    this.maps.track(sid);
    const uniqueName =
      typeof created.body.unique_name === "string" ? created.body.unique_name : null;
    return { ...created, sid, uniqueName };
  }

  /** A request that should have been refused may have created a map anyway: clean it up too. */
  adoptIfCreated(exchange: Exchange, field: "sid" | "map_sid" = "sid", api = this.api): void {
    this.maps.adoptIfCreated(exchange, field, api);
  }

  /** Forget a map the behaviour deleted itself. */
  forgetMap(sid: string): void {
    this.maps.forget(sid);
  }

  /** Maps a model sequence could not delete: they count as this behaviour's leaks. */
  noteLeaked(sids: readonly string[]): void {
    for (const sid of sids) this.maps.track(sid);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Deletes every map this behaviour created; returns the sids that could not be deleted. */
  cleanUp(): Promise<string[]> {
    return this.maps.cleanUp();
  }
}
