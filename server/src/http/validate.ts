import type { z } from "zod";
import { ZId } from "@ca/shared";
import { AppError } from "./errors";

// PostgreSQL text cannot hold NUL, and a lone UTF-16 surrogate cannot be encoded as UTF-8: such input would fail
// deep inside a query as a 500, so it is refused up front as bad input.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first string anywhere in the value that the database cannot store, or null. */
export function findUnstorableText(value: unknown): string | null {
  // Iterative walk: hostile input may nest deeper than the call stack.
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      if (UNSTORABLE.test(v)) return path;
    } else if (v && typeof v === "object") {
      for (const [k, child] of Object.entries(v)) stack.push([child, path ? `${path}.${k}` : k]);
    }
  }
  return null;
}

/** Parses input with a shared zod schema; failures become a 400 listing each field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "validation_failed",
      parsed.error.issues
        .slice(0, 20)
        .map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
    );
  }
  const bad = findUnstorableText(parsed.data);
  if (bad !== null)
    throw new AppError("validation_failed", [
      { path: bad, message: "contains characters that cannot be stored" },
    ]);
  return parsed.data;
}

/** A route parameter that must be an id; anything else is simply not found. */
export function idParam(value: unknown): string {
  if (!ZId.safeParse(value).success) throw new AppError("not_found");
  return value as string;
}
