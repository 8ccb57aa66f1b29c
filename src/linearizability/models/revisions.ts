// The revisions one item has shown in its current life, as an immutable chain: a state
// shares its tail with the state before, so a step costs no copy of the whole set.

export interface Revisions {
  readonly size: number;
  /** Order-independent, so two orders of the same updates memoise as one state. */
  readonly hash: number;
  readonly head?: string;
  readonly tail?: Revisions;
}

export const NO_REVISIONS: Revisions = { size: 0, hash: 0 };

export function withRevision(seen: Revisions, revision: string): Revisions {
  return {
    size: seen.size + 1,
    hash: (seen.hash + stringHash(revision)) >>> 0,
    head: revision,
    tail: seen,
  };
}

export function hasRevision(seen: Revisions, revision: string): boolean {
  for (let at: Revisions | undefined = seen; at?.head !== undefined; at = at.tail) {
    if (at.head === revision) return true;
  }
  return false;
}

export function sameRevisions(a: Revisions, b: Revisions): boolean {
  if (a === b) return true;
  if (a.size !== b.size || a.hash !== b.hash) return false;
  const inA = new Set<string>();
  for (let at: Revisions | undefined = a; at?.head !== undefined; at = at.tail) inA.add(at.head);
  for (let at: Revisions | undefined = b; at?.head !== undefined; at = at.tail) {
    if (!inA.has(at.head)) return false;
  }
  return true;
}

function stringHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
