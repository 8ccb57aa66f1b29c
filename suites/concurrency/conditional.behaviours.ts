// Conditional writes under contention: many clients name one revision at the same moment.
// Why each claim follows from If-Match and revisions:
// docs/behaviour-reference.md#concurrent-requests.
import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import { bodyOf } from "../../src/concurrency/index.ts";
import { show } from "../../src/checks/failure.ts";
import type { Exchange } from "../../src/http/exchange.ts";
import { NOT_FOUND_CODES, PRECONDITION_FAILED_CODES } from "../../src/spec/documented.ts";
import { fetchedItem, newItem, revisionOf } from "../items/support.ts";
import { clientName, Races, statusOf, succeeded } from "./support.ts";

const ONE_WINS = "of writes naming one revision, the first applied makes it earlier for the rest";
const REFUSED =
  "a write whose If-Match names a revision no longer current is refused: 412 (54205 or 20412)";
const data = (value: unknown) => ({ Data: JSON.stringify(value) });

/** A fresh item per round, so every round races on a revision nobody has written past. */
async function raceItem(t: BehaviourContext, map: string, round: number, value: unknown) {
  const key = `race-${round}`;
  const created = await newItem(t, map, key, value);
  return { key, revision: revisionOf(t, created), roundTripMs: created.exchange.elapsedMs };
}

/**
 * The one applied write of a race on one revision, or undefined after failing the behaviour
 * (none or several applied). `what` names the writes, `note` adds to the statuses shown.
 */
function theOneWinner(
  races: Races,
  answers: readonly Exchange[],
  check: string,
  what: string,
  note = "",
): Exchange | undefined {
  const won = answers.filter(succeeded);
  if (won.length === 1) return won[0];
  races.fail(
    {
      check,
      title: `${won.length} of ${answers.length} ${what} were applied`,
      received: `statuses ${show(answers.map(statusOf))}${note}`,
      documented: `exactly one is applied: ${ONE_WINS}`,
    },
    won[1] ?? answers[0],
  );
  return undefined;
}

export default [
  behaviour("CONC-IF-MATCH-UPDATE", async (t) => {
    const map = await t.createMap();
    const races = Races.for(t, map);
    for (let round = 0; round < races.rounds && !races.failed; round++) {
      races.newRound();
      const { key, revision } = await raceItem(t, map.sid, round, { writer: "none" });
      await races.reserve(map.sid, races.clients);
      const answers = await races.together(races.clients, (i) => {
        const value = { writer: clientName(i) };
        const input = {
          resource: "item",
          kind: "update",
          map: map.sid,
          key,
          data: value,
          ifMatch: revision,
        } as const;
        return races.item(clientName(i), input, () =>
          t.api.updateItem(map.sid, key, data(value), revision),
        );
      });
      races.judged(answers);
      const won = theOneWinner(
        races,
        answers,
        "one_conditional_update_wins",
        "updates naming one revision",
      );
      if (won === undefined) return;
      for (const lost of answers.filter((answer) => !succeeded(answer))) {
        t.refused(lost, 412, PRECONDITION_FAILED_CODES, REFUSED, "If-Match mismatch code");
      }
      const winner = bodyOf(won);
      const stored = await fetchedItem(t, map.sid, key);
      const why = "what is stored is the one applied update's data and revision";
      t.field(stored, "data", winner?.data, why);
      t.field(stored, "revision", winner?.revision, why);
    }
  }),

  behaviour("CONC-IF-MATCH-DELETE-VS-UPDATE", async (t) => {
    const map = await t.createMap();
    const races = Races.for(t, map);
    for (let round = 0; round < races.rounds && !races.failed; round++) {
      races.newRound();
      const { key, revision } = await raceItem(t, map.sid, round, { writer: "none" });
      await races.reserve(map.sid, races.clients);
      // Deletes first: they start a moment before the updates, in the same turn.
      const deletes = Math.ceil(races.clients / 2);
      const answers = await races.together(races.clients, (i) => {
        const at = { resource: "item", map: map.sid, key, ifMatch: revision } as const;
        if (i < deletes) {
          return races.item(clientName(i), { ...at, kind: "delete" }, () =>
            t.api.deleteItem(map.sid, key, revision),
          );
        }
        const value = { writer: clientName(i) };
        return races.item(clientName(i), { ...at, kind: "update", data: value }, () =>
          t.api.updateItem(map.sid, key, data(value), revision),
        );
      });
      races.judged(answers);
      const won = theOneWinner(
        races,
        answers,
        "one_conditional_write_wins",
        "writes on one revision",
        ` (the first ${deletes} are deletes)`,
      );
      if (won === undefined) return;
      const refusedCodes = [...PRECONDITION_FAILED_CODES, ...NOT_FOUND_CODES];
      const loserWhy = `${REFUSED}, or a not-found once the item is deleted`;
      for (const lost of answers.filter((answer) => !succeeded(answer))) {
        t.refused(lost, [412, 404], refusedCodes, loserWhy);
      }
      const deleted = won.request.method === "DELETE";
      const after = await t.api.fetchItem(map.sid, key);
      if (deleted) t.notFound(after, "the item the winning delete removed is gone");
      else
        t.field(
          t.expectAnswer(after, 200),
          "data",
          bodyOf(won)?.data,
          "the winning update's data is stored",
        );
    }
  }),

  behaviour("CONC-UPDATE-REVISIONS-DISTINCT", async (t) => {
    const map = await t.createMap();
    const races = Races.for(t, map);
    for (let round = 0; round < races.rounds && !races.failed; round++) {
      races.newRound();
      const { key, revision } = await raceItem(t, map.sid, round, { writer: "none" });
      await races.reserve(map.sid, races.clients);
      const answers = await races.together(races.clients, (i) => {
        const value = { writer: clientName(i) };
        const input = { resource: "item", kind: "update", map: map.sid, key, data: value } as const;
        return races.item(clientName(i), input, () => t.api.updateItem(map.sid, key, data(value)));
      });
      races.judged(answers);
      for (const answer of answers) t.status(answer, 200, "an update without If-Match is applied");
      if (races.failed) return;
      const bodies = answers.map((answer) => bodyOf(answer));
      const revisions = bodies.map((body) => body?.revision);
      const distinct = new Set([revision, ...revisions]);
      if (distinct.size !== answers.length + 1) {
        races.fail({
          check: "concurrent_updates_get_distinct_revisions",
          title: "Concurrent updates of one item answered the same revision",
          received: `created at ${show(revision)}, updates answered ${show(revisions)}`,
          documented: "every change produces a new revision, never shown again in the item's life",
        });
        return;
      }
      answers.forEach((answer, i) => {
        t.agrees(
          answer,
          "data",
          bodies[i]?.data,
          { writer: clientName(i) },
          "an update answers the data it wrote",
        );
      });
      const stored = await fetchedItem(t, map.sid, key);
      const named = revisions.indexOf(stored.body.revision);
      if (named === -1) {
        races.fail(
          {
            check: "stored_revision_was_answered",
            title: "The item's revision after concurrent updates is none the updates answered",
            received: `fetched ${show(stored.body.revision)}; updates answered ${show(revisions)}`,
            documented: "the revision shown is the one the last applied update answered",
          },
          stored.exchange,
        );
        return;
      }
      const why = `revision ${show(stored.body.revision)} was answered with this data`;
      t.field(stored, "data", bodies[named]?.data, why);
    }
  }),

  behaviour("CONC-COUNTER-NO-LOST-UPDATE", async (t) => {
    const map = await t.createMap();
    const races = Races.for(t, map);
    for (let round = 0; round < races.rounds && !races.failed; round++) {
      races.newRound();
      const { key, roundTripMs } = await raceItem(t, map.sid, round, { count: 0 });
      const staggers = races.staggers(races.clients, round, roundTripMs);
      const increments = await races.together(races.clients, async (i) => {
        const wait = staggers[i] ?? 0;
        if (wait > 0) await t.sleep(wait);
        return increment(t, races, map.sid, key, clientName(i));
      });
      if (races.failed) return;
      const final = await fetchedItem(t, map.sid, key);
      const count = (final.body.data as { count?: unknown } | undefined)?.count;
      if (count !== races.clients) {
        races.fail(
          {
            check: "conditional_increments_are_never_lost",
            title: `${races.clients} clients each added one; the count is ${show(count)}`,
            received: `count ${show(count)} after ${increments.reduce((a, b) => a + b, 0)} tries`,
            documented: `each applied write was applied to the value it read: ${races.clients}`,
          },
          final.exchange,
        );
      }
    }
  }),
];

/** Read, add one, write with If-Match; on 412 read again. Returns the number of tries. */
async function increment(
  t: BehaviourContext,
  races: Races,
  map: string,
  key: string,
  client: string,
): Promise<number> {
  const at = { resource: "item", map, key } as const;
  for (let tries = 1; tries <= races.clients * 4; tries++) {
    const read = await races.item(client, { ...at, kind: "fetch" }, () =>
      t.api.fetchItem(map, key),
    );
    races.judged([read]);
    if (!t.status(read, 200, "the counter item can be read")) return tries;
    const body = bodyOf(read);
    const count = (body?.data as { count?: unknown } | undefined)?.count;
    const revision = body?.revision;
    if (typeof count !== "number" || typeof revision !== "string") {
      t.holds(
        read,
        false,
        `data ${show(body?.data)}, revision ${show(revision)}`,
        "the data written",
      );
      return tries;
    }
    const value = { count: count + 1 };
    await races.reserve(map, 1);
    const write = await races.item(
      client,
      { ...at, kind: "update", data: value, ifMatch: revision },
      () => t.api.updateItem(map, key, data(value), revision),
    );
    races.judged([write]);
    if (statusOf(write) === 200) return tries;
    if (!t.refused(write, 412, PRECONDITION_FAILED_CODES, REFUSED)) return tries;
  }
  races.fail({
    check: "conditional_increment_is_applied",
    title: `${client} never had its increment applied`,
    received: `${races.clients * 4} reads and If-Match writes, every write refused`,
    documented: "with nobody else writing, a write naming the revision just read is applied",
  });
  return races.clients * 4;
}
