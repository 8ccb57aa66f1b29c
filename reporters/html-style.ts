// The page style of report.html: inline CSS (the page fetches nothing), the status
// colours, and the status filter, which is CSS alone (radio inputs and :has).
import type { BehaviourStatus } from "./summary.ts";
import { STATUSES } from "./render-shared.ts";

export const FILTERS: ReadonlyArray<[string, string]> = [
  ["all", "all"],
  ["attention", "failed, broken and warned"],
  ["failed", "failed"],
  ["broken", "broken"],
  ["warned", "warned"],
  ["waived", "waived"],
  ["skipped", "skipped"],
  ["passed", "passed"],
];

// The status filter is CSS alone (radio inputs and :has), so the page needs no script;
// without :has every row simply stays visible.
export const FILTER_INPUTS = FILTERS.map(
  ([key]) =>
    `<input type="radio" name="status-filter" class="filter-input" id="filter-${key}"${key === "all" ? " checked" : ""}>`,
).join("\n");

const FILTER_RULES = FILTERS.filter(([key]) => key !== "all")
  .map(([key]) => {
    const shown = key === "attention" ? ["failed", "broken", "warned"] : [key];
    const hide = `body:has(#filter-${key}:checked) tr[data-status]${shown.map((status) => `:not([data-status="${status}"])`).join("")}{display:none}`;
    const label = `body:has(#filter-${key}:checked) label[for="filter-${key}"]{background:#1f2937;color:#fff}`;
    return `${hide}\n${label}`;
  })
  .join("\n");

// Broken is orange, apart from the red of failed and the amber of warned: the harness, not
// the target (Allure shows it yellow for the same reason).
const STATUS_COLOURS: Record<BehaviourStatus, [string, string]> = {
  failed: ["#b91c1c", "#fee2e2"],
  broken: ["#c2410c", "#ffedd5"],
  warned: ["#a16207", "#fef3c7"],
  waived: ["#6b21a8", "#f3e8ff"],
  skipped: ["#4b5563", "#f3f4f6"],
  passed: ["#15803d", "#dcfce7"],
};

export const STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:15px;line-height:1.45;color:#111827;background:#fff}
body{margin:0 auto;max-width:1400px;padding:1.5rem 2rem 3rem}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.3rem;margin:2rem 0 .75rem;border-bottom:1px solid #e5e7eb;padding-bottom:.25rem}
h3{font-size:1.05rem;margin:1.25rem 0 .5rem}h4{font-size:.95rem;margin:.75rem 0 .4rem}h5{font-size:.85rem;margin:.75rem 0 .25rem;color:#374151}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em}
pre{background:#f9fafb;border:1px solid #e5e7eb;border-radius:4px;padding:.6rem .75rem;white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
pre.reproduction{background:#0f172a;color:#e2e8f0;border-color:#0f172a}
a{color:#1d4ed8}
.verdict{display:inline-block;font-weight:600;padding:.4rem .8rem;border-radius:4px;margin:.25rem 0 1rem}
.verdict-passed{background:#dcfce7;color:#14532d}.verdict-failed{background:#fee2e2;color:#7f1d1d}.verdict-interrupted{background:#fef3c7;color:#78350f}
.verdict-broken{background:#ffedd5;color:#7c2d12}
.meta{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:.25rem 1.5rem;margin:0}
.meta div{display:flex;gap:.5rem;min-width:0}.meta dt{color:#6b7280;white-space:nowrap}.meta dd{margin:0;overflow-wrap:anywhere;font-weight:500}
.totals{list-style:none;display:flex;flex-wrap:wrap;gap:.75rem;padding:0;margin:0}
.total{border:1px solid #e5e7eb;border-radius:6px;padding:.5rem 1rem;min-width:6rem}
.total .count{display:block;font-size:1.6rem;font-weight:700}.total .label{color:#4b5563}
${STATUSES.map((status) => `.total-${status} .count{color:${STATUS_COLOURS[status][0]}}`).join("")}
.badge{display:inline-block;font-size:.78rem;font-weight:600;padding:.05rem .45rem;border-radius:999px;white-space:nowrap;vertical-align:middle}
${STATUSES.map((status) => `.badge.status-${status}{color:${STATUS_COLOURS[status][0]};background:${STATUS_COLOURS[status][1]}}`).join("")}
.change-regressed{color:#b91c1c}.badge.change-regressed{background:#fee2e2}
.change-fixed{color:#15803d}.badge.change-fixed{background:#dcfce7}
.change-still-failing{color:#a16207}.badge.change-still-failing{background:#fef3c7}.badge.change-unchanged{color:#4b5563;background:#f3f4f6}
.change-new{color:#1d4ed8}.badge.change-new{background:#dbeafe}.change-removed,.change-not-run{color:#4b5563}.badge.change-removed,.badge.change-not-run{background:#f3f4f6}
.level,.group{font-size:.8rem;color:#4b5563;font-weight:500}
.failure{border:1px solid #e5e7eb;border-left:4px solid #b91c1c;border-radius:4px;padding:.25rem 1rem .75rem;margin:0 0 1rem}
.failure.status-warned{border-left-color:#a16207}.failure.status-waived{border-left-color:#6b21a8}
.failure.status-broken{border-left-color:#c2410c}.broken-reason{color:#7c2d12}
.failure .statement{margin:.25rem 0}.failure .source{margin:.25rem 0;color:#4b5563;font-size:.9rem}
.finding{margin-top:.75rem;padding-top:.25rem;border-top:1px dashed #e5e7eb}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .75rem;margin:0}
.facts dt{color:#6b7280}.facts dd{margin:0;overflow-wrap:anywhere}
.received{color:#7f1d1d}.documented{color:#14532d}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #e5e7eb;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f9fafb;font-weight:600;position:sticky;top:0}
td.num{text-align:right;white-space:nowrap}td.id{white-space:nowrap}td.source{color:#4b5563;font-size:.85rem;overflow-wrap:anywhere;max-width:22rem}
tr.status-failed{background:#fef2f2}tr.status-warned{background:#fffbeb}tr.status-broken{background:#fff7ed}
.note{font-size:.82rem;color:#4b5563;margin-top:.15rem}
.counts{font-size:.85rem;font-weight:400;color:#6b7280;margin-left:.5rem}
.none{color:#6b7280}
.id-lists{display:flex;gap:1rem 3rem;flex-wrap:wrap}.id-lists ul{margin:.25rem 0;padding-left:1.25rem}.id-lists h3{font-size:.95rem}
.expires.expired{color:#b91c1c;font-weight:600}
.harness-errors pre{border-color:#fca5a5}
.filter-input{position:absolute;opacity:0;pointer-events:none}
.filters{display:none;gap:.4rem;flex-wrap:wrap;align-items:center}
.filters label{cursor:pointer;border:1px solid #d1d5db;border-radius:999px;padding:.1rem .6rem;font-size:.85rem}
@supports selector(:has(*)){.filters{display:flex}}
body:has(#filter-all:checked) label[for="filter-all"]{background:#1f2937;color:#fff}
${FILTER_RULES}
footer{margin-top:3rem;color:#9ca3af;font-size:.8rem;overflow-wrap:anywhere}
@media print{.filters{display:none!important}pre.reproduction{background:#f9fafb;color:#111827}}
`;
