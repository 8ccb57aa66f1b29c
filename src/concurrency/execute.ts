// Runs a generated program against a target: every client at once, each sending its
// operations one after another, every request timed and recorded. Then one more client reads
// every resource the program could touch, after all others have returned, so a lost write
// shows even when no client read it, and the program's resources are deleted.
import type { FormFields } from "../http/client.ts";
import type { Exchange } from "../http/exchange.ts";
import type { SyncMapApi } from "../http/syncApi.ts";
import type {
  Operation,
  PermissionFlags,
  ServiceInput,
  ServiceOutput,
} from "../linearizability/index.ts";
import {
  itemOutputOf,
  itemOutputOfRecord,
  listedRecords,
  mapOutputOf,
  permissionOutputOf,
  bodyOf,
  flagsOf,
  isUnknownOutcome,
} from "./observe.ts";
import type { MapWritePacer } from "./pacing.ts";
import { UNIVERSE, type IfMatchChoice, type Program, type ProgramOp } from "./program.ts";
import { timed, together, type Recorded } from "./record.ts";

export type ServiceOperation = Operation<ServiceInput, ServiceOutput>;

/** Where one program runs: the maps it may use and the names that make this run's own. */
export interface Arena {
  readonly api: SyncMapApi;
  /** Sids of the maps that hold the program's items (and, in the first, its permissions). */
  readonly maps: readonly string[];
  /** Unique to this run: keys and identities start with it. */
  readonly tag: string;
  /** Unique to this run: the unique_names of map operations start with it. */
  readonly namePrefix: string;
  readonly pacer: MapWritePacer;
}

export interface Execution {
  readonly history: readonly ServiceOperation[];
  /** The exchange behind each operation of `history` (a list stands behind several). */
  readonly exchanges: readonly Exchange[];
  /** Sids of maps the run created and could not delete. */
  readonly leaked: readonly string[];
}

/** The client id of the reads made after every client returned. */
export const FINAL_READER = "after";
/** The client id of the writes made before any client starts. */
export const SETUP_WRITER = "before";

/**
 * What exists when the clients start: the first key of the first map, the first identity's
 * permission and a map under the first unique_name, every client knowing the item's revision,
 * so clients that start together race on them at once; everything else starts absent, for
 * creates to race on.
 */
const SETUP: readonly ProgramOp[] = [
  { op: "item.create", map: 0, key: 0 },
  { op: "permission.put", identity: 0, flags: "rw-" },
  { op: "map.create", name: 0 },
];

export async function executeProgram(arena: Arena, program: Program): Promise<Execution> {
  const recorded: Recorded<ServiceInput, ServiceOutput>[] = [];
  const setup = new Client(arena, SETUP_WRITER);
  // The setup writes touch three unrelated resources, and the final reads start after every
  // client returned: neither races with anything, so each goes at once (a distant target
  // pays one round trip for them, not one a request).
  recorded.push(...(await Promise.all(SETUP.map((op) => setup.run(op, 0)))));
  await together(program.clients.length, async (index) => {
    const client = new Client(arena, `c${index + 1}`, setup.knowledge());
    for (const [step, op] of (program.clients[index] ?? []).entries()) {
      recorded.push(await client.run(op, step));
    }
  });
  const reader = new Client(arena, FINAL_READER);
  recorded.push(...(await Promise.all(finalReads().map((op) => reader.run(op, 0)))));
  const leaked = await cleanUp(arena);
  const history = recorded.flatMap((entry) => entry.operations);
  const exchanges = recorded.flatMap((entry) => entry.operations.map(() => entry.exchange));
  return { history, exchanges, leaked };
}

/** 0, 1, …, n - 1: the indices of the universe's maps, keys, identities or names. */
function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function finalReads(): ProgramOp[] {
  return [
    ...range(UNIVERSE.maps).flatMap((map) =>
      range(UNIVERSE.keys).map((key): ProgramOp => ({ op: "item.fetch", map, key })),
    ),
    ...range(UNIVERSE.identities).map((identity): ProgramOp => ({
      op: "permission.fetch",
      identity,
    })),
    ...range(UNIVERSE.names).map((name): ProgramOp => ({ op: "map.fetch", name })),
  ];
}

export function keyName(arena: Pick<Arena, "tag">, key: number): string {
  return `${arena.tag}k${key}`;
}
export function identityName(arena: Pick<Arena, "tag">, identity: number): string {
  return `${arena.tag}i${identity}`;
}
export function uniqueNameOf(arena: Pick<Arena, "namePrefix">, name: number): string {
  return `${arena.namePrefix}n${name}`;
}

export function flagsFrom(text: string): PermissionFlags {
  return { read: text[0] === "r", write: text[1] === "w", manage: text[2] === "m" };
}

type Observation = { input: ServiceInput; output: ServiceOutput | undefined };

/** One client: what it has seen of each item's revision decides the If-Match it sends. */
class Client {
  private readonly seen: Map<string, { first: string; last: string }>;

  constructor(
    private readonly arena: Arena,
    readonly id: string,
    known: ReadonlyMap<string, { first: string; last: string }> = new Map(),
  ) {
    this.seen = new Map(known);
  }

  /** The revisions this client has seen, for clients that start knowing them. */
  knowledge(): ReadonlyMap<string, { first: string; last: string }> {
    return this.seen;
  }

  async run(op: ProgramOp, step: number): Promise<Recorded<ServiceInput, ServiceOutput>> {
    const { api } = this.arena;
    const data = JSON.stringify({ client: this.id, step: step + 1 });
    switch (op.op) {
      case "item.create":
      case "item.fetch":
      case "item.update":
      case "item.delete":
        return this.item(op, data);
      case "item.list": {
        const map = this.mapSid(op.map);
        return timed(
          this.id,
          () => api.listItems(map, { PageSize: 100 }),
          (exchange) => this.listedItems(op.map, exchange),
        );
      }
      case "permission.put": {
        const flags = flagsFrom(op.flags);
        const input = { ...this.permissionAt(op.identity), kind: "put" as const, flags };
        await this.arena.pacer.reserve(input.map);
        const form: FormFields = { Read: flags.read, Write: flags.write, Manage: flags.manage };
        return timed(
          this.id,
          () => api.updatePermission(input.map, input.identity, form),
          (e) => [{ input, output: permissionOutputOf(e) }],
        );
      }
      case "permission.fetch":
      case "permission.delete": {
        const kind = op.op === "permission.fetch" ? ("fetch" as const) : ("delete" as const);
        const input = { ...this.permissionAt(op.identity), kind };
        if (kind === "delete") await this.arena.pacer.reserve(input.map);
        const send = () =>
          kind === "fetch"
            ? api.fetchPermission(input.map, input.identity)
            : api.deletePermission(input.map, input.identity);
        return timed(this.id, send, (e) => [{ input, output: permissionOutputOf(e) }]);
      }
      case "permission.list": {
        const map = this.mapSid(0);
        return timed(
          this.id,
          () => api.listPermissions(map, { PageSize: 100 }),
          (exchange) => this.listedPermissions(exchange),
        );
      }
      case "map.create":
      case "map.fetch":
      case "map.delete": {
        const name = uniqueNameOf(this.arena, op.name);
        const kind = op.op.slice(4) as "create" | "fetch" | "delete";
        const input: ServiceInput = { resource: "map", kind, name };
        const send = () =>
          kind === "create"
            ? api.createMap({ UniqueName: name })
            : kind === "fetch"
              ? api.fetchMap(name)
              : api.deleteMap(name);
        return timed(this.id, send, (e) => [{ input, output: mapOutputOf(e) }]);
      }
    }
  }

  private async item(
    op: Extract<ProgramOp, { op: `item.${"create" | "fetch" | "update" | "delete"}` }>,
    data: string,
  ): Promise<Recorded<ServiceInput, ServiceOutput>> {
    const { api, pacer } = this.arena;
    const map = this.mapSid(op.map);
    const key = keyName(this.arena, op.key);
    const at = { resource: "item" as const, map, key };
    const ifMatch = "ifMatch" in op ? this.ifMatchFor(map, key, op.ifMatch) : undefined;
    const guard = ifMatch === undefined ? {} : { ifMatch };
    let input: ServiceInput;
    let send: () => Promise<Exchange>;
    if (op.op === "item.fetch") {
      input = { ...at, kind: "fetch" };
      send = () => api.fetchItem(map, key);
    } else {
      await pacer.reserve(map);
      if (op.op === "item.create") {
        input = { ...at, kind: "create", data: JSON.parse(data) as unknown };
        send = () => api.createItem(map, { Key: key, Data: data });
      } else if (op.op === "item.update") {
        input = { ...at, kind: "update", data: JSON.parse(data) as unknown, ...guard };
        send = () => api.updateItem(map, key, { Data: data }, ifMatch);
      } else {
        input = { ...at, kind: "delete", ...guard };
        send = () => api.deleteItem(map, key, ifMatch);
      }
    }
    return timed(this.id, send, (exchange) => {
      const output = itemOutputOf(exchange);
      if (output?.revision !== undefined) this.saw(map, key, output.revision);
      return [{ input, output }];
    });
  }

  private ifMatchFor(map: string, key: string, choice: IfMatchChoice): string | undefined {
    const seen = this.seen.get(`${map}/${key}`);
    if (choice === "none" || seen === undefined) return undefined;
    return choice === "seen" ? seen.last : seen.first;
  }

  private saw(map: string, key: string, revision: string): void {
    const at = `${map}/${key}`;
    const known = this.seen.get(at);
    this.seen.set(at, { first: known?.first ?? revision, last: revision });
  }

  private mapSid(index: number): string {
    const sid = this.arena.maps[index % this.arena.maps.length];
    if (sid === undefined) throw new Error("a concurrent program needs at least one map");
    return sid;
  }

  private permissionAt(identity: number) {
    return {
      resource: "permission" as const,
      map: this.mapSid(0),
      identity: identityName(this.arena, identity),
    };
  }

  /** A list observes every key of the program: listed with its data, or absent. */
  private listedItems(mapIndex: number, exchange: Exchange): Observation[] {
    const map = this.mapSid(mapIndex);
    const keys = Array.from({ length: UNIVERSE.keys }, (_, k) => keyName(this.arena, k));
    const records = completePage(exchange, "items");
    return keys.map((key) => {
      const input: ServiceInput = { resource: "item", kind: "fetch", via: "list", map, key };
      if (records === undefined) return { input, output: undefined };
      const record = records.find((item) => item.key === key);
      const output = record === undefined ? { status: 404 } : itemOutputOfRecord(200, record);
      if (output.revision !== undefined) this.saw(map, key, output.revision);
      return { input, output };
    });
  }

  private listedPermissions(exchange: Exchange): Observation[] {
    const map = this.mapSid(0);
    const records = completePage(exchange, "permissions");
    return Array.from({ length: UNIVERSE.identities }, (_, i) => {
      const identity = identityName(this.arena, i);
      const input: ServiceInput = {
        resource: "permission",
        kind: "fetch",
        via: "list",
        map,
        identity,
      };
      if (records === undefined) return { input, output: undefined };
      const record = records.find((permission) => permission.identity === identity);
      const flags = flagsOf(record);
      return {
        input,
        output:
          record === undefined || flags === undefined ? { status: 404 } : { status: 200, flags },
      };
    });
  }
}

/** The records when the answer is one whole page; undefined (unknown) for anything else. */
function completePage(exchange: Exchange, key: string) {
  if (isUnknownOutcome(exchange)) return undefined;
  const records = listedRecords(exchange, key);
  if (records === undefined) return undefined;
  const meta = bodyOf(exchange)?.meta as { next_page_url?: unknown } | undefined;
  return typeof meta?.next_page_url === "string" && meta.next_page_url !== "" ? undefined : records;
}

/**
 * Deletes what the program may have left: items and permissions of the run, its named maps.
 * All at once: nothing races with the clean-up, and the pacer still spaces a map's writes.
 */
async function cleanUp(arena: Arena): Promise<string[]> {
  const { api, pacer } = arena;
  const first = arena.maps[0];
  const deletes: Promise<unknown>[] = [];
  for (const map of arena.maps)
    for (const key of range(UNIVERSE.keys))
      deletes.push(pacer.reserve(map).then(() => api.deleteItem(map, keyName(arena, key))));
  if (first !== undefined)
    for (const identity of range(UNIVERSE.identities))
      deletes.push(
        pacer.reserve(first).then(() => api.deletePermission(first, identityName(arena, identity))),
      );
  const named = range(UNIVERSE.names).map((name) =>
    deleteEveryMapNamed(api, uniqueNameOf(arena, name)),
  );
  await Promise.all(deletes);
  return (await Promise.all(named)).flat();
}

/** A racy target may have given one unique_name to several maps: delete until none is left. */
async function deleteEveryMapNamed(api: SyncMapApi, name: string): Promise<string[]> {
  for (let attempt = 0; attempt < MAPS_PER_NAME_AT_MOST; attempt++) {
    const fetched = await api.fetchMap(name);
    if (fetched.response?.status !== 200) return [];
    const sid = bodyOf(fetched)?.sid;
    if (typeof sid !== "string") return [];
    const deleted = await api.deleteMap(sid);
    if (deleted.response?.status !== 204) return [sid];
  }
  return [];
}

/** More maps under one name than clients that could have raced to create it is a loop. */
const MAPS_PER_NAME_AT_MOST = 16;
