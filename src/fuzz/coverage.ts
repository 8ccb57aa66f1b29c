// Coverage: boundary values read from each field's schema and from the spec's limits,
// each sent alone on an otherwise valid request. Enumerated, not sampled.
import type { SpecLimits } from "../spec/index.ts";
import type { CaseDraft } from "./cases.ts";
import { filler, validValue } from "./cases.ts";
import { DATA_FIELD } from "./domain.ts";
import { forbiddenPattern } from "./surface.ts";
import type { FieldSurface, OperationSurface } from "./types.ts";

interface Probe {
  readonly label: string;
  readonly value: string;
}

export function coverageDrafts(surface: OperationSurface, limits: SpecLimits): CaseDraft[] {
  const drafts: CaseDraft[] = [];
  for (const field of surface.fields) {
    for (const probe of dedupe(probesFor(field, limits))) {
      drafts.push({
        phase: "coverage",
        kind: `${field.name}/${probe.label}`,
        description: `${field.name} ${probe.label}: ${shorten(probe.value)}`,
        changes: [{ field, value: probe.value }],
      });
    }
    if (field.required) {
      drafts.push({
        phase: "coverage",
        kind: `${field.name}/missing`,
        description: `${field.name} left out`,
        changes: [{ field, missing: true }],
      });
    }
    drafts.push(...renamedDrafts(field));
  }
  return drafts;
}

function probesFor(field: FieldSurface, limits: SpecLimits): Probe[] {
  if (field.name === DATA_FIELD) return dataProbes(limits);
  const schema = field.schema;
  const probes: Probe[] = [{ label: "empty", value: "" }];
  if (schema?.enum !== undefined) {
    probes.push(...schema.enum.map((member) => ({ label: "enum member", value: String(member) })));
    probes.push({ label: "outside the enum", value: "not-a-member" });
  }
  switch (schema?.type) {
    case "integer":
    case "number":
      probes.push(...integerProbes(field, limits));
      probes.push({ label: "wrong type", value: "abc" }, { label: "fraction", value: "1.5" });
      break;
    case "boolean":
      probes.push({ label: "true", value: "true" }, { label: "false", value: "false" });
      probes.push({ label: "wrong type", value: "maybe" }, { label: "upper case", value: "TRUE" });
      break;
    case "string":
      probes.push(...lengthProbes(field, limits));
      if (forbiddenPattern(field) !== undefined) {
        probes.push({ label: "shaped like a sid", value: `MP${"0123456789abcdef".repeat(2)}` });
      }
      break;
    default:
      break;
  }
  return probes;
}

function integerProbes(field: FieldSurface, limits: SpecLimits): Probe[] {
  const schema = field.schema ?? {};
  const probes: Probe[] = [];
  const bound = (label: string, value: number | undefined) => {
    if (value === undefined) return;
    probes.push(
      { label: `${label} - 1`, value: String(value - 1) },
      { label, value: String(value) },
    );
    probes.push({ label: `${label} + 1`, value: String(value + 1) });
  };
  bound("minimum", schema.minimum);
  bound("maximum", schema.maximum);
  if (/Ttl$/.test(field.name)) {
    if (schema.minimum === undefined) bound("documented minimum", 0);
    if (schema.maximum !== limits.ttlMax) bound("ttlMax", limits.ttlMax);
  }
  if (field.name === "PageSize") limits.pageSizeMax.forEach((max) => bound(`reading ${max}`, max));
  return probes;
}

function lengthProbes(field: FieldSurface, limits: SpecLimits): Probe[] {
  const schema = field.schema ?? {};
  const lengths: Array<[string, number | undefined]> = [
    ["minLength", schema.minLength],
    ["maxLength", schema.maxLength],
  ];
  if (field.name === "Key") {
    lengths.push(["accepted length", limits.keyLengthAccepted]);
    lengths.push(["refused-above length", limits.keyLengthRefusedAbove]);
  }
  if (field.name === "UniqueName") {
    lengths.push(["accepted length", limits.uniqueNameLengthAccepted]);
    lengths.push(["refused-above length", limits.uniqueNameLengthRefusedAbove]);
  }
  const probes: Probe[] = [];
  const tag = field.name.toLowerCase();
  for (const [label, length] of lengths) {
    if (length === undefined) continue;
    for (const delta of [-1, 0, 1]) {
      if (length + delta < 0) continue;
      const name = delta === 0 ? label : `${label} ${delta > 0 ? "+" : "-"} 1`;
      probes.push({ label: name, value: filler(length + delta, tag) });
    }
  }
  return probes;
}

/** Item data as the documents describe it: JSON text, not null, at most dataMaxBytes. */
function dataProbes(limits: SpecLimits): Probe[] {
  const sized = (bytes: number) => `{"pad":"${"x".repeat(Math.max(bytes - 10, 0))}"}`;
  return [
    { label: "empty", value: "" },
    { label: "object", value: '{"a":1}' },
    { label: "array", value: "[1,2]" },
    { label: "scalar", value: "1" },
    { label: "string", value: '"text"' },
    { label: "null", value: "null" },
    { label: "not JSON", value: "not json" },
    { label: "half the limit", value: sized(limits.dataMaxBytes / 2) },
    { label: "at the limit", value: sized(limits.dataMaxBytes) },
    { label: "twice the limit", value: sized(limits.dataMaxBytes * 2) },
  ];
}

/** A documented PascalCase name sent in lower case: an unknown parameter to a Twilio server. */
function renamedDrafts(field: FieldSurface): CaseDraft[] {
  const renamed = field.name.toLowerCase();
  if (renamed === field.name) return [];
  return [
    {
      phase: "coverage",
      kind: `${field.name}/lower-case name`,
      description: `${field.name} sent as ${renamed}`,
      changes: [
        ...(field.required ? [{ field, missing: true as const }] : []),
        { extra: [[renamed, validValue(field)]], location: field.location },
      ],
    },
  ];
}

function dedupe(probes: readonly Probe[]): Probe[] {
  const seen = new Set<string>();
  return probes.filter((probe) => !seen.has(probe.value) && seen.add(probe.value) !== undefined);
}

function shorten(value: string): string {
  return value.length > 40
    ? `${JSON.stringify(value.slice(0, 24))}… (${value.length} chars)`
    : JSON.stringify(value);
}
