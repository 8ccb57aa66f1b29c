// `sweep --report-dir DIR`: each journal of the directory swept against the target it
// names (options given on the command line win), with that run's prefix.
import { ConfigError } from "../errors.ts";
import { journalFiles, outstanding, readJournal, runOf } from "./journal.ts";
import { sweep } from "./sweep.ts";

export interface SweepOverrides {
  readonly authToken: string;
  readonly requestTimeoutMs: number;
  readonly baseUrl: string | undefined;
  readonly accountSid: string | undefined;
  readonly serviceSid: string | undefined;
}

export interface ReportDirSweep {
  /** What is still on the targets. */
  readonly leaks: number;
  /** For people, one a line. */
  readonly lines: readonly string[];
}

export async function sweepReportDir(
  reportDir: string,
  overrides: SweepOverrides,
): Promise<ReportDirSweep> {
  const files = journalFiles(reportDir);
  if (files.length === 0)
    throw new ConfigError(`no journal*.jsonl in ${reportDir}: nothing to sweep`);
  const lines: string[] = [];
  let leaks = 0;
  for (const file of files) {
    const journal = readJournal(file);
    const run = runOf(journal);
    if (run === undefined) {
      lines.push(`${file}: no run line, skipped`);
      continue;
    }
    if (run.embedded && overrides.baseUrl === undefined) {
      lines.push(`${file}: an embedded run; its server ended with it, nothing is left`);
      continue;
    }
    const open = outstanding(journal).length;
    const swept = await sweep(
      {
        baseUrl: overrides.baseUrl ?? run.baseUrl,
        accountSid: overrides.accountSid ?? run.accountSid,
        serviceSid: overrides.serviceSid ?? run.serviceSid,
        authToken: overrides.authToken,
        runPrefix: run.runPrefix,
        requestTimeoutMs: overrides.requestTimeoutMs,
      },
      { journals: [file] },
    );
    leaks += swept.leaks;
    lines.push(
      `${file}: ${open} maps outstanding in the journal; ${swept.leaks} left after the sweep`,
    );
    for (const leak of swept.leaked) {
      const until = leak.dateExpires === null ? "no ttl" : `expires ${leak.dateExpires}`;
      lines.push(`LEFT ON THE TARGET ${leak.sid} ${leak.url ?? leak.service} (${until})`);
    }
  }
  return { leaks, lines };
}
