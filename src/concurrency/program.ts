// A generated concurrent program: K clients, each a list of operations it sends one after
// another, all clients at once. The resources are few on purpose (two maps of a few keys, a
// few identities, two unique_names): races need clients to meet on the same thing. Which
// If-Match a write sends is decided while it runs, from what that client has seen.
import fc from "fast-check";

export type IfMatchChoice = "none" | "seen" | "first-seen";

export type ProgramOp =
  | { readonly op: "item.create"; readonly map: number; readonly key: number }
  | { readonly op: "item.fetch"; readonly map: number; readonly key: number }
  | {
      readonly op: "item.update";
      readonly map: number;
      readonly key: number;
      readonly ifMatch: IfMatchChoice;
    }
  | {
      readonly op: "item.delete";
      readonly map: number;
      readonly key: number;
      readonly ifMatch: IfMatchChoice;
    }
  | { readonly op: "item.list"; readonly map: number }
  | { readonly op: "permission.put"; readonly identity: number; readonly flags: string }
  | { readonly op: "permission.fetch"; readonly identity: number }
  | { readonly op: "permission.delete"; readonly identity: number }
  | { readonly op: "permission.list" }
  | { readonly op: "map.create"; readonly name: number }
  | { readonly op: "map.fetch"; readonly name: number }
  | { readonly op: "map.delete"; readonly name: number };

export interface Program {
  /** One list of operations per client. */
  readonly clients: readonly (readonly ProgramOp[])[];
}

/** The resources a program may touch. */
export const UNIVERSE = Object.freeze({ maps: 2, keys: 3, identities: 3, names: 3 });

export interface ProgramShape {
  readonly maxClients: number;
  readonly maxOpsPerClient: number;
}

const flags = fc.constantFrom("rwm", "r--", "-w-", "rw-", "---", "r-m");
const ifMatch = fc.constantFrom<IfMatchChoice>("seen", "seen", "none", "first-seen");

function itemOps(keys: number, maps: number = UNIVERSE.maps): fc.Arbitrary<ProgramOp> {
  const map = fc.integer({ min: 0, max: maps - 1 });
  const key = fc.integer({ min: 0, max: keys - 1 });
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant("item.create" as const), map, key }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant("item.fetch" as const), map, key }) },
    {
      weight: 5,
      arbitrary: fc.record({ op: fc.constant("item.update" as const), map, key, ifMatch }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ op: fc.constant("item.delete" as const), map, key, ifMatch }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("item.list" as const), map }) },
  );
}

function permissionOps(): fc.Arbitrary<ProgramOp> {
  const identity = fc.integer({ min: 0, max: UNIVERSE.identities - 1 });
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({ op: fc.constant("permission.put" as const), identity, flags }),
    },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("permission.fetch" as const), identity }) },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant("permission.delete" as const), identity }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("permission.list" as const) }) },
  );
}

function mapOps(): fc.Arbitrary<ProgramOp> {
  const name = fc.integer({ min: 0, max: UNIVERSE.names - 1 });
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant("map.create" as const), name }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("map.fetch" as const), name }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("map.delete" as const), name }) },
  );
}

/**
 * Each program leans on one area (or mixes them): clients that share a few resources meet
 * on them, which is what finds a race; a mixed program finds interference between areas.
 * Half the programs open with a burst: every client's first request is of one kind (all
 * update, all create a map…), sent at the same moment, since a race needs two conflicting
 * writes inside one window; the rest of each client's list is drawn freely.
 */
export function programArbitrary(shape: ProgramShape): fc.Arbitrary<Program> {
  const areas: Record<string, fc.Arbitrary<ProgramOp>> = {
    // The one item that exists when clients start, and whose revision they all know.
    hot: itemOps(1, 1),
    items: itemOps(UNIVERSE.keys),
    permissions: permissionOps(),
    maps: mapOps(),
    mixed: fc.oneof(itemOps(UNIVERSE.keys), permissionOps(), mapOps()),
  };
  const most = Math.max(2, shape.maxClients);
  // Many clients find races sooner: the largest count is drawn as often as all others.
  const clients = fc.oneof(fc.constant(most), fc.integer({ min: 2, max: most }));
  const opsPerClient = Math.max(1, shape.maxOpsPerClient);
  const area = fc.constantFrom(...Object.keys(areas));
  return fc
    .tuple(area, clients, fc.boolean())
    .chain(([name, count, burst]) => {
      const ops = areas[name]!;
      const rest = fc.array(ops, { maxLength: opsPerClient - 1 });
      const firsts = burst
        ? ops.chain((kind) => fc.array(sameKind(ops, kind), { minLength: count, maxLength: count }))
        : fc.array(ops, { minLength: count, maxLength: count });
      return fc.tuple(firsts, fc.array(rest, { minLength: count, maxLength: count }));
    })
    .map(([firsts, rests]) => ({
      clients: firsts.map((first, i) => [first, ...(rests[i] ?? [])]),
    }));
}

/** Operations of the same kind as `kind` (their resource and If-Match still vary). */
function sameKind(ops: fc.Arbitrary<ProgramOp>, kind: ProgramOp): fc.Arbitrary<ProgramOp> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(kind) },
    { weight: 3, arbitrary: ops.filter((op) => op.op === kind.op) },
  );
}

export function operationCount(program: Program): number {
  return program.clients.reduce((sum, ops) => sum + ops.length, 0);
}

/** "c2: update m0/k1 if-match seen" — one line per operation, for scripts and files. */
export function describeProgramOp(op: ProgramOp): string {
  switch (op.op) {
    case "item.create":
    case "item.fetch":
      return `${op.op.slice(5)} item m${op.map}/k${op.key}`;
    case "item.update":
    case "item.delete":
      return `${op.op.slice(5)} item m${op.map}/k${op.key} if-match ${op.ifMatch}`;
    case "item.list":
      return `list items of m${op.map}`;
    case "permission.put":
      return `put permission i${op.identity} ${op.flags}`;
    case "permission.fetch":
    case "permission.delete":
      return `${op.op.slice(11)} permission i${op.identity}`;
    case "permission.list":
      return "list permissions";
    case "map.create":
    case "map.fetch":
    case "map.delete":
      return `${op.op.slice(4)} map n${op.name}`;
  }
}

export function describeProgram(program: Program): string[] {
  return program.clients.flatMap((ops, client) =>
    ops.map((op, step) => `c${client + 1}.${step + 1}: ${describeProgramOp(op)}`),
  );
}
