/**
 * The fourteen Sync Map operations (docs/behaviour-reference.md#endpoints), named as the vendor
 * names them.
 */
export const SYNC_MAP_OPERATION_IDS = Object.freeze([
  "CreateSyncMap",
  "ListSyncMap",
  "FetchSyncMap",
  "UpdateSyncMap",
  "DeleteSyncMap",
  "CreateSyncMapItem",
  "ListSyncMapItem",
  "FetchSyncMapItem",
  "UpdateSyncMapItem",
  "DeleteSyncMapItem",
  "ListSyncMapPermission",
  "FetchSyncMapPermission",
  "UpdateSyncMapPermission",
  "DeleteSyncMapPermission",
] as const);

export type SyncMapOperationId = (typeof SYNC_MAP_OPERATION_IDS)[number];
