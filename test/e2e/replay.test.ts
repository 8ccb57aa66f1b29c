// A sequence-only fault as a user meets it: the run fails SEQ-MAPS with a short saved
// script, `replay FILE` reproduces it against the faulty server and not against a
// clean one, and a file that is not a counterexample is refused with one line.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  readSummary,
  reportDir,
  runCli,
  serve,
  targetArgs,
  type CliResult,
  type ServedTarget,
} from "./cli.ts";

const FAULT = "map-revision-from-ttl";
const TOKEN = "e2e-replay-token-that-must-never-appear-0077";

interface SavedSequence {
  readonly seed: number;
  readonly path: string;
  readonly script: readonly string[];
  readonly file?: string;
}

/**
 * The failure's `sequence` from summary.json, or, from an older reporter, the saved file itself.
 */
function sequenceOf(dir: string, behaviour: string): SavedSequence | undefined {
  const found = readSummary(dir).behaviours.find((entry) => entry.id === behaviour);
  const failures = (found?.failures ?? []) as Array<{ sequence?: SavedSequence }>;
  const fromSummary = failures.find((failure) => failure.sequence !== undefined)?.sequence;
  if (fromSummary !== undefined) return fromSummary;
  const directory = join(dir, "counterexamples");
  const name = readdirSync(directory).find(
    (entry) => entry.startsWith(`${behaviour}-`) && entry.endsWith(".json"),
  );
  if (name === undefined) return undefined;
  const file = join(directory, name);
  const saved = JSON.parse(readFileSync(file, "utf8")) as Omit<SavedSequence, "file">;
  return { seed: saved.seed, path: saved.path, script: saved.script, file };
}

function oneLine(result: CliResult): void {
  expect(result.stderr.trim().split("\n"), result.stderr).toHaveLength(1);
}

describe("replay of a sequence-only fault", () => {
  let faulty: ServedTarget;
  let clean: ServedTarget;
  let run: CliResult;
  let dir = "";

  beforeAll(async () => {
    [faulty, clean] = await Promise.all([
      serve(["--auth-token", TOKEN, "--fault", FAULT]),
      serve(["--auth-token", TOKEN]),
    ]);
    dir = reportDir();
    run = await runCli([...targetArgs(faulty), "--report-dir", dir, "--seed", "1"], {
      TWILIO_AUTH_TOKEN: TOKEN,
    });
  }, 180_000);
  afterAll(async () => {
    await faulty?.stop();
    await clean?.stop();
  });

  function savedFile(): string {
    const file = sequenceOf(dir, "SEQ-MAPS")?.file;
    if (file === undefined) throw new Error(`no counterexample saved under ${dir}`);
    return file;
  }

  it("fails SEQ-MAPS with exit 1 and a saved script of at most six calls", () => {
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const summary = readSummary(dir);
    expect(summary.behaviours.find((entry) => entry.id === "SEQ-MAPS")?.status).toBe("failed");
    const sequence = sequenceOf(dir, "SEQ-MAPS");
    expect(sequence, "a failure with a sequence, or a counterexample file").toBeDefined();
    expect(sequence?.script.length).toBeGreaterThan(0);
    expect(sequence?.script.length).toBeLessThanOrEqual(6);
    expect(Number.isInteger(sequence?.seed)).toBe(true);
    expect(sequence?.path).toMatch(/^\d+(:\d+)*$/);
    expect(sequence?.file).toMatch(/counterexamples[/\\]SEQ-MAPS-\d+\.json$/);
  });

  it("reproduces against the faulty server: the script, the diverging step, a curl, exit 1", async () => {
    const result = await runCli(["replay", savedFile(), ...targetArgs(faulty)], {
      TWILIO_AUTH_TOKEN: TOKEN,
    });
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^ {2}1\. /m);
    expect(result.stdout).toMatch(/^> \d+\. .*diverged/m);
    expect(result.stdout).toMatch(/^REPRODUCED: .+/m);
    expect(result.stdout).toMatch(/^ {2}received: .+/m);
    expect(result.stdout).toMatch(/^ {2}documented: .+/m);
    expect(result.stdout).toMatch(/^curl .*\$TWILIO_AUTH_TOKEN/m);
    expect(result.stdout).not.toContain(TOKEN);
  });

  it("does not reproduce against a clean server: NOT REPRODUCED, exit 0", async () => {
    const result = await runCli(["replay", savedFile(), ...targetArgs(clean)], {
      TWILIO_AUTH_TOKEN: TOKEN,
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain(
      "NOT REPRODUCED: the sequence agrees with the model on this target",
    );
    expect(result.stdout).not.toMatch(/^REPRODUCED/m);
    expect(result.stdout).not.toContain(TOKEN);
  });

  it("does not reproduce against the embedded server when no --base-url is given", async () => {
    const result = await runCli(["replay", savedFile()]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("NOT REPRODUCED");
  });

  describe.concurrent("refuses with exit 2 and one line", () => {
    const scratch = mkdtempSync(join(tmpdir(), "smc-replay-bad-"));
    const write = (name: string, text: string): string => {
      const file = join(scratch, name);
      writeFileSync(file, text);
      return file;
    };
    const cases: Array<[string, () => string, RegExp]> = [
      ["a missing file", () => join(scratch, "absent.json"), /cannot read/],
      [
        "a file that is not JSON",
        () => write("garbage.json", "not json {"),
        /not a counterexample/,
      ],
      [
        "a summary.json instead of a counterexample",
        () => join(dir, "summary.json"),
        /not a counterexample/,
      ],
      [
        "an unknown command",
        () =>
          write(
            "unknown.json",
            JSON.stringify({
              behaviour: "SEQ-MAPS",
              seed: 1,
              path: "0",
              commands: [{ op: "FlyToTheMoon", args: {} }],
              script: [],
              diverged: null,
            }),
          ),
        /unknown command "FlyToTheMoon"/,
      ],
    ];
    it.each(cases)("%s", async (_label, file, reason) => {
      const result = await runCli(["replay", file(), ...targetArgs(clean)], {
        TWILIO_AUTH_TOKEN: TOKEN,
      });
      expect(result.code, result.stdout + result.stderr).toBe(2);
      expect(result.stderr).toMatch(reason);
      oneLine(result);
      expect(result.stdout).toBe("");
    });

    it("an option replay does not honour", async () => {
      const result = await runCli(["replay", savedFile(), "--seed", "3"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/replay does not take --seed/);
      oneLine(result);
    });

    it("rejected credentials", async () => {
      const result = await runCli([
        "replay",
        savedFile(),
        ...targetArgs(faulty),
        "--auth-token",
        "wrong-token-1234",
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/credentials rejected/);
      oneLine(result);
    });
  });
});
