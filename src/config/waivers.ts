// --waivers FILE: known deviations a target owner accepts for a while. Each waiver
// names one behaviour, says why, and expires, so an accepted failure cannot turn into
// a permanent blind spot. Loading only validates; whether a waiver applies (live,
// expired, stale) is decided against a run's results in reporters/waive.ts.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { ConfigError } from "./config.ts";

export interface Waiver {
  /** A behaviour id from the catalogue, e.g. MAP-TTL-ALIAS. */
  readonly id: string;
  readonly reason: string;
  /** Last day (UTC) on which the waiver still applies, as YYYY-MM-DD. */
  readonly expires: string;
}

const WAIVER_FIELDS: ReadonlySet<string> = new Set(["id", "reason", "expires"]);

// The catalogue's id shape (src/catalogue): checked here too because this room may not
// import the catalogue, and a lower-case or misspelt id would otherwise never match.
const BEHAVIOUR_ID = /^[A-Z]+(-[A-Z0-9]+)+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads and strictly validates a waivers file (YAML or JSON); any mistake is a ConfigError (exit
 * 2).
 */
export function loadWaivers(file: string): Waiver[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(
      `waivers file ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  return parseWaivers(text, file);
}

/** The validation behind loadWaivers, on text already read; `file` only names it in messages. */
export function parseWaivers(text: string, file: string): Waiver[] {
  let document: unknown;
  try {
    // YAML 1.2 is a superset of JSON, so one parser serves both formats; its core
    // schema keeps an unquoted 2026-06-30 a string rather than a Date.
    document = parse(text);
  } catch (error) {
    throw new ConfigError(
      `waivers file ${file}: not valid YAML or JSON: ${firstLine((error as Error).message)}`,
    );
  }
  const list = waiverList(document, file);
  const waivers: Waiver[] = [];
  const firstEntryOf = new Map<string, number>();
  for (const [index, raw] of list.entries()) {
    const waiver = validateWaiver(raw, `waivers file ${file}: entry ${index + 1}`);
    const earlier = firstEntryOf.get(waiver.id);
    if (earlier !== undefined) {
      throw new ConfigError(
        `waivers file ${file}: entry ${index + 1} (${waiver.id}) repeats the id of entry ${earlier}`,
      );
    }
    firstEntryOf.set(waiver.id, index + 1);
    waivers.push(waiver);
  }
  return waivers;
}

/** A waiver applies through its expiry day; from the next UTC day on it is expired. */
export function isExpired(waiver: Pick<Waiver, "expires">, today: Date): boolean {
  return utcDay(today) > waiver.expires;
}

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function waiverList(document: unknown, file: string): unknown[] {
  if (Array.isArray(document)) return document;
  if (isRecord(document)) {
    const extra = Object.keys(document).filter((key) => key !== "waivers");
    if (extra.length > 0)
      throw new ConfigError(
        `waivers file ${file}: unknown top-level field "${extra[0]}" (only "waivers" is allowed)`,
      );
    if (Array.isArray(document.waivers)) return document.waivers;
  }
  throw new ConfigError(
    `waivers file ${file}: expected a list of waivers, or "waivers:" holding one (write "waivers: []" for none)`,
  );
}

function validateWaiver(raw: unknown, position: string): Waiver {
  if (!isRecord(raw))
    throw new ConfigError(`${position}: expected a mapping with id, reason and expires`);
  const where = typeof raw.id === "string" ? `${position} (${raw.id})` : position;
  const fail = (what: string): never => {
    throw new ConfigError(`${where}: ${what}`);
  };
  const unknown = Object.keys(raw).find((key) => !WAIVER_FIELDS.has(key));
  if (unknown !== undefined) fail(`unknown field "${unknown}" (allowed: id, reason, expires)`);
  if (typeof raw.id !== "string" || !BEHAVIOUR_ID.test(raw.id))
    fail("id must be a behaviour id like MAP-TTL-ALIAS");
  if (typeof raw.reason !== "string" || raw.reason.trim() === "")
    fail("reason is required: say why the deviation is accepted");
  if (typeof raw.expires !== "string" || !isCalendarDate(raw.expires))
    fail(`expires must be a date written YYYY-MM-DD, got ${JSON.stringify(raw.expires)}`);
  return Object.freeze({
    id: raw.id as string,
    reason: (raw.reason as string).trim(),
    expires: raw.expires as string,
  });
}

/** Rejects well-shaped impossible dates such as 2026-02-30, which Date would roll over. */
function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
