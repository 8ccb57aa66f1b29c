import type { OpenAPIV3 } from "openapi-types";

/**
 * A structural comparison of two dereferenced OpenAPI documents, limited to
 * what a client or a conformance check depends on: operations, parameters,
 * form fields, response statuses and headers, and response body constraints.
 * Wording (descriptions, summaries) is ignored on purpose.
 */

export interface Difference {
  /** Where, e.g. "ListSyncMap › response 200 › body.meta.key › enum". */
  readonly location: string;
  readonly ours: unknown;
  readonly vendor: unknown;
}

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

/** Constraint keywords compared wherever a schema is compared. */
const COMPARED_KEYWORDS = [
  "type",
  "format",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "enum",
  "nullable",
  "default",
  "not",
  "required",
] as const;

export function diffPaths(
  ours: OpenAPIV3.Document,
  vendor: OpenAPIV3.Document,
  pathTemplates: readonly string[],
): Difference[] {
  return pathTemplates.flatMap((template) =>
    diffPathItem(template, ours.paths[template], vendor.paths[template]),
  );
}

function diffPathItem(
  template: string,
  ours: OpenAPIV3.PathItemObject | undefined,
  vendor: OpenAPIV3.PathItemObject | undefined,
): Difference[] {
  if (ours === undefined || vendor === undefined) {
    return [
      { location: `path ${template}`, ours: ours !== undefined, vendor: vendor !== undefined },
    ];
  }
  const differences = diffTwilioExtension(`path ${template}`, ours, vendor);
  for (const method of METHODS) {
    const ourOperation = ours[method];
    const vendorOperation = vendor[method];
    if (ourOperation === undefined && vendorOperation === undefined) continue;
    if (ourOperation === undefined || vendorOperation === undefined) {
      differences.push({
        location: `path ${template} › ${method}`,
        ours: ourOperation?.operationId,
        vendor: vendorOperation?.operationId,
      });
      continue;
    }
    differences.push(...diffOperation(ours, ourOperation, vendor, vendorOperation));
  }
  return differences;
}

function diffTwilioExtension(where: string, ours: object, vendor: object): Difference[] {
  const ourExtension = twilioExtension(ours);
  const vendorExtension = twilioExtension(vendor);
  return (["pathType", "mountName"] as const).flatMap((field) =>
    compareValues(`${where} › x-twilio.${field}`, ourExtension[field], vendorExtension[field]),
  );
}

function diffOperation(
  ourPath: OpenAPIV3.PathItemObject,
  ours: OpenAPIV3.OperationObject,
  vendorPath: OpenAPIV3.PathItemObject,
  vendor: OpenAPIV3.OperationObject,
): Difference[] {
  const name = vendor.operationId ?? "(no operationId)";
  return [
    ...compareValues(`${name} › operationId`, ours.operationId, vendor.operationId),
    ...compareValues(`${name} › tags`, ours.tags, vendor.tags),
    ...diffParameters(name, parametersOf(ourPath, ours), parametersOf(vendorPath, vendor)),
    ...diffRequestBody(name, ours.requestBody, vendor.requestBody),
    ...diffResponses(name, ours.responses, vendor.responses),
  ];
}

function parametersOf(
  pathItem: OpenAPIV3.PathItemObject,
  operation: OpenAPIV3.OperationObject,
): Map<string, OpenAPIV3.ParameterObject> {
  const merged = new Map<string, OpenAPIV3.ParameterObject>();
  for (const parameter of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const resolved = parameter as OpenAPIV3.ParameterObject;
    merged.set(`${resolved.in}:${resolved.name}`, resolved);
  }
  return merged;
}

function diffParameters(
  name: string,
  ours: Map<string, OpenAPIV3.ParameterObject>,
  vendor: Map<string, OpenAPIV3.ParameterObject>,
): Difference[] {
  return unionOfKeys(ours, vendor).flatMap((key) => {
    const where = `${name} › parameter ${key}`;
    const ourParameter = ours.get(key);
    const vendorParameter = vendor.get(key);
    if (ourParameter === undefined || vendorParameter === undefined) {
      return [
        {
          location: where,
          ours: ourParameter !== undefined,
          vendor: vendorParameter !== undefined,
        },
      ];
    }
    return [
      ...compareValues(
        `${where} › required`,
        ourParameter.required === true,
        vendorParameter.required === true,
      ),
      ...diffSchema(where, asSchema(ourParameter.schema), asSchema(vendorParameter.schema)),
    ];
  });
}

function diffRequestBody(name: string, ours: unknown, vendor: unknown): Difference[] {
  const where = `${name} › request`;
  const ourContent = (ours as OpenAPIV3.RequestBodyObject | undefined)?.content ?? {};
  const vendorContent = (vendor as OpenAPIV3.RequestBodyObject | undefined)?.content ?? {};
  const differences = compareValues(
    `${where} › media types`,
    Object.keys(ourContent).sort(),
    Object.keys(vendorContent).sort(),
  );
  for (const mediaType of Object.keys(vendorContent)) {
    const ourSchema = asSchema(ourContent[mediaType]?.schema);
    const vendorSchema = asSchema(vendorContent[mediaType]?.schema);
    if (ourSchema === undefined || vendorSchema === undefined) continue;
    differences.push(
      ...compareValues(
        `${where} › required`,
        sorted(ourSchema.required),
        sorted(vendorSchema.required),
      ),
    );
    differences.push(...diffProperties(where, ourSchema, vendorSchema, " › "));
  }
  return differences;
}

function diffResponses(
  name: string,
  ours: OpenAPIV3.ResponsesObject,
  vendor: OpenAPIV3.ResponsesObject,
): Difference[] {
  return unionOfKeys(new Map(Object.entries(ours)), new Map(Object.entries(vendor))).flatMap(
    (status) => {
      const where = `${name} › response ${status}`;
      const ourResponse = ours[status] as OpenAPIV3.ResponseObject | undefined;
      const vendorResponse = vendor[status] as OpenAPIV3.ResponseObject | undefined;
      if (ourResponse === undefined || vendorResponse === undefined) {
        return [
          {
            location: `${where} › (status)`,
            ours: ourResponse !== undefined,
            vendor: vendorResponse !== undefined,
          },
        ];
      }
      return [
        ...diffHeaders(where, ourResponse.headers ?? {}, vendorResponse.headers ?? {}),
        ...compareValues(
          `${where} › media types`,
          Object.keys(ourResponse.content ?? {}),
          Object.keys(vendorResponse.content ?? {}),
        ),
        ...diffSchema(`${where} › body`, jsonSchemaOf(ourResponse), jsonSchemaOf(vendorResponse)),
      ];
    },
  );
}

function diffHeaders(where: string, ours: object, vendor: object): Difference[] {
  return unionOfKeys(new Map(Object.entries(ours)), new Map(Object.entries(vendor))).flatMap(
    (header) => compareValues(`${where} › header ${header}`, header in ours, header in vendor),
  );
}

function diffSchema(
  where: string,
  ours: OpenAPIV3.SchemaObject | undefined,
  vendor: OpenAPIV3.SchemaObject | undefined,
): Difference[] {
  if (ours === undefined || vendor === undefined)
    return compareValues(`${where} › (schema)`, ours !== undefined, vendor !== undefined);
  const differences = COMPARED_KEYWORDS.flatMap((keyword) => {
    const normalise = keyword === "required" ? sorted : (value: unknown) => value;
    return compareValues(
      `${where} › ${keyword}`,
      normalise(ours[keyword] as never),
      normalise(vendor[keyword] as never),
    );
  });
  differences.push(...diffProperties(where, ours, vendor, "."));
  if (ours.type === "array" || vendor.type === "array") {
    differences.push(
      ...diffSchema(
        `${where}[]`,
        asSchema((ours as OpenAPIV3.ArraySchemaObject).items),
        asSchema((vendor as OpenAPIV3.ArraySchemaObject).items),
      ),
    );
  }
  return differences;
}

function diffProperties(
  where: string,
  ours: OpenAPIV3.SchemaObject,
  vendor: OpenAPIV3.SchemaObject,
  separator: string,
): Difference[] {
  const ourProperties = new Map(Object.entries(ours.properties ?? {}));
  const vendorProperties = new Map(Object.entries(vendor.properties ?? {}));
  return unionOfKeys(ourProperties, vendorProperties).flatMap((property) => {
    const ourProperty = asSchema(ourProperties.get(property));
    const vendorProperty = asSchema(vendorProperties.get(property));
    if (ourProperty === undefined || vendorProperty === undefined) {
      return [
        {
          location: `${where}${separator}${property} › (property)`,
          ours: ourProperty !== undefined,
          vendor: vendorProperty !== undefined,
        },
      ];
    }
    return diffSchema(`${where}${separator}${property}`, ourProperty, vendorProperty);
  });
}

function jsonSchemaOf(response: OpenAPIV3.ResponseObject): OpenAPIV3.SchemaObject | undefined {
  return asSchema(response.content?.["application/json"]?.schema);
}

function compareValues(location: string, ours: unknown, vendor: unknown): Difference[] {
  return JSON.stringify(ours) === JSON.stringify(vendor) ? [] : [{ location, ours, vendor }];
}

function twilioExtension(value: object): Record<string, unknown> {
  const extension: unknown = (value as Record<string, unknown>)["x-twilio"];
  return typeof extension === "object" && extension !== null
    ? (extension as Record<string, unknown>)
    : {};
}

function asSchema(value: unknown): OpenAPIV3.SchemaObject | undefined {
  return value as OpenAPIV3.SchemaObject | undefined;
}

function sorted(values: readonly string[] | undefined): string[] | undefined {
  return values === undefined ? undefined : [...values].sort();
}

function unionOfKeys<T>(a: ReadonlyMap<string, T>, b: ReadonlyMap<string, T>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])];
}
