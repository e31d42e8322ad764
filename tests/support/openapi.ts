/**
 * Reads the served OpenAPI document as an integrator would: finds the operation of a request by method and
 * concrete path, and validates a response body against the schema the document gives for its status (with zod's
 * JSON Schema reader, the document's own `#/components/schemas` references resolved).
 */
import { z } from "zod";

type Json = Record<string, unknown>;
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Json };
}

export interface DocumentedOperation {
  method: string;
  template: string;
  operation: Json;
}

/** The documented operation of `method url`, or null: each `{param}` matches one path segment. */
export function findOperation(doc: OpenApiDocument, method: string, url: string): DocumentedOperation | null {
  const path = url.split("?")[0];
  for (const [template, ops] of Object.entries(doc.paths)) {
    const pattern = new RegExp(`^${template.replace(/[.]/g, "\\.").replace(/\{\w+\}/g, "[^/]+")}$`);
    const operation = ops[method.toLowerCase()];
    if (operation && pattern.test(path)) return { method: method.toLowerCase(), template, operation };
  }
  return null;
}

const validators = new WeakMap<object, Map<string, z.ZodType>>();

/** The documented JSON body schema of a response status (exact status, else its class such as "4XX"), or null. */
export function responseSchema(
  doc: OpenApiDocument,
  op: DocumentedOperation,
  status: number,
): z.ZodType | null {
  const responses = op.operation.responses as Record<string, Json>;
  const key = String(status) in responses ? String(status) : `${String(status)[0]}XX`;
  const content = responses[key]?.content as Record<string, { schema: Json }> | undefined;
  const json = content?.["application/json"]?.schema;
  if (!json) return null;
  const cache = validators.get(doc) ?? new Map<string, z.ZodType>();
  validators.set(doc, cache);
  const id = `${op.method} ${op.template} ${key}`;
  if (!cache.has(id)) {
    // The document refers to #/components/schemas/X; the reader resolves refs within the schema it is given.
    const rooted = JSON.parse(
      JSON.stringify({ ...json, definitions: doc.components.schemas }).replaceAll(
        "#/components/schemas/",
        "#/definitions/",
      ),
    );
    cache.set(id, z.fromJSONSchema(rooted, { defaultTarget: "openapi-3.0" }));
  }
  return cache.get(id)!;
}

/**
 * Checks one answer against the document: the operation exists, its status is documented, and a JSON body matches
 * the documented schema exactly (no field missing, none undocumented). Returns the problems, empty when none.
 */
export function checkResponse(
  doc: OpenApiDocument,
  method: string,
  url: string,
  status: number,
  body: unknown,
  contentType = "application/json",
): string[] {
  const op = findOperation(doc, method, url);
  if (!op) return [`${method.toUpperCase()} ${url}: not in the OpenAPI document`];
  const responses = op.operation.responses as Record<string, Json>;
  if (!(String(status) in responses) && !(`${String(status)[0]}XX` in responses))
    return [`${method.toUpperCase()} ${op.template}: status ${status} not documented`];
  if (status === 204 || status === 304 || !contentType.startsWith("application/json")) return [];
  const schema = responseSchema(doc, op, status);
  if (!schema) return [`${method.toUpperCase()} ${op.template} ${status}: no JSON body documented`];
  const parsed = schema.safeParse(body);
  return parsed.success
    ? []
    : parsed.error.issues.map(
        (i) => `${method.toUpperCase()} ${op.template} ${status}: ${i.path.join(".")}: ${i.message}`,
      );
}

/** The documented JSON request body schema of an operation, or null when it takes none. */
export function requestSchema(doc: OpenApiDocument, op: DocumentedOperation): z.ZodType | null {
  const content = (op.operation.requestBody as { content?: Record<string, { schema: Json }> } | undefined)
    ?.content;
  const json = content?.["application/json"]?.schema;
  if (!json) return null;
  const rooted = JSON.parse(
    JSON.stringify({ ...json, definitions: doc.components.schemas }).replaceAll(
      "#/components/schemas/",
      "#/definitions/",
    ),
  );
  return z.fromJSONSchema(rooted, { defaultTarget: "openapi-3.0" });
}

/** The documented multipart fields of an operation, or null when it takes none. */
export function multipartFields(op: DocumentedOperation): string[] | null {
  const content = (op.operation.requestBody as { content?: Record<string, { schema: Json }> } | undefined)
    ?.content;
  const schema = content?.["multipart/form-data"]?.schema as { properties: Json } | undefined;
  return schema ? Object.keys(schema.properties) : null;
}
