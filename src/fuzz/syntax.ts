// Syntax: what no schema describes but every server meets: malformed form bodies and
// path segments, JSON a parser chokes on or barely survives, unknown and repeated
// parameters, oversize bodies. A server may refuse these or read them leniently;
// it may never answer 5xx.
import type { SpecLimits } from "../spec/index.ts";
import type { CaseDraft } from "./cases.ts";
import { baseline, buildCase, validValue } from "./cases.ts";
import { DATA_FIELD } from "./domain.ts";
import type { FuzzCase, OperationSurface, PathValue } from "./types.ts";

/** Deep enough to overflow a recursive JSON walker; still under the 16 KiB data limit. */
export const DEEP_ARRAYS = 5_000;
export const DEEP_OBJECTS = 2_000;
const ONE_MIB = 1024 * 1024;

/** JSON Data a parser refuses, barely survives, or reads as a number it cannot hold. */
export const SYNTAX_DATA: ReadonlyArray<readonly [string, string]> = [
  ["unclosed object", "{"],
  ["trailing comma", "[1,]"],
  ["single quotes", "{'a':1}"],
  ["NaN", '{"a":NaN}'],
  // JSON.parse reads 1e400 as Infinity: either refused or stored as written, never null.
  ["number beyond a double", '{"a":1e400}'],
  ["5,000 nested arrays", `${"[".repeat(DEEP_ARRAYS)}${"]".repeat(DEEP_ARRAYS)}`],
  ["2,000 nested objects", `${'{"a":'.repeat(DEEP_OBJECTS)}1${"}".repeat(DEEP_OBJECTS)}`],
  ["a lone surrogate", '{"a":"\ud800"}'],
];

export function syntaxCases(
  surface: OperationSurface,
  limits: SpecLimits,
  first: number,
): FuzzCase[] {
  const drafts: CaseDraft[] = [];
  const data = surface.fields.find(
    (field) => field.name === DATA_FIELD && field.location === "form",
  );
  if (data !== undefined) {
    for (const [label, value] of SYNTAX_DATA) {
      drafts.push(draft(`Data/${label}`, `Data: ${label}`, [{ field: data, value }]));
    }
  }
  const location = surface.hasForm ? "form" : "query";
  const named = surface.fields.find((field) => field.location === location) ?? surface.fields[0];
  drafts.push(
    draft("unknown parameter", "an unknown parameter", [extra(location, "FuzzUnknown", "1")]),
  );
  if (named !== undefined) {
    const repeated = extra(named.location, named.name, validValue(named));
    drafts.push(draft(`${named.name}/repeated`, `${named.name} sent twice`, [repeated]));
  }
  const cases = drafts.map((entry, index) => buildCase(surface, entry, first + index, limits));
  let next = first + cases.length;
  if (surface.hasForm) {
    for (const [label, body] of malformedBodies(surface)) {
      const base = buildCase(
        surface,
        draft(`body/${label}`, `form body: ${label}`, []),
        next++,
        limits,
      );
      cases.push({
        ...base,
        request: { ...base.request, rawBody: body },
        expect: "either",
        reason: "a malformed form body may be refused or read leniently",
      });
    }
  }
  if (surface.hasForm) {
    // Added after classification: encoding 1 MiB for the classifier would cost seconds.
    const base = buildCase(
      surface,
      draft("oversize body", "a body over 1 MiB", []),
      next++,
      limits,
    );
    const form = [...(base.request.form ?? []), ["FuzzPad", "p".repeat(ONE_MIB)] as const];
    cases.push({
      ...base,
      request: { ...base.request, form },
      expect: "either",
      reason: "an unknown parameter making the body over 1 MiB: refused (413) or ignored",
      transport: true,
    });
  }
  for (const [label, segment] of [
    ["%zz", "%zz"],
    ["invalid UTF-8", "%C3%28"],
  ] as const) {
    const base = buildCase(
      surface,
      draft(`path/${label}`, `path segment ${label}`, []),
      next++,
      limits,
    );
    cases.push({
      ...base,
      request: { ...base.request, pathParams: malformedPath(surface, segment) },
      expect: "refused",
      reason: `a path segment that is not valid percent-encoding (${label})`,
      transport: true,
    });
  }
  return cases;
}

function draft(kind: string, description: string, changes: CaseDraft["changes"]): CaseDraft {
  return { phase: "syntax", kind, description, changes };
}

function extra(location: "query" | "form", name: string, value: string) {
  return { extra: [[name, value] as const], location };
}

/** The valid body with the damage appended, so the damage is the only thing wrong. */
function malformedBodies(surface: OperationSurface): Array<[string, string]> {
  const valid = new URLSearchParams(baseline(surface, "form")).toString();
  const joined = (tail: string) => (valid === "" ? tail : `${valid}&${tail}`);
  return [
    ["bad percent-encoding", joined("FuzzBad=%zz")],
    ["lone ampersands", `&&${valid}&`],
    ["value without a name", joined("=orphan")],
    ["name without a value", joined("FuzzFlag")],
  ];
}

/** The map segment (or the service segment) replaced: nothing the run owns can be hit. */
function malformedPath(surface: OperationSurface, segment: string): Record<string, PathValue> {
  const params: Record<string, PathValue> = { ...surface.pathParams };
  const target =
    Object.entries(params).find(([, value]) => "fixture" in value && value.fixture === "map") ??
    Object.entries(params)[0];
  if (target !== undefined) params[target[0]] = { encoded: segment };
  return params;
}
