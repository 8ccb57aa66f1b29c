// A linearizability checker for recorded concurrent histories, usable without the CLI:
// Wing & Gong's search with Lowe's memoisation, partitioned per key (as Porcupine does),
// unknown outcomes for timeouts, and timelines for the report.

export type { History, Operation, Time, TimedOperation } from "./history.ts";
export { isUnknownOutcome, normalizeHistory } from "./history.ts";
export type { Model, StepResult } from "./model.ts";
export { checkHistory } from "./check.ts";
export type { CheckOptions, CheckResult, PartitionVerdict } from "./check.ts";
export type { Verdict } from "./search.ts";
export { counterModel, registerModel } from "./models/register.ts";
export type {
  CounterInput,
  CounterOutput,
  RegisterInput,
  RegisterOutput,
} from "./models/register.ts";
export {
  describeItemOperation,
  itemPartitionKey,
  syncMapItemModel,
} from "./models/sync-map-item.ts";
export type { ItemInput, ItemOutput, ItemState } from "./models/sync-map-item.ts";
export {
  stateOf as permissionStateOf,
  syncMapPermissionModel,
} from "./models/sync-map-permission.ts";
export type {
  PermissionFlags,
  PermissionInput,
  PermissionOutput,
  PermissionState,
} from "./models/sync-map-permission.ts";
export { syncMapByNameModel } from "./models/sync-map-by-name.ts";
export type { NamedMapInput, NamedMapOutput, NamedMapState } from "./models/sync-map-by-name.ts";
export { servicePartitionKey, syncServiceModel } from "./models/sync-service.ts";
export type { ServiceInput, ServiceOutput, ServiceState } from "./models/sync-service.ts";
export { formatNanosecondsAsMs, layoutTimeline } from "./timeline-layout.ts";
export type { TimelineBar, TimelineLayout, TimelineOptions } from "./timeline-layout.ts";
export { renderTextTimeline } from "./timeline-text.ts";
export type { TextTimelineOptions } from "./timeline-text.ts";
export { renderSvgTimeline } from "./timeline-svg.ts";
export type { SvgTimelineOptions } from "./timeline-svg.ts";
