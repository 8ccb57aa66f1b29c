// Showing a value an answer carried in a failure message, without recursion: a target
// may answer data nested thousands deep, and JSON.stringify (as `show` uses it) would
// overflow the checker's stack. Stops writing once the preview is long enough.

/** JSON text of `value`, cut at `limit` characters with an ellipsis. */
export function previewJson(value: unknown, limit = 300): string {
  if (value === undefined) return "(absent)";
  let out = "";
  const pending: unknown[] = [value];
  while (pending.length > 0 && out.length <= limit) {
    const next = pending.pop();
    if (next instanceof Piece) {
      out += next.text;
    } else if (Array.isArray(next)) {
      pending.push(new Piece("]"));
      for (let index = next.length - 1; index >= 0; index -= 1) {
        pending.push(next[index]);
        if (index > 0) pending.push(new Piece(","));
      }
      out += "[";
    } else if (typeof next === "object" && next !== null) {
      const entries = Object.entries(next);
      pending.push(new Piece("}"));
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, entry] = entries[index] as [string, unknown];
        pending.push(entry, new Piece(`${JSON.stringify(key)}:`));
        if (index > 0) pending.push(new Piece(","));
      }
      out += "{";
    } else {
      out += JSON.stringify(next) ?? "null";
    }
  }
  return out.length > limit || pending.length > 0 ? `${out.slice(0, limit)}…` : out;
}

/** Punctuation waiting on the stack, told apart from data by its class. */
class Piece {
  constructor(readonly text: string) {}
}
