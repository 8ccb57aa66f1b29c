import { describe, expect, it } from "vitest";
import { toAjvSchema } from "../../src/spec/openapi-schema.ts";
import { createStrictAjv } from "../../src/spec/validators.ts";

describe("toAjvSchema, the OpenAPI 3.0 to ajv pre-pass", () => {
  it("keeps nullable beside a type, which ajv understands", () => {
    expect(toAjvSchema({ type: "string", nullable: true })).toEqual({
      type: "string",
      nullable: true,
    });
  });

  it("drops nullable from an otherwise unconstrained schema, which accepts null already", () => {
    expect(
      toAjvSchema({ nullable: true, description: "any JSON", "x-twilio": { pii: {} } }),
    ).toEqual({ description: "any JSON", "x-twilio": { pii: {} } });
  });

  it("rewrites nullable without a type into anyOf with null", () => {
    const converted = toAjvSchema({
      nullable: true,
      description: "d",
      allOf: [{ type: "object" }],
    });
    expect(converted).toEqual({
      description: "d",
      anyOf: [{ allOf: [{ type: "object" }] }, { type: "null" }],
    });
    const validate = createStrictAjv().compile(converted);
    expect([validate(null), validate({}), validate("x")]).toEqual([true, true, false]);
  });

  it("adds null to the enum of a nullable enumeration", () => {
    const validate = createStrictAjv().compile(
      toAjvSchema({ type: "string", nullable: true, enum: ["asc", "desc"] }),
    );
    expect([validate(null), validate("asc"), validate("up")]).toEqual([true, true, false]);
  });

  it("strips OpenAPI-only keywords and undeclared extensions but keeps properties that share their names", () => {
    const converted = toAjvSchema({
      type: "object",
      example: { a: 1 },
      "x-vendor-thing": true,
      properties: { example: { type: "string", example: "e" } },
    });
    expect(converted).toEqual({ type: "object", properties: { example: { type: "string" } } });
  });

  it("turns the uri-map format on objects into a map of absolute URLs", () => {
    const validate = createStrictAjv().compile(
      toAjvSchema({ type: "object", nullable: true, format: "uri-map" }),
    );
    expect(validate({ items: "https://sync.twilio.com/v1/Services/IS1/Maps/MP1/Items" })).toBe(
      true,
    );
    expect(validate(null)).toBe(true);
    expect(validate({ items: "Items" })).toBe(false);
  });

  it("converts a schema shared by two parents once, and survives a cycle", () => {
    const shared = { type: "string", example: "x" };
    const converted = toAjvSchema({ type: "object", properties: { a: shared, b: shared } });
    const properties = converted["properties"] as Record<string, unknown>;
    expect(properties["a"]).toBe(properties["b"]);

    const cyclic: Record<string, unknown> = { type: "object", properties: {} };
    (cyclic["properties"] as Record<string, unknown>)["self"] = cyclic;
    const convertedCycle = toAjvSchema(cyclic);
    expect((convertedCycle["properties"] as Record<string, unknown>)["self"]).toBe(convertedCycle);
  });
});
