// --spec FILE: the schema checks come from another document. What it lacks is named
// in the summary and on the terminal, and only the behaviours that need the missing
// operation's schema are skipped; nothing crashes and the rest still judge the target.
import { describe, expect, it } from "vitest";
import { readSummary, reportDir, runCli } from "./cli.ts";
import { TRIMMED_OPERATION, writeTrimmedSpec } from "../support/trimmed-spec.ts";

describe("--spec with a document that lacks an operation and a property", () => {
  it("skips only what needs the missing operation, reports every gap, and passes the rest", async () => {
    const document = writeTrimmedSpec();
    const dir = reportDir();
    // What the document lacks decides what is skipped and listed, whatever the number of
    // generated sequences and fuzz requests: two and one keep the run short.
    const small = ["--runs", "2", "--fuzz-runs", "1"];
    const result = await runCli(["--spec", document, ...small, "--report-dir", dir]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const summary = readSummary(dir);
    expect(summary.spec.source).toBe(document);
    expect(
      summary.spec.gaps.some((gap) => gap.includes(`does not describe ${TRIMMED_OPERATION}`)),
    ).toBe(true);
    expect(result.stdout).toContain(`spec ${document} does not describe ${TRIMMED_OPERATION}`);
    expect(result.stdout).toMatch(/does not describe created_by/);

    const skipped = summary.behaviours.filter((behaviour) => behaviour.status === "skipped");
    expect(skipped.map((behaviour) => behaviour.id)).toEqual(["PERM-OPERATIONS-DOCUMENTED"]);
    expect(skipped[0]?.skipReason).toContain(`does not describe ${TRIMMED_OPERATION}`);
    expect(summary.totals.failed).toBe(0);
    expect(summary.totals.passed).toBe((summary.totals.behaviours ?? 0) - 1);
  });
});
