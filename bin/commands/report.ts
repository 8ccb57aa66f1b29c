// `sync-map-conformance report`: the Allure HTML (Allure Report 3, no Java) from a run's
// allure-results. The history file beside it lets the next render show trends across runs.
import { createRequire } from "node:module";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ConfigError, HarnessError } from "../../src/errors.ts";
import { HELP_OPTION, parseOptions, type OptionSpec } from "../../src/config/options.ts";
import { commandUsage, print } from "../help.ts";

export const name = "report";
export const synopsis = "report [options]";
export const summary = "render allure-results as Allure HTML";

export const options: OptionSpec = {
  command: "report",
  options: [
    {
      name: "report-dir",
      type: "string",
      valueName: "DIR",
      description:
        "the run's report directory; the report goes to DIR/allure-report, its history " +
        "to DIR/allure-history.jsonl",
      default: "reports",
    },
    HELP_OPTION,
  ],
  positionals: false,
};

export const usage = commandUsage({
  synopsis,
  summary:
    "Renders DIR/allure-results as Allure HTML (Allure Report 3, no Java needed) and " +
    "prints the path of its index.html.",
  options,
});

export function parse(argv: readonly string[]): {
  readonly help: boolean;
  readonly reportDir: string;
} {
  const parsed = parseOptions(options, argv);
  return { help: parsed.flag("help"), reportDir: resolve(parsed.text("report-dir") as string) };
}

export async function main(argv: readonly string[]): Promise<number> {
  const { help, reportDir } = parse(argv);
  if (help) return print(usage);
  const results = join(reportDir, "allure-results");
  if (!existsSync(results))
    throw new ConfigError(
      `no allure-results in ${reportDir}: run the suite with --report-dir ${reportDir} first`,
    );
  const config = join(reportDir, "allurerc.json");
  // Absolute paths: allure resolves them against the process's directory, not --cwd.
  const settings = {
    name: "Sync Map conformance",
    output: join(reportDir, "allure-report"),
    historyPath: join(reportDir, "allure-history.jsonl"),
  };
  writeFileSync(config, `${JSON.stringify(settings, null, 2)}\n`);
  const args = [allureCli(), "generate", "--config", config, "--cwd", reportDir, results];
  const code = await new Promise<number | null>((done) => {
    const child = spawn(process.execPath, args, {
      cwd: reportDir,
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("close", done);
    child.on("error", () => done(null));
  });
  if (code !== 0)
    throw new HarnessError("SMC_ERR_INTERNAL", `allure generate failed (exit ${code ?? "?"})`);
  const index = join(reportDir, "allure-report", "index.html");
  if (!existsSync(index))
    throw new HarnessError("SMC_ERR_INTERNAL", `allure generate wrote no ${index}`);
  return print(index);
}

/** The allure package's CLI script, wherever npm put the package (it exports no package.json). */
function allureCli(): string {
  let directory = dirname(createRequire(import.meta.url).resolve("allure"));
  while (!existsSync(join(directory, "package.json")) && dirname(directory) !== directory)
    directory = dirname(directory);
  const manifest = JSON.parse(readFileSync(join(directory, "package.json"), "utf8")) as {
    bin?: Record<string, string>;
  };
  return join(directory, manifest.bin?.allure ?? "cli.js");
}
