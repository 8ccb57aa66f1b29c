import type { Exchange } from "../http/exchange.ts";
import { describeAnswer, parseJsonBody } from "../http/exchange.ts";
import { defineCheck, type Failure } from "./failure.ts";

export interface SchemaViolationLike {
  readonly instancePath: string;
  readonly message: string;
}

export interface ResponseValidator {
  validateResponse(
    operationId: string,
    status: number,
    body: unknown,
  ): readonly SchemaViolationLike[];
}

export interface SchemaInput {
  readonly spec: ResponseValidator;
  readonly exchange: Exchange;
}

export const responseMatchesSchema = defineCheck<SchemaInput>({
  id: "response_matches_schema",
  title: "Response body violates the documented schema",
  run({ spec, exchange }): Failure[] {
    const operationId = exchange.operationId ?? "(unknown operation)";
    const response = exchange.response;
    if (response === undefined) {
      return [
        {
          check: this.id,
          title: this.title,
          received: describeAnswer(exchange),
          documented: `${operationId} answers with a body matching its schema`,
        },
      ];
    }
    let body: unknown = undefined;
    if (response.bodyText.trim() !== "") {
      const parsed = parseJsonBody(exchange);
      if (!parsed.ok)
        return [
          {
            check: this.id,
            title: this.title,
            received: parsed.reason,
            documented: `${operationId} ${response.status}: JSON body`,
          },
        ];
      body = parsed.value;
    }
    const violations = spec.validateResponse(operationId, response.status, body);
    if (violations.length === 0) return [];
    const received = violations
      .slice(0, 8)
      .map((violation) => `${violation.instancePath || "(body)"} ${violation.message}`)
      .join("; ");
    return [
      {
        check: this.id,
        title: this.title,
        received,
        documented: `${operationId} ${response.status} body matches the spec schema`,
      },
    ];
  },
});
