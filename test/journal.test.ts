// The run's journal: a create is written before it is sent, its sid when answered, and
// what outstanding() makes of every interleaving a crash can leave.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Exchange } from "../src/http/exchange.ts";
import { Journal, outstanding, startJournal, type JournalLine } from "../src/run/journal.ts";

const SERVICE = "IS00000000000000000000000000000001";

function answer(status: number, body: unknown): Exchange {
  const request = { method: "POST" as const, url: "http://x", headers: {}, authenticated: true };
  const response = { status, headers: {}, bodyText: JSON.stringify(body) };
  return { request, response, elapsedMs: 1, retries: 0, sentAt: 0 };
}

function journalIn(): Journal {
  return new Journal(join(mkdtempSync(join(tmpdir(), "smc-journal-")), "journal.jsonl"));
}

function lines(journal: Journal): JournalLine[] {
  return readFileSync(journal.file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as JournalLine);
}

describe("the journal", () => {
  it("writes a create down before it is sent, with its name and ttl", () => {
    const journal = journalIn();
    const path = `/v1/Services/${SERVICE}/Maps`;
    const answered = journal.sending({
      method: "POST",
      path,
      form: { UniqueName: "smc-x-1", Ttl: 60 },
    });
    expect(lines(journal)).toEqual([
      expect.objectContaining({ type: "create", service: SERVICE, uniqueName: "smc-x-1", ttl: 60 }),
    ]);
    answered?.(
      answer(201, { sid: "MP1", url: "http://x/MP1", unique_name: "smc-x-1", date_expires: null }),
    );
    expect(outstanding(lines(journal))).toEqual([
      expect.objectContaining({ sid: "MP1", url: "http://x/MP1", uniqueName: "smc-x-1" }),
    ]);
  });

  it("keeps a create whose answer never came, and drops a refused one", () => {
    const journal = journalIn();
    const path = `/v1/Services/${SERVICE}/Maps`;
    journal.sending({ method: "POST", path });
    journal.sending({ method: "POST", path, form: { UniqueName: "taken" } })?.(answer(409, {}));
    const open = outstanding(lines(journal));
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ sid: null, uniqueName: null, service: SERVICE });
  });

  it("settles a map deleted by sid or by unique_name, and only in its own service", () => {
    const journal = journalIn();
    const path = `/v1/Services/${SERVICE}/Maps`;
    journal.sending({ method: "POST", path })?.(answer(201, { sid: "MP1", unique_name: null }));
    const named = journal.sending({ method: "POST", path, form: { UniqueName: "n" } });
    named?.(answer(201, { sid: "MP2", unique_name: "n" }));
    const elsewhere = "/v1/Services/IS00000000000000000000000000000002/Maps/MP1";
    journal.sending({ method: "DELETE", path: elsewhere })?.(answer(204, ""));
    journal.sending({ method: "DELETE", path: `${path}/n` })?.(answer(404, {}));
    expect(outstanding(lines(journal)).map((map) => map.sid)).toEqual(["MP1"]);
    journal.sending({ method: "DELETE", path: `${path}/MP1` })?.(answer(500, {}));
    expect(outstanding(lines(journal)).map((map) => map.sid)).toEqual(["MP1"]);
  });

  it("keeps an earlier run's journal that still names maps beside the new one", () => {
    const dir = mkdtempSync(join(tmpdir(), "smc-journal-"));
    const run = {
      baseUrl: "http://x",
      accountSid: "AC1",
      serviceSid: SERVICE,
      runPrefix: "smc-a-",
      startedAt: "2026-01-01T00:00:00.000Z",
      requestTimeoutMs: 1000,
      embedded: false,
    };
    startJournal(dir, run).sending({ method: "POST", path: `/v1/Services/${SERVICE}/Maps` });
    const second = startJournal(dir, { ...run, startedAt: "2026-01-02T00:00:00.000Z" });
    expect(lines(second)).toEqual([{ type: "run", ...run, startedAt: "2026-01-02T00:00:00.000Z" }]);
    const kept = join(dir, "journal-2026-01-01T00-00-00-000Z.jsonl");
    expect(readFileSync(kept, "utf8")).toContain('"create"');
  });
});
