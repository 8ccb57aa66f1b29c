// The reports as a person sees them: report.html and the Allure HTML opened in a real
// headless Chromium, and what they show held to summary.json. Skips (saying so) where
// Debian's chromium is not installed; .ci/run installs it.
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  readSummary,
  reportDir,
  runCli,
  serve,
  targetArgs,
  type ServedTarget,
  type SummaryFile,
} from "./cli.ts";

const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(
    `${CHROMIUM} not found: browser tests of report.html and the Allure HTML are skipped (apt-get install chromium)`,
  );

// A fault one behaviour catches, so the page has one failure with a reproduction.
const FAULT = "map-created-by-account-sid";
const BEHAVIOUR = "MAP-CREATE-CREATED-BY";

/** The page's visible text (these callbacks run in the browser, where document exists). */
type PageGlobals = { document: { body: { innerText: string } } };

function staticServer(root: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".json": "application/json",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".txt": "text/plain",
  };
  const server = createServer((request, response) => {
    const path = normalize(
      decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname),
    ).replace(/^(\.\.[/\\])+/, "");
    const file = join(root, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(root) || !existsSync(file)) return void response.writeHead(404).end();
    response
      .writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" })
      .end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }),
    ),
  );
}

describe.skipIf(!haveChromium)("reports in a real browser", () => {
  let target: ServedTarget;
  let browser: Browser;
  let dir: string;
  let summary: SummaryFile;

  beforeAll(async () => {
    target = await serve(["--fault", FAULT]);
    dir = reportDir();
    const run = await runCli([...targetArgs(target), "--report-dir", dir, "--seed", "11"], {
      TWILIO_AUTH_TOKEN: target.authToken,
    });
    expect(run.code, run.stdout).toBe(1);
    summary = readSummary(dir);
    const report = await runCli(["report", "--report-dir", dir]);
    expect(report.code, report.stderr).toBe(0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    // A whole CLI run plus the Allure render: more than the project's default hook budget.
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await target?.stop();
  });

  it("report.html shows the totals, every behaviour row and the failure's reproduction as summary.json says", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(dir, "report.html")).href);
    for (const [status, count] of Object.entries(summary.totals)) {
      if (status === "behaviours") continue;
      expect(
        (await page.locator(`[data-total="${status}"]`).first().innerText()).trim(),
        status,
      ).toContain(String(count));
    }
    expect(await page.locator("tr[data-behaviour-id]").count()).toBe(summary.behaviours.length);
    for (const behaviour of summary.behaviours) {
      expect(
        await page.locator(`tr[data-behaviour-id="${behaviour.id}"]`).getAttribute("data-status"),
        behaviour.id,
      ).toBe(behaviour.status);
    }
    const failure = summary.behaviours.find((behaviour) => behaviour.id === BEHAVIOUR)?.failures[0];
    expect(failure?.reproduction).toBeDefined();
    const shown = await page.locator("pre.reproduction").allInnerTexts();
    expect(shown.map((text) => text.trim())).toContain(failure?.reproduction?.trim());
    expect(await page.content()).not.toContain(target.authToken);
    await page.close();
  });

  it("the Allure HTML renders the failed behaviour with its request, response and curl attachments", async () => {
    const { server, url } = await staticServer(join(dir, "allure-report"));
    try {
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForFunction(
        (id) => (globalThis as unknown as PageGlobals).document.body.innerText.includes(id),
        BEHAVIOUR,
        { timeout: 30_000 },
      );
      await page.getByText(BEHAVIOUR).first().click();
      await page.waitForFunction(
        () =>
          /failure 1: request/.test((globalThis as unknown as PageGlobals).document.body.innerText),
        undefined,
        { timeout: 30_000 },
      );
      const text = await page.locator("body").innerText();
      expect(text).toContain("failure 1: response");
      expect(text).toContain("failure 1: curl");
      expect(await page.content()).not.toContain(target.authToken);
      await page.close();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
