// The status check accepts what the documents accept: the operation's statuses, the
// statuses of the error table (also under a document that lists no error), and any 4xx
// for the codes the table documents only as "a 4xx".
import { beforeAll, describe, expect, it } from "vitest";
import {
  answersCanBeJudged,
  planFuzz,
  statusIsDocumentedForOperation,
} from "../../src/fuzz/index.ts";
import type { FuzzCase } from "../../src/fuzz/index.ts";
import type { Exchange } from "../../src/http/exchange.ts";
import type { SpecCatalog } from "../../src/spec/index.ts";
import { loadSpec } from "./support.ts";

let spec: SpecCatalog;
let createItem: FuzzCase;

beforeAll(async () => {
  spec = await loadSpec();
  const plan = planFuzz(spec, { seed: 3, runs: 0, phases: ["coverage"] });
  createItem = plan.cases.find((entry) => entry.operationId === "CreateSyncMapItem") as FuzzCase;
});

function answer(status: number, code: number): Exchange {
  const body = { code, message: "m", more_info: `https://www.twilio.com/docs/errors/${code}` };
  return {
    request: { method: "POST", url: "http://t/v1", headers: {}, authenticated: true },
    response: { status, headers: {}, bodyText: JSON.stringify({ ...body, status }) },
    elapsedMs: 1,
    retries: 0,
    sentAt: 0,
  };
}

const judge = (exchange: Exchange, catalog = spec) =>
  statusIsDocumentedForOperation.run({ spec: catalog, fuzzCase: createItem, exchange });

describe("status_is_documented_for_operation", () => {
  it("accepts the operation's statuses and the error table's", () => {
    expect(judge(answer(400, 20001))).toEqual([]);
    expect(judge(answer(412, 54205))).toEqual([]);
  });

  it("accepts any 4xx for a code documented as 'a 4xx', and no other 4xx", () => {
    expect(judge(answer(422, 54209))).toEqual([]);
    expect(judge(answer(422, 20001))).toHaveLength(1);
    expect(judge(answer(418, 54201))).toHaveLength(1);
  });

  it("accepts the error table's statuses under a document that lists no error", () => {
    const thin: SpecCatalog = {
      ...spec,
      operation: (operationId) => {
        const info = spec.operation(operationId);
        const responses = info?.responses.filter((entry) => entry.status.startsWith("2")) ?? [];
        return info === undefined ? undefined : { ...info, responses };
      },
    };
    expect(judge(answer(404, 54200), thin)).toEqual([]);
    expect(judge(answer(409, 54208), thin)).toEqual([]);
    expect(judge(answer(405, 20004), thin)).toHaveLength(1);
  });
});

describe("fuzz_answers_can_be_judged", () => {
  const cases = (count: number) =>
    Array.from({ length: count }, (_, index) => ({ ...createItem, id: `case/${index}` }));

  it("passes once one case got an answer below 500", () => {
    const statuses = new Map([
      ["case/0", 500],
      ["case/1", 400],
    ]);
    expect(answersCanBeJudged.run({ cases: cases(3), statuses })).toEqual([]);
  });

  it("fails when every case answered 5xx, nothing, or could not be sent", () => {
    const statuses = new Map([
      ["case/0", 500],
      ["case/1", 0],
    ]);
    const [found] = answersCanBeJudged.run({ cases: cases(3), statuses });
    expect(found?.received).toBe(
      "3 cases: 1 answered 5xx, 1 not answered, 1 not sent (their resources could not be made)",
    );
  });
});
