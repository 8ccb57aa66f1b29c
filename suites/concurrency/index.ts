// The concurrent behaviours: many clients at once
// (docs/behaviour-reference.md#concurrent-requests).
import conditional from "./conditional.behaviours.ts";
import creates from "./creates.behaviours.ts";
import histories from "./histories.behaviours.ts";

export const concurrencyGroups = [
  { title: "Concurrency: conditional writes", definitions: conditional },
  { title: "Concurrency: creates", definitions: creates },
  { title: "Concurrency: generated histories", definitions: histories },
] as const;
