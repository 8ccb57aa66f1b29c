// A violation as people read it: which operations no order explains, the per-client timeline
// of their key (text and SVG), and the curl of each unexplained request.
import { toCurl } from "../http/curl.ts";
import { describeAnswer, type Exchange } from "../http/exchange.ts";
import type { FailureTimeline } from "../checks/failure.ts";
import type { ServiceOperation } from "./execute.ts";
import {
  checkHistory,
  formatNanosecondsAsMs,
  renderSvgTimeline,
  renderTextTimeline,
  syncServiceModel,
  type CheckResult,
  type PartitionVerdict,
  type ServiceInput,
  type ServiceOutput,
} from "../linearizability/index.ts";

export type ServiceCheck = CheckResult<ServiceInput, ServiceOutput>;

export interface ViolationView {
  readonly partition: PartitionVerdict;
  /** "item k0 of map MP…", the resource whose history no order explains. */
  readonly resource: string;
  readonly unexplained: readonly string[];
  readonly timeline: FailureTimeline;
}

export function viewViolation(result: ServiceCheck): ViolationView | undefined {
  const partition = result.violations[0];
  if (partition === undefined) return undefined;
  const first = result.operations[partition.operations[0] ?? 0];
  const unexplained = (
    partition.unexplained ?? (partition.stuck === undefined ? [] : [partition.stuck])
  ).map((index) => `#${index} ${describe(result, index)}`);
  const options = { formatTime: formatNanosecondsAsMs };
  return {
    partition,
    resource: first === undefined ? "?" : resourceName(first.input),
    unexplained,
    timeline: {
      text: renderTextTimeline(syncServiceModel, result, partition, { ...options, width: 72 }),
      svg: renderSvgTimeline(syncServiceModel, result, partition, options),
    },
  };
}

function describe(result: ServiceCheck, index: number): string {
  const op = result.operations[index];
  if (op === undefined) return "?";
  const what = syncServiceModel.describe?.(op.input, op.output) ?? "";
  return `(client ${op.clientId}) ${what}`;
}

export function resourceName(input: ServiceInput): string {
  switch (input.resource) {
    case "item":
      return `item ${JSON.stringify(input.key)} of map ${input.map}`;
    case "permission":
      return `permission of ${JSON.stringify(input.identity)} on map ${input.map}`;
    case "map":
      return `the map named ${JSON.stringify(input.name)}`;
  }
}

/** The curl of each unexplained request (a list stands for several operations: once). */
export function curlsOf(
  view: ViolationView,
  exchanges: readonly Exchange[],
  accountSid: string,
): string[] {
  const indices = view.partition.unexplained ?? [];
  const seen = new Set<Exchange>();
  return indices.flatMap((index) => {
    const exchange = exchanges[index];
    if (exchange === undefined || seen.has(exchange)) return [];
    seen.add(exchange);
    return [
      `# #${index}:`,
      toCurl(exchange, { accountSid }),
      `# answered: ${describeAnswer(exchange)}`,
    ];
  });
}

/**
 * The timeline of a short concurrent history (one race of a CONC-* behaviour): the partition
 * no order explains if there is one, else the busiest one, so a failure shows the race.
 */
export function timelineOf(history: readonly ServiceOperation[]): FailureTimeline {
  const result = checkHistory(syncServiceModel, history, { timeoutMs: TIMELINE_CHECK_MS });
  const view = viewViolation(result);
  if (view !== undefined) return view.timeline;
  const busiest = [...result.partitions].sort(
    (a, b) => b.operations.length - a.operations.length,
  )[0];
  if (busiest === undefined) return { text: "(no requests recorded)", svg: "" };
  const options = { formatTime: formatNanosecondsAsMs };
  return {
    text: renderTextTimeline(syncServiceModel, result, busiest, { ...options, width: 72 }),
    svg: renderSvgTimeline(syncServiceModel, result, busiest, options),
  };
}

const TIMELINE_CHECK_MS = 5_000;
