// A Sync Map permission as a register per (map, identity): absent, or three flags. A put is an
// upsert that answers 200 and echoes the flags it stored; deleting is the same as setting every
// flag false, and whether an identity with no permission fetches as a 4xx or as 200 with every
// flag false is not documented, so both are legal (docs/behaviour-reference.md#permissions).

import type { Operation } from "../history.ts";
import type { Model } from "../model.ts";

export interface PermissionFlags {
  readonly read: boolean;
  readonly write: boolean;
  readonly manage: boolean;
}

interface PermissionAddress {
  readonly map: string;
  readonly identity: string;
}

export type PermissionInput =
  | (PermissionAddress & { readonly kind: "put"; readonly flags: PermissionFlags })
  | (PermissionAddress & { readonly kind: "fetch"; readonly via?: "list" })
  | (PermissionAddress & { readonly kind: "delete" });

/** Feed timeouts and 5xx as unknown outcomes; `flags` as the answer showed them, if it did. */
export interface PermissionOutput {
  readonly status: number;
  readonly flags?: PermissionFlags;
}

/** "rw-" style, or null for no permission (every flag false counts as none). */
export type PermissionState = string | null;

const ILLEGAL: readonly PermissionState[] = [];

export const syncMapPermissionModel: Model<PermissionState, PermissionInput, PermissionOutput> = {
  init: () => null,
  step(state, input, output) {
    if (output === undefined) {
      if (input.kind === "put") return [stateOf(input.flags)];
      return input.kind === "delete" ? [null] : [state];
    }
    const { status } = output;
    switch (input.kind) {
      case "put": {
        if (status !== 200) return ILLEGAL;
        const echoed = output.flags === undefined || stateOf(output.flags) === stateOf(input.flags);
        return echoed ? [stateOf(input.flags)] : ILLEGAL;
      }
      case "fetch":
        if (isRefusal(status)) return state === null ? [state] : ILLEGAL;
        if (status !== 200 || output.flags === undefined) return ILLEGAL;
        return stateOf(output.flags) === state ? [state] : ILLEGAL;
      case "delete":
        if (status === 204) return [null];
        return isRefusal(status) && state === null ? [state] : ILLEGAL;
    }
  },
  hash: (state) => state ?? "none",
  partition: (history) => partitionBy(history, permissionPartitionKey),
  describe: describePermissionOperation,
  describeState: (state) => state ?? "none",
};

function isRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 429;
}

export function stateOf(flags: PermissionFlags): PermissionState {
  if (!flags.read && !flags.write && !flags.manage) return null;
  return `${flags.read ? "r" : "-"}${flags.write ? "w" : "-"}${flags.manage ? "m" : "-"}`;
}

export function permissionPartitionKey(input: PermissionAddress): string {
  return `${input.map}\u0000${input.identity}`;
}

export function describePermissionOperation(
  input: PermissionInput,
  output: PermissionOutput | undefined,
): string {
  const verb = input.kind === "fetch" && input.via === "list" ? "listed" : input.kind;
  const flags = input.kind === "put" ? ` ${stateOf(input.flags) ?? "---"}` : "";
  const asked = `${verb} permission ${input.identity}${flags}`;
  if (output === undefined) return `${asked} → ?`;
  const shown =
    output.flags === undefined || input.kind === "put" ? "" : ` ${stateOf(output.flags) ?? "---"}`;
  return `${asked} → ${output.status}${shown}`;
}

export function partitionBy<I, O>(
  history: readonly Operation<I, O>[],
  keyOf: (input: I) => string,
): Operation<I, O>[][] {
  const parts = new Map<string, Operation<I, O>[]>();
  for (const op of history) {
    const key = keyOf(op.input);
    const part = parts.get(key);
    if (part) part.push(op);
    else parts.set(key, [op]);
  }
  return [...parts.values()];
}
