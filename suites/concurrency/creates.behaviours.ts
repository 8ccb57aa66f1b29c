// Creates under contention: one key or one unique_name claimed by many clients at once, and
// many distinct items, permissions and maps made at once, none of them lost.
// Why each claim follows from the documents: docs/behaviour-reference.md#concurrent-requests.
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import { behaviour } from "../../src/behaviours/define.ts";
import { bodyOf } from "../../src/concurrency/index.ts";
import { show } from "../../src/checks/failure.ts";
import type { Exchange } from "../../src/http/exchange.ts";
import { CODE } from "../../src/spec/documented.ts";
import { fetchedItem } from "../items/support.ts";
import { clientName, Races, statusOf, succeeded } from "./support.ts";

const data = (value: unknown) => JSON.stringify(value);

const sidOf = (answer: Exchange): unknown => bodyOf(answer)?.sid;

function created(answers: readonly Exchange[]): Exchange[] {
  return answers.filter((answer) => statusOf(answer) === 201);
}

export default [
  behaviour("CONC-CREATE-SAME-KEY", async (t) => {
    const map = await t.createMap();
    const races = Races.for(t, map);
    for (let round = 0; round < races.rounds && !races.failed; round++) {
      races.newRound();
      const key = `claimed-${round}`;
      await races.reserve(map.sid, races.clients);
      const answers = await races.together(races.clients, (i) => {
        const value = { creator: clientName(i) };
        const input = { resource: "item", kind: "create", map: map.sid, key, data: value } as const;
        return races.item(clientName(i), input, () =>
          t.api.createItem(map.sid, { Key: key, Data: data(value) }),
        );
      });
      races.judged(answers);
      const won = created(answers);
      if (won.length !== 1) {
        races.fail(
          {
            check: "one_create_of_a_key_wins",
            title: `${won.length} of ${answers.length} creates of one key were answered 201`,
            received: `statuses ${show(answers.map(statusOf))}`,
            documented: "a key is unique in its map: exactly one create makes it, the rest get 409",
          },
          won[1] ?? answers[0],
        );
        return;
      }
      const duplicate = "a key already in the map is refused: 409 (54208)";
      for (const lost of answers.filter((answer) => answer !== won[0])) {
        t.refused(lost, 409, [CODE.duplicateKey], duplicate);
      }
      const stored = await fetchedItem(t, map.sid, key);
      t.field(stored, "data", bodyOf(won[0]!)?.data, "the stored item is the winning create's");
    }
  }),

  behaviour("CONC-CREATE-SAME-UNIQUE-NAME", async (t) => {
    const first = await t.createMap();
    const races = Races.for(t, first);
    for (let round = 0; round < races.rounds && !races.failed; round++) {
      races.newRound();
      const name = t.uniqueName("claimed");
      const answers = await races.together(races.mapClients, (i) => {
        const input = { resource: "map", kind: "create", name } as const;
        return races.map(clientName(i), input, () => t.api.createMap({ UniqueName: name }));
      });
      for (const answer of answers) t.adoptIfCreated(answer);
      races.judged(answers);
      const won = created(answers);
      if (won.length !== 1) {
        races.fail(
          {
            check: "one_create_of_a_unique_name_wins",
            title: `${won.length} of ${answers.length} map creates of one unique_name got 201`,
            received: `statuses ${show(answers.map(statusOf))}, sids ${show(won.map(sidOf))}`,
            documented:
              "a unique_name is unique in its service: exactly one map gets it, the rest 409",
          },
          won[1] ?? answers[0],
        );
        return;
      }
      const duplicate = "a unique_name already taken is refused: 409 (54301)";
      for (const lost of answers.filter((answer) => answer !== won[0])) {
        t.refused(lost, 409, [CODE.duplicateUniqueName], duplicate);
      }
      const winner = bodyOf(won[0]!)?.sid;
      const fetched = t.expectAnswer(await t.api.fetchMap(name), 200);
      t.field(fetched, "sid", winner, "the map under the unique_name is the winning create's");
      if (typeof winner === "string" && succeeded(await t.api.deleteMap(winner)))
        t.forgetMap(winner);
    }
  }),

  behaviour("CONC-CREATE-DISTINCT-KEYS", async (t) => {
    const map = await t.createMap();
    const races = Races.for(t, map);
    for (let round = 0; round < races.rounds && !races.failed; round++) {
      races.newRound();
      const keys = Array.from({ length: races.clients }, (_, i) => `r${round}-${clientName(i)}`);
      await races.reserve(map.sid, races.clients);
      const answers = await races.together(races.clients, (i) => {
        const key = keys[i]!;
        const input = {
          resource: "item",
          kind: "create",
          map: map.sid,
          key,
          data: { key },
        } as const;
        return races.item(clientName(i), input, () =>
          t.api.createItem(map.sid, { Key: key, Data: data({ key }) }),
        );
      });
      races.judged(answers);
      for (const answer of answers) t.status(answer, 201, "a create of a free key is applied");
      if (races.failed) return;
      const listed = await listedKeys(t, map.sid);
      const lost = keys.filter((key) => !listed.includes(key));
      if (lost.length > 0) {
        races.fail({
          check: "concurrent_creates_are_all_listed",
          title: `${lost.length} of ${keys.length} items created at once are missing from the list`,
          received: `missing ${show(lost)}; listed ${show(listed)}`,
          documented: "every create answered 201 made its item: all are listed",
        });
        return;
      }
      for (const key of keys) {
        const fetched = await fetchedItem(t, map.sid, key);
        t.field(fetched, "data", { key }, "every item created at once is fetchable with its data");
      }
      for (const key of keys) await t.api.deleteItem(map.sid, key);
    }
  }),

  behaviour("CONC-PUT-DISTINCT-PERMISSIONS", async (t) => {
    const map = await t.createMap();
    const races = Races.for(t, map);
    const flags = { read: true, write: false, manage: true };
    const form = { Read: true, Write: false, Manage: true };
    for (let round = 0; round < races.rounds && !races.failed; round++) {
      races.newRound();
      const identities = Array.from(
        { length: races.clients },
        (_, i) => `r${round}-${clientName(i)}`,
      );
      await races.reserve(map.sid, races.clients);
      const answers = await races.together(races.clients, (i) => {
        const identity = identities[i]!;
        const input = {
          resource: "permission",
          kind: "put",
          map: map.sid,
          identity,
          flags,
        } as const;
        return races.permission(clientName(i), input, () =>
          t.api.updatePermission(map.sid, identity, form),
        );
      });
      races.judged(answers);
      for (const answer of answers)
        t.status(answer, 200, "a permission put is applied (an upsert)");
      if (races.failed) return;
      const listed = await t.api.listPermissions(map.sid, { PageSize: 100 });
      const records = (bodyOf(t.expectAnswer(listed, 200).exchange)?.permissions ?? []) as Array<{
        identity?: unknown;
      }>;
      const shown = records.map((record) => String(record.identity));
      const lost = identities.filter((identity) => !shown.includes(identity));
      if (lost.length > 0) {
        races.fail(
          {
            check: "concurrent_permission_puts_are_all_listed",
            title: `${lost.length} of ${identities.length} permissions put at once are not listed`,
            received: `missing ${show(lost)}; listed ${show(shown)}`,
            documented: "every put answered 200 stored its permission: all are listed",
          },
          listed,
        );
        return;
      }
      for (const identity of identities) {
        const fetched = t.expectAnswer(await t.api.fetchPermission(map.sid, identity), 200);
        t.field(
          fetched,
          "manage",
          true,
          "every permission put at once is fetchable with its flags",
        );
      }
      for (const identity of identities) await t.api.deletePermission(map.sid, identity);
    }
  }),

  behaviour("CONC-MAP-SIDS-DISTINCT", async (t) => {
    const first = await t.createMap();
    const races = Races.for(t, first);
    for (let round = 0; round < races.rounds && !races.failed; round++) {
      races.newRound();
      const names = Array.from({ length: races.mapClients }, (_, i) => t.uniqueName(clientName(i)));
      const answers = await races.together(names.length, (i) => {
        const name = names[i]!;
        const input = { resource: "map", kind: "create", name } as const;
        return races.map(clientName(i), input, () => t.api.createMap({ UniqueName: name }));
      });
      for (const answer of answers) t.adoptIfCreated(answer);
      races.judged(answers);
      for (const answer of answers)
        t.status(answer, 201, "a map create with a free unique_name is applied");
      if (races.failed) return;
      const sids = answers.map((answer) => bodyOf(answer)?.sid);
      if (new Set(sids).size !== sids.length) {
        races.fail(
          {
            check: "concurrent_maps_get_distinct_sids",
            title: "Maps created at once were given the same sid",
            received: `sids ${show(sids)}`,
            documented: "a sid names one map: maps created at once get distinct sids",
          },
          answers[0],
        );
        return;
      }
      for (const [i, sid] of sids.entries()) {
        const fetched = t.expectAnswer(await t.api.fetchMap(String(sid)), 200);
        t.field(
          fetched,
          "unique_name",
          names[i],
          "every map created at once is fetchable by its sid",
        );
      }
      for (const sid of sids) {
        if (typeof sid === "string" && succeeded(await t.api.deleteMap(sid))) t.forgetMap(sid);
      }
    }
  }),
];

/** Every key the map lists, following pages (a racy target may list more than one page). */
async function listedKeys(t: BehaviourContext, map: string): Promise<string[]> {
  const keys: string[] = [];
  let page = await t.api.listItems(map, { PageSize: 100 });
  for (let pages = 0; pages < 50; pages++) {
    const body = bodyOf(t.expectAnswer(page, 200).exchange);
    for (const item of (body?.items ?? []) as Array<{ key?: unknown }>) keys.push(String(item.key));
    const next = (body?.meta as { next_page_url?: unknown } | undefined)?.next_page_url;
    if (typeof next !== "string" || next === "") break;
    page = await t.api.follow("ListSyncMapItem", next);
  }
  return keys;
}
