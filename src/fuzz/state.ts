// "Never applied": a refused write is read around, and the reads must be equal.
// Pure, so the decision is tested without a server.
import type { FuzzCase, Fixtures, Snapshot, SnapshotScope } from "./types.ts";

/** What to read around a case that must be refused; undefined when nothing can show a change. */
export function snapshotScope(fuzzCase: FuzzCase, fixtures: Fixtures): SnapshotScope | undefined {
  if (fuzzCase.expect !== "refused" || fuzzCase.request.method === "GET") return undefined;
  if (fixtures.map !== undefined) {
    return { kind: "map", map: fixtures.map, lists: listsWritten(fuzzCase.operationId) };
  }
  const uniqueName = fuzzCase.request.form?.find(([name]) => name === "UniqueName")?.[1];
  if (uniqueName !== undefined && uniqueName !== "") return { kind: "uniqueName", uniqueName };
  return undefined;
}

/**
 * The lists an operation writes to: an item write is read around with the map's items,
 * a permission write with its permissions, a map write with the map alone.
 */
function listsWritten(operationId: string): Array<"items" | "permissions"> {
  if (operationId.endsWith("SyncMapItem")) return ["items"];
  if (operationId.endsWith("SyncMapPermission")) return ["permissions"];
  return [];
}

/** One line per read that differs: its status, or the body's first differing path. */
export function changesBetween(before: Snapshot, after: Snapshot): string[] {
  const changes: string[] = [];
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[name];
    const now = after[name];
    if (was === undefined || now === undefined) {
      changes.push(`${name}: read only ${was === undefined ? "after" : "before"}`);
    } else if (was.status !== now.status) {
      changes.push(`${name}: ${was.status} before, ${now.status} after`);
    } else {
      const path = firstDifference(was.body, now.body);
      if (path !== undefined) changes.push(`${name}: ${path === "" ? "body" : path} changed`);
    }
  }
  return changes;
}

/** JSON pointer of the first difference, "" for the root; iterative for deep values. */
export function firstDifference(left: unknown, right: unknown): string | undefined {
  const pending: Array<[string, unknown, unknown]> = [["", left, right]];
  while (pending.length > 0) {
    const [path, a, b] = pending.pop() as [string, unknown, unknown];
    if (Object.is(a, b)) continue;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return path;
    if (Array.isArray(a) !== Array.isArray(b)) return path;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const record = (value: object) => (value as Record<string, unknown>)[key];
      if (!Object.hasOwn(a, key) || !Object.hasOwn(b, key)) return `${path}/${key}`;
      pending.push([`${path}/${key}`, record(a), record(b)]);
    }
  }
  return undefined;
}
