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

/** The same, from a `validation_failed` answer of the server. */
export function apiFieldErrors(err: ApiError, explain: (field: string) => string): Record<string, string> {
  return fieldErrorsOf(
    Object.keys(err.fieldErrors()).map((p) => ({ path: p.split(".") })),
    explain,
  );
}
