// Interruption loses nothing. Runs against `serve` are interrupted at random moments of
// their behaviour phase: SIGINT to the whole process group (Ctrl-C in a terminal),
// SIGTERM to the CLI alone (CI cancelling a job), SIGKILL to the group (a crash). Then
// the target is listed: after SIGINT or SIGTERM the summary's leaked list is exactly what
// is left; after SIGKILL (no summary) the journal names everything left; after `sweep`,
// nothing is left. 9 moments (3 per signal), 3 runs at a time; the seed is printed.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outstanding, readJournal, type Outstanding } from "../../src/run/journal.ts";
import {
  CLI,
  readSummary,
  reportDir,
  runCli,
  serve,
  targetArgs,
  type ServedTarget,
} from "./cli.ts";

type Kill = { readonly signal: NodeJS.Signals; readonly group: boolean };
const KILLS: readonly Kill[] = [
  { signal: "SIGINT", group: true },
  { signal: "SIGTERM", group: false },
  { signal: "SIGKILL", group: true },
];
const ROUNDS = 3;
/** The moment is drawn after the first create is journalled, within this window. */
const MAX_DELAY_MS = 8_000;
const SEED = Number(process.env.SMC_INTERRUPT_SEED ?? Date.now() % 1_000_000);

/** mulberry32: the same moments for the same seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const draw = random(SEED);

interface ListedMap {
  readonly sid: string;
  readonly unique_name: string | null;
  readonly date_created: string;
}

/** Every map of the served service, every page. */
async function listAll(target: ServedTarget): Promise<ListedMap[]> {
  const pair = Buffer.from(`${target.accountSid}:${target.authToken}`).toString("base64");
  const authorization = `Basic ${pair}`;
  const maps: ListedMap[] = [];
  let url: string | null = `${target.url}/v1/Services/${target.serviceSid}/Maps?PageSize=100`;
  while (url !== null && url !== "") {
    const page = (await (await fetch(url, { headers: { authorization } })).json()) as {
      maps: ListedMap[];
      meta: { next_page_url: string | null };
    };
    maps.push(...page.maps);
    url = page.meta.next_page_url;
  }
  return maps;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Interrupted {
  readonly kill: Kill;
  readonly delayMs: number;
  readonly dir: string;
  readonly exit: number | string | null;
  readonly left: ListedMap[];
  readonly target: ServedTarget;
}

async function interruptOnce(kill: Kill, delayMs: number): Promise<Interrupted> {
  const target = await serve();
  const dir = reportDir();
  const journal = join(dir, "journal.jsonl");
  const args = [CLI, ...targetArgs(target), "--report-dir", dir];
  const env = { ...process.env, CI: "true", TWILIO_AUTH_TOKEN: target.authToken };
  const run = spawn(process.execPath, args, { env, stdio: "ignore", detached: true });
  const exited = new Promise<number | string | null>((resolve) =>
    run.on("exit", (code, signal) => resolve(code ?? signal)),
  );
  await until(
    () => existsSync(journal) && readFileSync(journal, "utf8").includes('"create"'),
    90_000,
  );
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  if (kill.group) process.kill(-(run.pid as number), kill.signal);
  else run.kill(kill.signal);
  const exit = await exited;
  // A request the killed run sent may still be landing: let the target settle.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { kill, delayMs, dir, exit, left: await listAll(target), target };
}

/** The journal accounts for a map: by sid, by unique_name, or as an unnamed create in flight. */
function accountedFor(map: ListedMap, open: readonly Outstanding[], timeoutMs: number): boolean {
  return open.some((intent) => {
    if (intent.sid === map.sid) return true;
    if (intent.sid !== null) return false;
    if (intent.uniqueName !== null) return intent.uniqueName === map.unique_name;
    const created = Date.parse(map.date_created);
    return (
      map.unique_name === null && created >= intent.at - 2_000 && created <= intent.at + timeoutMs
    );
  });
}

async function judge(result: Interrupted): Promise<void> {
  const what = `${result.kill.signal} ${result.delayMs} ms into the behaviours (seed ${SEED})`;
  console.log(`${what}: exit ${String(result.exit)}, ${result.left.length} maps left`);
  try {
    if (result.kill.signal === "SIGKILL") {
      expect(result.exit, what).toBe("SIGKILL");
      const open = outstanding(readJournal(join(result.dir, "journal.jsonl")));
      const unaccounted = result.left.filter((map) => !accountedFor(map, open, 12_000));
      expect(unaccounted, `${what}: maps the journal does not name`).toEqual([]);
    } else {
      expect(result.exit, what).toBe(130);
      const summary = readSummary(result.dir) as unknown as {
        leaks: number;
        leaked: Array<{ sid: string }>;
      };
      const listed = result.left.map((map) => map.sid).sort();
      expect(summary.leaked.map((leak) => leak.sid).sort(), what).toEqual(listed);
      expect(summary.leaks, what).toBe(listed.length);
    }
    const swept = await runCli(["sweep", "--report-dir", result.dir], {
      TWILIO_AUTH_TOKEN: result.target.authToken,
    });
    expect(swept.code, `${what}: sweep\n${swept.stdout}${swept.stderr}`).toBe(0);
    expect(await listAll(result.target), `${what}: after sweep`).toEqual([]);
  } finally {
    await result.target.stop();
  }
}

describe("a run interrupted at a random moment", () => {
  console.log(`interrupt moments: ${ROUNDS * KILLS.length}, seed ${SEED} (SMC_INTERRUPT_SEED)`);
  for (let round = 1; round <= ROUNDS; round += 1) {
    const delays = KILLS.map(() => Math.round(draw() * MAX_DELAY_MS));
    const moments = KILLS.map((kill, index) => `${kill.signal} at +${delays[index]} ms`);
    const title = `leaves what it reports or journals (round ${round}: ${moments.join(", ")})`;
    it(
      title,
      async () => {
        const results = await Promise.all(
          KILLS.map((kill, index) => interruptOnce(kill, delays[index] ?? 0)),
        );
        for (const result of results) await judge(result);
      },
      180_000,
    );
  }
});
