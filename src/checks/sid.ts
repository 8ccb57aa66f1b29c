import { defineCheck, show, type Failure } from "./failure.ts";

export interface SidInput {
  readonly field: string;
  readonly value: unknown;
  /** Two-letter prefix: MP (map), AC (account), IS (service). */
  readonly prefix: "MP" | "AC" | "IS";
}

export const sidMatchesPattern = defineCheck<SidInput>({
  id: "sid_matches_pattern",
  title: "SID does not match its documented pattern",
  run({ field, value, prefix }): Failure[] {
    const pattern = new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);
    if (typeof value === "string" && value.length === 34 && pattern.test(value)) return [];
    return [
      {
        check: this.id,
        title: this.title,
        received: `${field} = ${show(value)}`,
        documented: `${field} matches ^${prefix}[0-9a-fA-F]{32}$, 34 characters`,
      },
    ];
  },
});
