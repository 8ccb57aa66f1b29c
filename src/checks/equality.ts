import { isDeepStrictEqual } from "node:util";
import { defineCheck, show, type Failure } from "./failure.ts";

export interface EqualityInput {
  /** What is compared, for people: "fetched map sid". */
  readonly subject: string;
  readonly actual: unknown;
  readonly expected: unknown;
  readonly documented: string;
}

export const valueIsDocumented = defineCheck<EqualityInput>({
  id: "value_is_documented",
  title: "Value differs from the documented one",
  run({ subject, actual, expected, documented }): Failure[] {
    if (isDeepStrictEqual(actual, expected)) return [];
    return [
      {
        check: this.id,
        title: this.title,
        received: `${subject} = ${show(actual)}`,
        documented: `${subject} = ${show(expected)}: ${documented}`,
      },
    ];
  },
});

export interface ClaimInput {
  readonly holds: boolean;
  readonly received: string;
  readonly documented: string;
}

/** A property that a behaviour computes itself (ordering, set membership, counts). */
export const propertyHolds = defineCheck<ClaimInput>({
  id: "documented_property_holds",
  title: "A documented property does not hold",
  run({ holds, received, documented }): Failure[] {
    return holds ? [] : [{ check: this.id, title: this.title, received, documented }];
  },
});
