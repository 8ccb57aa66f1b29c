// A planned request made concrete with the run's own resources: placeholders filled,
// segments percent-encoded (or kept verbatim where the case is about bad encoding).
import type { Fixtures, FuzzRequest, PathValue, WireRequest } from "./types.ts";
import { HarnessError } from "../errors.ts";

export function toWire(request: FuzzRequest, fixtures: Fixtures): WireRequest {
  const path = request.pathTemplate.replace(/\{([^}]+)\}/g, (_match, name: string) =>
    segment(request.pathParams[name], fixtures, name),
  );
  const query = new URLSearchParams(
    request.query.map(([n, v]): [string, string] => [n, v]),
  ).toString();
  const target = query === "" ? path : `${path}?${query}`;
  if (request.rawBody !== undefined) {
    return {
      method: request.method,
      path: target,
      body: request.rawBody,
      headers: request.headers,
    };
  }
  if (request.form === undefined)
    return { method: request.method, path: target, headers: request.headers };
  const body = new URLSearchParams(
    request.form.map(([n, v]): [string, string] => [n, v]),
  ).toString();
  return {
    method: request.method,
    path: target,
    form: request.form,
    body,
    headers: request.headers,
  };
}

function segment(value: PathValue | undefined, fixtures: Fixtures, name: string): string {
  if (value === undefined) throw new HarnessError("SMC_ERR_INTERNAL", `no value for {${name}}`);
  if ("encoded" in value) return value.encoded;
  if ("literal" in value) return encodeURIComponent(value.literal);
  const resource = fixtures[value.fixture];
  if (resource === undefined) {
    throw new HarnessError("SMC_ERR_INTERNAL", `the case needs a ${value.fixture} for {${name}}`);
  }
  return encodeURIComponent(resource);
}
