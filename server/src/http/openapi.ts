import { z } from "zod";
import * as S from "@ca/shared";
import { CORE_OPERATIONS } from "./openapi/coreOperations";
import { MEETING_OPERATIONS } from "./openapi/meetingOperations";
import type { Operation } from "./openapi/operation";
import { RESULTS_OPERATIONS } from "./openapi/resultsOperations";
import { SURVEY_OPERATIONS } from "./openapi/surveyOperations";
import { CLASSIFICATION_OPERATIONS } from "./openapi/classificationOperations";
import { PERIOD_SETUP_OPERATIONS } from "./openapi/periodSetupOperations";
import { WORKFLOW_OPERATIONS } from "./openapi/workflowOperations";

export type { Operation } from "./openapi/operation";

/**
 * Every operation the server answers, each with its request and response bodies from the shared zod schemas (the
 * very schemas the routes validate with and the presenters' types): the OpenAPI document is generated from this
 * list, and tests/server/http/openapi.test.ts checks that it covers every served route.
 */
export const OPERATIONS: Operation[] = [
  ...CORE_OPERATIONS,
  ...WORKFLOW_OPERATIONS,
  ...MEETING_OPERATIONS,
  ...RESULTS_OPERATIONS,
  ...SURVEY_OPERATIONS,
  ...CLASSIFICATION_OPERATIONS,
  ...PERIOD_SETUP_OPERATIONS,
];

type Json = Record<string, unknown>;

/**
 * A zod schema as an OpenAPI 3.0 schema object: request bodies as the route accepts them (`input`: defaults make
 * fields optional), responses as the server writes them (`output`: every field required, no other field allowed).
 * Schemas that refer to themselves (the index tree) land in `components.schemas`, referenced by name.
 */
function schemaOf(schema: z.ZodType, io: "input" | "output", components: Json): Json {
  const js = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "openapi-3.0" }) as Json;
  const { definitions, ...rest } = js as Json & { definitions?: Json };
  Object.assign(components, rewriteRefs(definitions ?? {}));
  return rewriteRefs(rest) as Json;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === "$ref" && typeof v === "string"
        ? v.replace("#/definitions/", "#/components/schemas/")
        : rewriteRefs(v),
    ]),
  );
}

/** The OpenAPI 3 document served at /api/openapi.json. */
export function buildOpenApi(): Json {
  const components: Json = {};
  const error = {
    description: "Error: { error: { code, message, details } }, the message in the caller's language",
    content: { "application/json": { schema: schemaOf(S.ZApiError, "output", components) } },
  };
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) {
    const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    const query = Object.entries(op.query?.shape ?? {}).map(([name, schema]) => ({
      name,
      in: "query",
      required: !(schema as z.ZodType).safeParse(undefined).success,
      schema: schemaOf(schema as z.ZodType, "input", components),
    }));
    const status = op.status ?? 200;
    const success =
      status === 204
        ? { description: "No content" }
        : op.file
          ? {
              description: "A file (attachment)",
              content: { [op.file]: { schema: { type: "string", format: "binary" } } },
            }
          : {
              description: status === 201 ? "Created" : "OK",
              content: { "application/json": { schema: schemaOf(op.response!, "output", components) } },
            };
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      summary: op.summary,
      operationId: `${op.method} ${op.path}`,
      ...(params.length || query.length ? { parameters: [...params, ...query] } : {}),
      ...(op.public ? { security: [] } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: schemaOf(op.body, "input", components) } },
            },
          }
        : {}),
      ...(op.multipart
        ? {
            requestBody: {
              required: true,
              content: {
                "multipart/form-data": {
                  schema: {
                    type: "object",
                    properties: Object.fromEntries(
                      Object.entries(op.multipart).map(([name, kind]) => [
                        name,
                        { type: "string", ...(kind === "file" ? { format: "binary" } : {}) },
                      ]),
                    ),
                    required: Object.keys(op.multipart),
                  },
                },
              },
            },
          }
        : {}),
      responses: {
        [String(status)]: success,
        ...(op.cached ? { "304": { description: "Not modified (If-None-Match matched the ETag)" } } : {}),
        "4XX": error,
        "503": op.unavailable
          ? {
              description: "Not ready",
              content: { "application/json": { schema: schemaOf(op.unavailable, "output", components) } },
            }
          : error,
      },
    };
  }
  return {
    openapi: "3.0.3",
    info: {
      title: "Council Appraisal API",
      version: "1.0.0",
      description:
        "The public contract of Council Appraisal (docs/api.md in the repository: also the Socket.IO events and the Yjs document). Points travel as decimal numbers with at most two decimals; indices are percentages with two decimals. Errors answer { error: { code, message, details } } with a 4xx status (503 while the database is unreachable).",
    },
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "ca.sid" } },
      schemas: components,
    },
    security: [{ session: [] }],
    paths,
  };
}
