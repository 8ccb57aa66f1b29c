// After the run, even after failures, Ctrl-C or a crash: delete what the run made, and
// say exactly what is still there. Candidates come from the run's journal (every map it
// set out to create, src/run/journal.ts), from maps the behaviours could not delete, and
// from the run prefix; only those are touched, foreign data never is. Each candidate is
// deleted, then fetched: what still answers is a leak, listed with its sid, url and the
// date_expires that will remove it (null: nothing will), and so is what gets no answer at
// all (it may still be there).
import { isGone } from "../behaviours/context.ts";
import type { Config } from "../config/config.ts";
import { HttpClient } from "../http/client.ts";
import { parseJsonBody, type Exchange } from "../http/exchange.ts";
import { asJsonObject, type Json } from "../http/json.ts";
import { followPages } from "../http/pages.ts";
import { SyncMapApi } from "../http/syncApi.ts";
import { Journal, outstanding, readJournal, type Outstanding } from "./journal.ts";

const MAX_PAGES = 1_000;
/** Deletes in flight at once while sweeping. */
const SWEEP_CONCURRENCY = 8;
/** date_created has whole seconds, and the target's clock may run a little apart. */
const CLOCK_SLACK_MS = 5_000;

export type SweepTarget = Pick<
  Config,
  "baseUrl" | "accountSid" | "authToken" | "serviceSid" | "runPrefix" | "requestTimeoutMs"
>;

/** A map the run created that is still on the target. */
export interface LeakedResource {
  readonly sid: string;
  readonly service: string;
  readonly url: string | null;
  readonly uniqueName: string | null;
  /** When the target will remove it by its ttl; null: never. */
  readonly dateExpires: string | null;
}

export interface SweepResult {
  /** How many resources are still there after the sweep tried to delete them. */
  readonly leaks: number;
  readonly leaked: readonly LeakedResource[];
  readonly requests: number;
}

export interface SweepSources {
  /** Sids (in the configured service) the behaviours could not delete. */
  readonly leakedSids?: readonly string[];
  /** Journal files whose outstanding maps are swept; deletes are written back to each. */
  readonly journals?: readonly string[];
}

/** A map to delete: a sid or unique_name in a service. */
interface Candidate {
  readonly service: string;
  readonly map: string;
}

export async function sweep(target: SweepTarget, sources: SweepSources = {}): Promise<SweepResult> {
  const client = new HttpClient({
    baseUrl: target.baseUrl ?? "",
    accountSid: target.accountSid,
    authToken: target.authToken,
    timeoutMs: target.requestTimeoutMs,
  });
  const api = new SyncMapApi(client, target.serviceSid);
  try {
    const leaked: LeakedResource[] = [];
    for (const file of sources.journals ?? []) {
      const journal = new Journal(file);
      const candidates = await journalCandidates(api, outstanding(readJournal(file)), target);
      leaked.push(...(await removeAll(api, candidates, journal)));
    }
    const service = target.serviceSid;
    const named = await prefixedMaps(api, target.runPrefix);
    const more = [...(sources.leakedSids ?? []), ...named].map((map) => ({ service, map }));
    const known = new Set(leaked.map((resource) => `${resource.service}/${resource.sid}`));
    const rest = await removeAll(api, more, undefined);
    leaked.push(...rest.filter((resource) => !known.has(`${resource.service}/${resource.sid}`)));
    return { leaks: leaked.length, leaked, requests: api.requestCount };
  } finally {
    await client.close();
  }
}

/**
 * What the journal's outstanding maps are on the target: by sid once the create was
 * answered, by unique_name otherwise; an unnamed map whose answer never arrived is found
 * by a follow-up list: an unnamed map created in the seconds the request was in flight.
 */
async function journalCandidates(
  api: SyncMapApi,
  open: readonly Outstanding[],
  target: SweepTarget,
): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  const lost: Outstanding[] = [];
  for (const map of open) {
    const ref = map.sid ?? map.uniqueName;
    if (ref === null) lost.push(map);
    else candidates.push({ service: map.service, map: ref });
  }
  const known = new Set(open.flatMap((map) => (map.sid === null ? [] : [map.sid])));
  for (const service of new Set(lost.map((map) => map.service))) {
    const unnamed = (await listed(api.inService(service))).filter(
      (map) => map.unique_name === null && typeof map.sid === "string" && !known.has(map.sid),
    );
    for (const map of lost.filter((intent) => intent.service === service)) {
      const window = {
        from: map.at - CLOCK_SLACK_MS,
        to: map.at + target.requestTimeoutMs + CLOCK_SLACK_MS,
      };
      for (const found of unnamed.filter((record) => createdWithin(record, window))) {
        candidates.push({ service, map: String(found.sid) });
      }
    }
  }
  return candidates;
}

function createdWithin(map: Json, window: { from: number; to: number }): boolean {
  const created = typeof map.date_created === "string" ? Date.parse(map.date_created) : Number.NaN;
  return created >= window.from && created <= window.to;
}

/**
 * Deletes each candidate, then fetches it: whatever still answers is leaked. A few at a
 * time: a target that hangs costs a timeout per request, and a run that lost hundreds of
 * creates to it must still end within seconds, not minutes.
 */
async function removeAll(
  api: SyncMapApi,
  candidates: readonly Candidate[],
  journal: Journal | undefined,
): Promise<LeakedResource[]> {
  const unique = new Map(candidates.map((c) => [`${c.service}/${c.map}`, c] as const));
  const queue = [...unique.values()];
  const found: Array<LeakedResource | undefined> = [];
  const removeNext = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const { service, map } = next;
      const inService = api.inService(service);
      const deleted = await inService.deleteMap(map);
      if (isGone(deleted)) journal?.write({ type: "deleted", service, map });
      found.push(stillThere(await inService.fetchMap(map), service, map));
    }
  };
  await Promise.all(Array.from({ length: SWEEP_CONCURRENCY }, removeNext));
  // One map named twice (by sid and by unique_name) is one leak.
  const leaked = new Map<string, LeakedResource>();
  for (const left of found) {
    if (left !== undefined) leaked.set(`${left.service}/${left.sid}`, left);
  }
  return [...leaked.values()];
}

/** The map as a leak when the target still answers for it; undefined when it is gone. */
function stillThere(fetched: Exchange, service: string, map: string): LeakedResource | undefined {
  if (fetched.response?.status === 404) return undefined;
  const parsed = parseJsonBody(fetched);
  const body = parsed.ok ? asJsonObject(parsed.value) : undefined;
  const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
  return {
    sid: text(body?.sid) ?? map,
    service,
    url: text(body?.url),
    uniqueName: text(body?.unique_name),
    dateExpires: text(body?.date_expires),
  };
}

async function listed(api: SyncMapApi): Promise<readonly Json[]> {
  const first = await api.listMaps({ PageSize: 100 });
  const options = { operationId: "ListSyncMap", recordsKey: "maps", maxPages: MAX_PAGES };
  return (await followPages(api, first, options)).records;
}

/** Maps named with the run prefix on every page the target lists. */
async function prefixedMaps(api: SyncMapApi, prefix: string): Promise<string[]> {
  return (await listed(api)).flatMap((map) => {
    const named = typeof map.unique_name === "string" && map.unique_name.startsWith(prefix);
    return named && typeof map.sid === "string" ? [map.sid] : [];
  });
}
