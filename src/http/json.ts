// The one Json type of the oracle: a parsed JSON object, as answers carry them.
export type Json = Record<string, unknown>;

/** The value as a JSON object, or undefined when it is anything else (null, array, text). */
export function asJsonObject(value: unknown): Json | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}
