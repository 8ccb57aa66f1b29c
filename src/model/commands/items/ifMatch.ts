// If-Match on item writes: none, the current revision, or an earlier one of this
// lifetime, which must be refused (docs/behaviour-reference.md#if-match).
import type { SyncModel } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { targetOf, type MapArgs } from "../command.ts";

export type IfMatchChoice = "none" | "current" | "stale";

/** The revision an If-Match choice sends: the last one seen, or an earlier one of this lifetime. */
export function ifMatchValue(
  real: RealSystem,
  object: string,
  choice: IfMatchChoice,
  stale: number,
): string | undefined {
  if (choice === "none") return undefined;
  const seen = real.seen(object);
  if (choice === "current") return seen.at(-1);
  return seen.length < 2 ? undefined : seen[stale % (seen.length - 1)];
}

/** If-Match needs a revision to send: current needs the item, stale an earlier write of it. */
export function ifMatchPossible(
  model: Readonly<SyncModel>,
  args: MapArgs & { readonly ifMatch: IfMatchChoice },
  key: string,
): boolean {
  if (args.ifMatch === "none") return true;
  const item = model.reach(targetOf(model, args.choice), args.byName)?.items.get(key);
  return item !== undefined && (args.ifMatch === "current" || item.writes >= 1);
}

export function describeIfMatch(choice: IfMatchChoice, stale: number): string {
  return choice === "none" ? "" : `, If-Match=${choice === "stale" ? `stale#${stale}` : "current"}`;
}
