// Stateless mocks (Prism in its default static mode) answer with the document's
// examples. Composed property by property, they must make a valid answer for every
// operation, or a mock serving our document would fail our own suite.
import type { OpenAPIV3 } from "openapi-types";
import { describe, expect, it } from "vitest";
import { loadSpec, SYNC_MAP_OPERATION_IDS } from "../../src/spec/index.ts";

const catalog = await loadSpec();

/**
 * What a static mock builds: the schema's example, its first enum value, else one built from its
 * parts.
 */
function composedExample(schema: OpenAPIV3.SchemaObject): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.enum !== undefined) return schema.enum[0];
  if (schema.type === "array") return [composedExample(schema.items as OpenAPIV3.SchemaObject)];
  if (schema.properties === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(schema.properties).map(([name, property]) => [
      name,
      composedExample(property as OpenAPIV3.SchemaObject),
    ]),
  );
}

function successBodySchema(operationId: string): [number, OpenAPIV3.SchemaObject] | undefined {
  const info = catalog.operation(operationId);
  const status = info?.responses.find(
    (response) => /^2\d\d$/.test(response.status) && response.hasBody,
  )?.status;
  if (info === undefined || status === undefined) return undefined;
  const operation = (
    catalog.document.paths[info.pathTemplate] as Record<string, OpenAPIV3.OperationObject>
  )[info.method.toLowerCase()];
  const response = operation?.responses[status] as OpenAPIV3.ResponseObject | undefined;
  const schema = response?.content?.["application/json"]?.schema as
    OpenAPIV3.SchemaObject | undefined;
  return schema === undefined ? undefined : [Number(status), schema];
}

describe("the examples in spec/sync-map.openapi.yaml", () => {
  const withBodies = SYNC_MAP_OPERATION_IDS.filter(
    (operationId) => successBodySchema(operationId) !== undefined,
  );

  it("cover every operation that answers with a body", () => {
    // The three deletes answer 204 without one; the other eleven carry a resource or a page.
    expect(withBodies).toHaveLength(11);
  });

  it.each(withBodies)("compose into a valid success answer for %s", (operationId) => {
    const [status, schema] = successBodySchema(operationId) ?? [0, {}];
    const example = composedExample(schema);
    expect(JSON.stringify(example)).not.toContain("null,null");
    expect(catalog.validateResponse(operationId, status, example)).toEqual([]);
  });

  it("give every sid its documented pattern and every record all its required properties", () => {
    const [, schema] = successBodySchema("FetchSyncMap") ?? [0, {}];
    const map = composedExample(schema) as Record<string, unknown>;
    expect(map.sid).toMatch(/^MP[0-9a-f]{32}$/);
    expect(Object.keys(map).sort()).toEqual([...(schema.required ?? [])].sort());
  });
});
