// The real side of a model run: the target, and what this sequence learnt about it
// (which SID each logical map got, the revisions each object has shown, when each
// write happened on the target's clock). One RealSystem per sequence, in its own
// namespace, deleted afterwards: shrink steps never see each other's data.
import type { Failure } from "../checks/failure.ts";
import { targetTimeAt, type TargetTime } from "../checks/expiry.ts";
import type { Exchange } from "../http/exchange.ts";
import { parseJsonBody } from "../http/exchange.ts";
import type { SyncMapApi } from "../http/syncApi.ts";
import type { WriteRef } from "./model.ts";

/** The target disagreed with the model: a typed failure plus the exchange that shows it. */
export class ModelMismatch extends Error {
  constructor(
    readonly found: Omit<Failure, "reproduction">,
    readonly exchange: Exchange | undefined,
  ) {
    super(`${found.title}: received ${found.received}; documented ${found.documented}`);
    this.name = "ModelMismatch";
  }
}

export interface ExecutedCommand {
  readonly text: string;
  readonly json: CommandJson;
  /** The same command with its history-dependent choices fixed (see frozenJSON). */
  readonly frozen: CommandJson;
}

/** The last answer an object gave: every field, the script step, and the write behind it. */
export interface ShownRecord {
  readonly body: Readonly<Record<string, unknown>>;
  /** The script line (1-based) whose answer this was. */
  readonly step: number;
  /** The write that answered it; undefined when it was read. */
  readonly write: WriteRef | undefined;
}

export interface CommandJson {
  readonly op: string;
  readonly args: Readonly<Record<string, unknown>>;
}

export class RealSystem {
  /** The SID the target gave each logical map (undefined until created). */
  readonly sids: Array<string | undefined> = [];
  /** Revisions each object showed in its current lifetime: "m0" for map 0, "m0/key" for an item. */
  readonly revisions = new Map<string, string[]>();
  /** Every write request, so the model can say "expiry counts from write #3". */
  private readonly writes: Exchange[] = [];
  private clock: { readonly reference: Exchange; readonly stamped: string } | undefined;
  readonly executed: ExecutedCommand[] = [];
  /** Every map SID the target handed out, also on requests that should have been refused. */
  readonly toDelete = new Set<string>();
  lastExchange: Exchange | undefined;

  constructor(
    readonly api: SyncMapApi,
    /** Starts every unique name this sequence uses; unique per sequence and shrink step. */
    readonly namespace: string,
  ) {}

  /**
   * Unique names come from a small pool so that reuse and collisions happen often: n0,
   * n1… by index, or a near-duplicate given whole (N0, " n0"…), after the namespace.
   */
  uniqueName(pooled: number | string): string {
    return typeof pooled === "number"
      ? `${this.namespace}n${pooled}`
      : `${this.namespace}${pooled}`;
  }

  noteExchange(exchange: Exchange): Exchange {
    this.lastExchange = exchange;
    const parsed = parseJsonBody(exchange);
    const status = exchange.response?.status ?? 0;
    const sid = parsed.ok ? (parsed.value as { sid?: unknown } | null)?.sid : undefined;
    if (status >= 200 && status < 300 && typeof sid === "string" && sid.startsWith("MP"))
      this.toDelete.add(sid);
    return exchange;
  }

  /** Records a write the model may later count expiry from. */
  recordWrite(exchange: Exchange): WriteRef {
    this.writes.push(exchange);
    return this.writes.length - 1;
  }

  /** The first date the target stamped on a write we timed sets the clock for the sequence. */
  calibrate(exchange: Exchange, stamped: unknown): void {
    if (this.clock === undefined && typeof stamped === "string")
      this.clock = { reference: exchange, stamped };
  }

  /** The exchange of a recorded write: when we sent it, and how long it took. */
  writeExchange(write: WriteRef): Exchange | undefined {
    return this.writes[write];
  }

  /** The date_expires each object ("m0", "m0/key") last showed, with the write that set it. */
  readonly observedExpiry = new Map<
    string,
    { readonly dateExpires: string; readonly write: WriteRef; readonly ttl: number }
  >();
  /** The last answer of each object ("m0", "m0/key", "m0/@perm/alice"), every field of it. */
  readonly shown = new Map<string, ShownRecord>();
  /** The account_sid the first answer showed: every later one must show the same. */
  accountSid: string | undefined;

  /** The stamp the target's clock was read from, and the request that carried it. */
  get clockReference(): { readonly exchange: Exchange; readonly stamped: string } | undefined {
    return this.clock === undefined
      ? undefined
      : { exchange: this.clock.reference, stamped: this.clock.stamped };
  }

  timeOf(write: WriteRef): TargetTime | undefined {
    const exchange = this.writes[write];
    if (exchange === undefined || this.clock === undefined) return undefined;
    return targetTimeAt(this.clock.reference, this.clock.stamped, exchange);
  }

  sidOf(ref: number): string {
    const sid = this.sids[ref];
    if (sid === undefined)
      throw new Error(`map ${ref} has no SID: the model and the run fell out of step`);
    return sid;
  }

  seen(object: string): string[] {
    let list = this.revisions.get(object);
    if (list === undefined) {
      list = [];
      this.revisions.set(object, list);
    }
    return list;
  }

  /** A new lifetime (the object was deleted): nothing it showed before counts. */
  forget(prefix: string): void {
    const within = (object: string): boolean =>
      object === prefix || object.startsWith(`${prefix}/`);
    for (const store of [this.revisions, this.shown, this.observedExpiry])
      for (const object of [...store.keys()]) if (within(object)) store.delete(object);
  }

  async cleanUp(): Promise<string[]> {
    const leaked: string[] = [];
    for (const sid of this.toDelete) {
      const status = (await this.api.deleteMap(sid)).response?.status;
      if (status === undefined || !((status >= 200 && status < 300) || status === 404))
        leaked.push(sid);
    }
    this.toDelete.clear();
    return leaked;
  }
}
