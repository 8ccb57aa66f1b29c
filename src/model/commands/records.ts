// Every field of every answer, held to what the same object answered last. The model
// predicts what it can (key, data, flags, expiry); what it cannot (a sid, a date, a url,
// created_by) is checked for its documented shape where it first shows and is compared
// on every later answer from then on. So a read (a fetch, a listed record) answers
// exactly what a fetch answered at the same point of the history, and a write changes
// only the fields it is documented to change.
import type { Exchange } from "../../http/exchange.ts";
import type { RealSystem, ShownRecord } from "../real.ts";
import { expectEqual, type Json } from "./expect.ts";
import type { WriteRef } from "../model.ts";

/** How the answer came about: a read, or a write that may change the fields named. */
export type AnswerKind =
  | { readonly read: true }
  | { readonly read: false; readonly write: WriteRef; readonly changes: readonly string[] };

export const READ: AnswerKind = { read: true };

export function written(write: WriteRef, changes: readonly string[]): AnswerKind {
  return { read: false, write, changes };
}

function origin(shown: ShownRecord): string {
  const how = shown.write === undefined ? "read" : "written";
  return `as ${how} at step ${shown.step}`;
}

/**
 * Every field the object showed before shows again unchanged, unless this write may
 * change it; then the answer becomes what the object shows from now on.
 */
export function expectShownAgain(
  real: RealSystem,
  exchange: Exchange,
  object: string,
  label: string,
  body: Json,
  kind: AnswerKind,
): void {
  const before = real.shown.get(object);
  if (before !== undefined) {
    const fields = new Set([...Object.keys(before.body), ...Object.keys(body)]);
    const changes = kind.read ? [] : kind.changes;
    for (const field of fields) {
      if (changes.includes(field) || !(field in before.body)) continue;
      const because = kind.read
        ? "a read shows the object as it stands, and nothing changed it since"
        : "this write does not change it";
      expectEqual(
        exchange,
        `${field} of ${label}`,
        body[field],
        before.body[field],
        `${origin(before)}: ${because}`,
      );
    }
  }
  const write = kind.read ? before?.write : kind.write;
  real.shown.set(object, { body: { ...body }, step: real.executed.length, write });
}

/**
 * Fields that something undocumented may have changed (what item writes do to their
 * map's revision and date_updated is not documented): the next answer tells them again.
 */
export function unsettle(real: RealSystem, object: string, fields: readonly string[]): void {
  const before = real.shown.get(object);
  if (before === undefined) return;
  const body = Object.fromEntries(
    Object.entries(before.body).filter(([field]) => !fields.includes(field)),
  );
  real.shown.set(object, { ...before, body, write: undefined });
}

/** The last answer of an object, if any (for dates that move with writes). */
export function lastShown(real: RealSystem, object: string): ShownRecord | undefined {
  return real.shown.get(object);
}
