// What the PERM behaviours share: flags as the documents send them, granting a
// permission, and walking a map's permission list. Every map here is the behaviour's
// own fresh map, so its list holds only the identities the behaviour granted.
import { walkPages, type PageWalk } from "../common/walk.ts";
import type { Answer, BehaviourContext } from "../../src/behaviours/context.ts";

export interface Flags {
  readonly read: boolean;
  readonly write: boolean;
  readonly manage: boolean;
}

export const FLAG_NAMES = ["read", "write", "manage"] as const;
/** The form parameter of each flag, as twilio-node names it. */
export const FORM_NAME = { read: "Read", write: "Write", manage: "Manage" } as const;

export const ALL_TRUE: Flags = { read: true, write: true, manage: true };

/** All eight combinations, so a swapped, echoed or ignored flag shows up somewhere. */
export const EVERY_COMBINATION: readonly Flags[] = [false, true].flatMap((read) =>
  [false, true].flatMap((write) => [false, true].map((manage) => ({ read, write, manage }))),
);

/** Booleans on the wire are the strings "true"/"false" (twilio-node serialize.bool). */
export function flagForm(flags: Flags): Record<string, string> {
  return { Read: String(flags.read), Write: String(flags.write), Manage: String(flags.manage) };
}

export function describeFlags(flags: Flags): string {
  return FLAG_NAMES.map((flag) => `${FORM_NAME[flag]}=${String(flags[flag])}`).join(" ");
}

/** UpdateSyncMapPermission, which must answer 200; the behaviour stops otherwise. */
export async function grant(
  t: BehaviourContext,
  map: string,
  identity: string,
  flags: Flags,
): Promise<Answer> {
  return t.expectAnswer(await t.api.updatePermission(map, identity, flagForm(flags)), 200);
}

/** A fetch that must answer 200; the behaviour stops otherwise. */
export async function fetchGranted(
  t: BehaviourContext,
  map: string,
  identity: string,
): Promise<Answer> {
  return t.expectAnswer(await t.api.fetchPermission(map, identity), 200);
}

/** Each flag of a permission representation is the boolean that was sent. */
export function checkFlags(t: BehaviourContext, answer: Answer, flags: Flags, where: string): void {
  for (const flag of FLAG_NAMES) {
    const why = `the ${flag} flag as sent (${describeFlags(flags)})`;
    t.agrees(answer, `${where}: ${flag}`, answer.body[flag], flags[flag], why);
  }
}

/** A fresh map lists only what the behaviour granted; this bounds a runaway next link. */
const MAX_PAGES = 50;

export interface Walk extends PageWalk {
  readonly identities: string[];
}

/** Follows next_page_url from the first page; every page must answer 200. */
export async function walkPermissions(
  t: BehaviourContext,
  map: string,
  pageSize?: number,
): Promise<Walk> {
  const query = pageSize === undefined ? undefined : { PageSize: pageSize };
  const first = await t.api.listPermissions(map, query);
  const walk = await walkPages(t, first, "ListSyncMapPermission", "permissions", MAX_PAGES);
  return { ...walk, identities: walk.records.map((record) => String(record.identity)) };
}
