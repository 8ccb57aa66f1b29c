// The run's journal (<report-dir>/journal.jsonl): every map the run creates is written
// down BEFORE the request that creates it is sent (with its unique_name, or none, and
// its ttl), its sid and url when the answer arrives, and every delete that lands. An
// interrupt at any moment (SIGINT, SIGTERM, a crash) therefore leaves a journal naming
// everything the run may have left on the target; the end-of-run sweep and
// `sync-map-conformance sweep` read it. Lines are appended synchronously, so a line is
// in the file before the request it announces leaves the process.
import { appendFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { FormFields, RequestJournal, RequestSpec } from "../http/client.ts";
import { parseJsonBody, type Exchange } from "../http/exchange.ts";
import { asJsonObject } from "../http/json.ts";

export const JOURNAL_FILE = "journal.jsonl";

/** Who made the journal: enough to find the target again (never the token). */
export interface RunLine {
  readonly type: "run";
  readonly baseUrl: string;
  readonly accountSid: string;
  readonly serviceSid: string;
  readonly runPrefix: string;
  readonly startedAt: string;
  readonly requestTimeoutMs: number;
  /** The embedded server ends with the run: nothing of an embedded run outlives it. */
  readonly embedded: boolean;
}
/** A map about to be created: written before the request is sent. */
export interface CreateLine {
  readonly type: "create";
  readonly id: string;
  readonly service: string;
  readonly uniqueName: string | null;
  readonly ttl: number | null;
  /** Epoch ms just before sending. */
  readonly at: number;
}
export interface CreatedLine {
  readonly type: "created";
  readonly id: string;
  readonly sid: string;
  readonly url: string | null;
  readonly uniqueName: string | null;
  readonly dateExpires: string | null;
}
/** The create was answered with a refusal: nothing was made. */
export interface RefusedLine {
  readonly type: "refused";
  readonly id: string;
  readonly status: number;
}
/** A delete of `map` (a sid or a unique_name) in `service` that landed (2xx or 404). */
export interface DeletedLine {
  readonly type: "deleted";
  readonly service: string;
  readonly map: string;
}
export type JournalLine = RunLine | CreateLine | CreatedLine | RefusedLine | DeletedLine;

/** A map the journal says may still be on the target. */
export interface Outstanding {
  readonly id: string;
  readonly service: string;
  readonly uniqueName: string | null;
  readonly ttl: number | null;
  readonly at: number;
  /** Known once the create was answered; null when the answer never arrived. */
  readonly sid: string | null;
  readonly url: string | null;
  readonly dateExpires: string | null;
}

/**
 * A path segment decoded, or as sent when it is not valid percent-encoding: the fuzz
 * phase sends /Services/%zz/Maps on purpose, and the journal must not throw on it.
 */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    if (error instanceof URIError) return segment;
    throw error;
  }
}

const CREATE_PATH = /^\/v1\/Services\/([^/?]+)\/Maps\/?$/;
const MAP_PATH = /^\/v1\/Services\/([^/?]+)\/Maps\/([^/?]+)$/;

export class Journal implements RequestJournal {
  private counter = 0;

  constructor(readonly file: string) {}

  write(line: JournalLine): void {
    appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }

  /** Writes the intent of a create now, and returns what to write once it is answered. */
  sending(spec: RequestSpec): ((exchange: Exchange) => void) | undefined {
    const path = spec.path.split("?")[0] ?? "";
    const create = spec.method === "POST" ? CREATE_PATH.exec(path) : null;
    if (create?.[1] !== undefined) return this.creating(decodedSegment(create[1]), spec.form);
    const remove = spec.method === "DELETE" ? MAP_PATH.exec(path) : null;
    if (remove?.[1] === undefined || remove[2] === undefined) return undefined;
    const deleted = {
      type: "deleted" as const,
      service: decodedSegment(remove[1]),
      map: decodedSegment(remove[2]),
    };
    return (exchange) => {
      const status = exchange.response?.status;
      if (status !== undefined && ((status >= 200 && status < 300) || status === 404)) {
        this.write(deleted);
      }
    };
  }

  private creating(service: string, form: FormFields | undefined): (exchange: Exchange) => void {
    this.counter += 1;
    const id = `${process.pid}-${Date.now().toString(36)}-${this.counter}`;
    const fields = new Map(formPairs(form));
    const ttl = Number(fields.get("Ttl") ?? fields.get("CollectionTtl") ?? Number.NaN);
    const uniqueName = fields.get("UniqueName") ?? null;
    const at = Date.now();
    this.write({
      type: "create",
      id,
      service,
      uniqueName,
      ttl: Number.isFinite(ttl) ? ttl : null,
      at,
    });
    return (exchange) => {
      const status = exchange.response?.status;
      if (status === undefined) return;
      if (status < 200 || status >= 300) {
        this.write({ type: "refused", id, status });
        return;
      }
      const parsed = parseJsonBody(exchange);
      const map = parsed.ok ? asJsonObject(parsed.value) : undefined;
      if (typeof map?.sid !== "string") return;
      this.write({
        type: "created",
        id,
        sid: map.sid,
        url: typeof map.url === "string" ? map.url : null,
        uniqueName: typeof map.unique_name === "string" ? map.unique_name : uniqueName,
        dateExpires: typeof map.date_expires === "string" ? map.date_expires : null,
      });
    };
  }
}

function formPairs(form: FormFields | undefined): Array<[string, string]> {
  if (form === undefined) return [];
  if (Array.isArray(form)) return form.map(([name, value]): [string, string] => [name, value]);
  return Object.entries(form as Record<string, unknown>).flatMap(([name, value]) =>
    value === undefined ? [] : [[name, String(value)] as [string, string]],
  );
}

/** Every line of a journal file; a line cut short by a crash is skipped. */
export function readJournal(file: string): JournalLine[] {
  if (!existsSync(file)) return [];
  const lines: JournalLine[] = [];
  for (const text of readFileSync(file, "utf8").split("\n")) {
    if (text.trim() === "") continue;
    try {
      lines.push(JSON.parse(text) as JournalLine);
    } catch {
      // The last line of a process killed mid-write; the request it announced was not sent.
    }
  }
  return lines;
}

/** The journals of a report directory: this run's and those an earlier run set aside. */
export function journalFiles(reportDir: string): string[] {
  if (!existsSync(reportDir)) return [];
  return readdirSync(reportDir)
    .filter((name) => /^journal.*\.jsonl$/.test(name))
    .sort()
    .map((name) => join(reportDir, name));
}

/** The run line of a journal, if it has one. */
export function runOf(lines: readonly JournalLine[]): RunLine | undefined {
  return lines.find((line): line is RunLine => line.type === "run");
}

/** The maps a journal says may still be there: created (or maybe created), never deleted. */
export function outstanding(lines: readonly JournalLine[]): Outstanding[] {
  const open = new Map<string, Outstanding>();
  for (const line of lines) {
    if (line.type === "create") {
      const { id, service, uniqueName, ttl, at } = line;
      open.set(id, { id, service, uniqueName, ttl, at, sid: null, url: null, dateExpires: null });
    } else if (line.type === "created") {
      const known = open.get(line.id);
      if (known !== undefined) open.set(line.id, { ...known, ...createdFields(line) });
    } else if (line.type === "refused") {
      open.delete(line.id);
    } else if (line.type === "deleted") {
      for (const [id, map] of open) {
        const named = map.sid === line.map || map.uniqueName === line.map;
        if (map.service === line.service && named) open.delete(id);
      }
    }
  }
  return [...open.values()];
}

function createdFields(
  line: CreatedLine,
): Pick<Outstanding, "sid" | "url" | "uniqueName" | "dateExpires"> {
  return {
    sid: line.sid,
    url: line.url,
    uniqueName: line.uniqueName,
    dateExpires: line.dateExpires,
  };
}

/**
 * Starts this run's journal in the report directory. An earlier run's journal that still
 * names maps on the target is kept beside it (journal-<its start>.jsonl) for `sweep`.
 */
export function startJournal(reportDir: string, run: Omit<RunLine, "type">): Journal {
  const file = join(reportDir, JOURNAL_FILE);
  const earlier = readJournal(file);
  if (outstanding(earlier).length > 0) {
    const stamp = (runOf(earlier)?.startedAt ?? new Date().toISOString()).replace(/[:.]/g, "-");
    renameSync(file, join(reportDir, `journal-${stamp}.jsonl`));
  } else {
    rmSync(file, { force: true });
  }
  const journal = new Journal(file);
  journal.write({ type: "run", ...run });
  return journal;
}
