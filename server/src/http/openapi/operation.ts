import { z } from "zod";
import { ZAbilities } from "@ca/shared";

/** One operation of the API as the OpenAPI document describes it. */
export interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** The path with `{param}` placeholders, as OpenAPI writes them. */
  path: string;
  summary: string;
  /** The JSON request body (validated with this very schema by the route). */
  body?: z.ZodType;
  /** A multipart/form-data request: its fields, `file` for a file part. */
  multipart?: Record<string, "file" | "text">;
  /** Query parameters. */
  query?: z.ZodObject;
  /** The success status: 200 unless said (201 created, 204 no content). */
  status?: 200 | 201 | 204;
  /** The JSON success body. Every operation has one, a `file`, or status 204. */
  response?: z.ZodType;
  /** A file answer (attachment): its media type. */
  file?: string;
  /** No session needed. */
  public?: boolean;
  /** The body of a 503 when it is not the error body (readiness says why it is not ready). */
  unavailable?: z.ZodType;
  /** The answer may be 304 Not Modified (ETag / If-None-Match). */
  cached?: boolean;
}

/** `{ data }`, or `{ data, abilities }` where the route says what the caller may do with the object. */
export const one = (schema: z.ZodType, o: { abilities?: boolean } = {}) =>
  z.object({ data: schema, ...(o.abilities ? { abilities: ZAbilities } : {}) });

/** `{ data: [...] }`, or with `abilities` on the collection. */
export const list = (schema: z.ZodType, o: { abilities?: boolean } = {}) => one(z.array(schema), o);

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
