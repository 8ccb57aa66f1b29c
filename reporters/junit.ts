// junit.xml is written by vitest's junit reporter, which reports every failed test as a
// <failure>. JUnit readers (Jenkins, GitLab, GitHub test reporters) keep <error> for a test
// that could not run to a verdict, which is what a broken behaviour is: this turns the
// test cases of the summary's broken behaviours into <error>s and recounts the suites.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { behaviourIdOf } from "./collector.ts";
import type { Summary } from "./summary.ts";

const TESTCASE = /<testcase\b[^>]*?(?:\/>|>[\s\S]*?<\/testcase>)/g;
const SUITE = /<testsuite\b[^>]*?(?:\/>|>[\s\S]*?<\/testsuite>)/g;

/** Pure and idempotent: the same XML with each broken behaviour's failures as errors. */
export function junitWithBrokenAsErrors(xml: string, brokenIds: ReadonlySet<string>): string {
  if (brokenIds.size === 0) return xml;
  const cases = xml.replace(TESTCASE, (testcase) => {
    // vitest names a case "describe > title", escaped; the title is "ID: statement".
    const name = /\sname="([^"]*)"/.exec(testcase)?.[1];
    const title = name?.split(" &gt; ").pop();
    if (title === undefined || !brokenIds.has(behaviourIdOf(title))) return testcase;
    return testcase.replace(/<failure\b/g, "<error").replace(/<\/failure>/g, "</error>");
  });
  const total = { failures: 0, errors: 0 };
  const suites = cases.replace(SUITE, (suite) => {
    // Per test case, as vitest counts: a case with two errors is one failure.
    const testcases = suite.match(TESTCASE) ?? [];
    const failures = testcases.filter((testcase) => /<failure\b/.test(testcase)).length;
    const errors = testcases.filter((testcase) => /<error\b/.test(testcase)).length;
    total.failures += failures;
    total.errors += errors;
    return withCounts(suite, /^<testsuite\b[^>]*>/, failures, errors);
  });
  return withCounts(suites, /<testsuites\b[^>]*>/, total.failures, total.errors);
}

/** Rewrites DIR/junit.xml in place when there is one (a merge may lack it). */
export function markBrokenInJunit(reportDir: string, summary: Pick<Summary, "behaviours">): void {
  const file = join(reportDir, "junit.xml");
  if (!existsSync(file)) return;
  const broken = summary.behaviours.filter((behaviour) => behaviour.status === "broken");
  const xml = readFileSync(file, "utf8");
  const rewritten = junitWithBrokenAsErrors(xml, new Set(broken.map((behaviour) => behaviour.id)));
  if (rewritten !== xml) writeFileSync(file, rewritten);
}

function withCounts(text: string, head: RegExp, failures: number, errors: number): string {
  return text.replace(head, (tag) =>
    tag
      .replace(/\sfailures="[^"]*"/, ` failures="${failures}"`)
      .replace(/\serrors="[^"]*"/, ` errors="${errors}"`),
  );
}
