// The command registry: every command a sequence can generate is registered under
// its own op, and a saved script (op + args, as JSON) becomes the same commands again.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SyncCommand } from "../../src/model/commands/command.ts";
import {
  itemCommandArbitraries,
  itemPreamble,
  itemValueCommandArbitraries,
} from "../../src/model/commands/items.ts";
import {
  MAP_EXPIRY_PREAMBLE,
  mapCommandArbitraries,
  mapExpiryCommandArbitraries,
} from "../../src/model/commands/maps.ts";
import {
  permissionCommandArbitraries,
  permissionPreamble,
} from "../../src/model/commands/permissions.ts";
import {
  itemExpiryCommandArbitraries,
  itemExpiryPreamble,
} from "../../src/model/commands/itemExpiry.ts";
import {
  nearDuplicateCommandArbitraries,
  nearDuplicatePreamble,
} from "../../src/model/commands/nearDuplicates.ts";
import { COMMANDS, commandFromJson } from "../../src/model/commands/registry.ts";

function generated(): SyncCommand[] {
  const arbitraries = [
    ...mapCommandArbitraries(),
    ...mapExpiryCommandArbitraries(),
    ...itemCommandArbitraries(),
    ...itemValueCommandArbitraries(),
    ...permissionCommandArbitraries(),
    ...itemExpiryCommandArbitraries(),
    ...nearDuplicateCommandArbitraries(),
  ];
  const sampled = arbitraries.flatMap((arbitrary) =>
    fc.sample(arbitrary, { seed: 7, numRuns: 20 }),
  );
  const preambles = [
    ...itemPreamble(),
    ...permissionPreamble(),
    ...MAP_EXPIRY_PREAMBLE,
    ...itemExpiryPreamble(),
    ...nearDuplicatePreamble(),
  ];
  return [...sampled, ...preambles];
}

describe("command registry", () => {
  it("registers each command class under its own op, once", () => {
    const ops = COMMANDS.map((command) => command.op);
    expect(new Set(ops).size).toBe(ops.length);
    for (const op of ops) expect(op).toMatch(/^[A-Z][A-Za-z]+$/);
  });

  it("knows every op a sequence generates, and every registered op is generated", () => {
    const ops = new Set(generated().map((command) => command.op));
    expect([...ops].sort()).toEqual(COMMANDS.map((command) => command.op).sort());
  });

  it("rebuilds each generated command from its JSON with the same args and script line", () => {
    for (const command of generated()) {
      const saved = JSON.parse(JSON.stringify(command)) as {
        op: string;
        args: Record<string, unknown>;
      };
      const replayed = commandFromJson(saved);
      expect(replayed.constructor).toBe(command.constructor);
      expect(JSON.stringify(replayed)).toBe(JSON.stringify(command));
      expect(replayed.describe()).toBe(command.describe());
    }
  });

  it("reads scripts saved in the counterexample format", () => {
    const saved = [
      { op: "CreateMap", args: { name: 0, alias: "CollectionTtl" } },
      { op: "CreateItem", args: { choice: 0, byName: true, key: "b", data: 1, alias: "ItemTtl" } },
      {
        op: "DeleteItem",
        args: { choice: 0, byName: false, key: "b", ifMatch: "stale", stale: 2 },
      },
      { op: "Pause", args: { ms: 2200 } },
      { op: "CreateMap", args: { name: "Name ", alias: "CollectionTtl" } },
    ];
    expect(saved.map((json) => commandFromJson(json).toString())).toEqual([
      "CreateMap(name=n0)",
      'CreateItem(by name, pick 0, key="b", data={"n":1})',
      'DeleteItem(by sid, pick 0, key="b", If-Match=stale#2)',
      "Pause(2.2 s)",
      'CreateMap(name="Name ")',
    ]);
  });

  it("refuses an op it does not know, naming it", () => {
    expect(() => commandFromJson({ op: "FlyToTheMoon", args: {} })).toThrow(
      /unknown command "FlyToTheMoon"/,
    );
  });
});
