// Unique names: the run prefix (so cleanup finds them, and they never look like a SID)
// followed by letters of both cases, digits and separators, within the accepted length.
import fc from "fast-check";
import type { SpecLimits } from "../spec/index.ts";

export function uniqueNameArbitrary(
  prefix: string,
  limits: Pick<SpecLimits, "uniqueNameLengthAccepted">,
): fc.Arbitrary<string> {
  const room = Math.max(1, Math.min(40, limits.uniqueNameLengthAccepted - prefix.length));
  return fc
    .string({
      unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_."),
      minLength: 1,
      maxLength: room,
    })
    .map((tail) => `${prefix}${tail}`);
}
