// The reference server as a distant service: late answers, a rate limit that refuses
// without processing, and a clock that is not ours.
import { afterEach, describe, expect, it } from "vitest";
import { startReferenceServer, type RunningServer } from "../../fixtures/reference/index.ts";
import type { NetworkConditions } from "../../fixtures/reference/conditions.ts";
import { parse as parseServe } from "../../bin/commands/serve.ts";

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function started(conditions: NetworkConditions): Promise<RunningServer> {
  server = await startReferenceServer({ conditions });
  return server;
}

function send(target: RunningServer, method: string, path = "", form?: string): Promise<Response> {
  const basic = Buffer.from(`${target.accountSid}:${target.authToken}`).toString("base64");
  return fetch(`${target.url}/v1/Services/${target.serviceSid}/Maps${path}`, {
    method,
    headers: {
      authorization: `Basic ${basic}`,
      ...(form === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" }),
    },
    ...(form === undefined ? {} : { body: form }),
  });
}

describe("serve's network conditions", () => {
  it("answers no sooner than the latency asked for", async () => {
    const target = await started({ latencyMs: 150 });
    const before = performance.now();
    const answer = await send(target, "GET");
    expect(answer.status).toBe(200);
    expect(performance.now() - before).toBeGreaterThanOrEqual(145);
  });

  it("refuses what is over the rate limit with 429, code 20429, no Retry-After, unprocessed", async () => {
    const target = await started({ rateLimit: 2 });
    const answers = [];
    for (const name of ["a", "b", "c"])
      answers.push(await send(target, "POST", "", `UniqueName=${name}`));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 429]);
    const refused = answers[2] as Response;
    expect(refused.headers.get("retry-after")).toBeNull();
    expect(((await refused.json()) as { code: number }).code).toBe(20429);
    await new Promise((resolve) => setTimeout(resolve, 1050));
    // "c" was never created: a retry creates it now, it does not collide with itself.
    expect((await send(target, "POST", "", "UniqueName=c")).status).toBe(201);
  });

  it("dates bodies and the Date header by its own clock, skewed as asked", async () => {
    const skew = -7200;
    const target = await started({ clockSkewSeconds: skew });
    const answer = await send(target, "POST", "", "UniqueName=skewed");
    const body = (await answer.json()) as { date_created: string };
    const expected = Date.now() + skew * 1000;
    expect(Math.abs(Date.parse(body.date_created) - expected)).toBeLessThan(5000);
    const header = Date.parse(answer.headers.get("date") ?? "");
    expect(Math.abs(header - expected)).toBeLessThan(5000);
  });

  it("takes them on serve's command line", () => {
    const args = parseServe(["--latency", "80", "--rate-limit", "5", "--clock-skew=-30"]);
    expect(args.conditions).toEqual({ latencyMs: 80, rateLimit: 5, clockSkewSeconds: -30 });
    expect(parseServe([]).conditions).toEqual({});
    expect(() => parseServe(["--rate-limit", "0"])).toThrow(/--rate-limit must be a whole number/);
    expect(() => parseServe(["--latency", "fast"])).toThrow(/--latency must be a whole number/);
  });
});
