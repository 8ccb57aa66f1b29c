// A foreign OpenAPI document for --spec tests: our own, with one operation and one
// response property taken out and no limits extension, written to a temp file.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { DEFAULT_SPEC_FILE } from "../../src/spec/index.ts";

export const TRIMMED_OPERATION = "DeleteSyncMapPermission";
export const TRIMMED_PROPERTY = "created_by";

export function writeTrimmedSpec(): string {
  const document = parse(readFileSync(DEFAULT_SPEC_FILE, "utf8")) as {
    paths: Record<string, Record<string, { operationId?: string }>>;
    components: {
      schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }>;
    };
    [extension: string]: unknown;
  };
  for (const pathItem of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(pathItem)) {
      if (operation.operationId === TRIMMED_OPERATION) delete pathItem[method];
    }
  }
  const map = document.components.schemas["sync.v1.service.sync_map"];
  if (map?.properties === undefined) throw new Error("our spec lost its Map schema");
  delete map.properties[TRIMMED_PROPERTY];
  map.required = (map.required ?? []).filter((name) => name !== TRIMMED_PROPERTY);
  delete document["x-sync-map-limits"];
  const file = join(mkdtempSync(join(tmpdir(), "smc-spec-")), "trimmed.openapi.json");
  writeFileSync(file, JSON.stringify(document));
  return file;
}
