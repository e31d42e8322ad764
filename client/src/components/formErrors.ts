import type { ApiError } from "../api/http";

interface IssueLike {
  path: readonly PropertyKey[];
}

/**
 * Field errors in the user's language. The shared zod schemas (and the server's details) say which field
 * is wrong in English; each form supplies its own localized explanation of that field's rule.
 */
export function fieldErrorsOf(
  issues: readonly IssueLike[],
  explain: (field: string) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    if (field && !(field in out)) out[field] = explain(field);
  }
  return out;
}

/**
 * The same from an answer of the server: a validation names the fields and the form explains each rule; any other
 * refusal that names a field (a code already taken) is said there in the server's words.
 */
export function apiFieldErrors(err: ApiError, explain: (field: string) => string): Record<string, string> {
  const named = err.fieldErrors();
  return fieldErrorsOf(
    Object.keys(named).map((p) => ({ path: p.split(".") })),
    err.code === "validation_failed" ? explain : (field) => named[field] ?? err.message,
  );
}
