import type { z } from "zod";
import { ZId } from "@ca/shared";
import { AppError } from "./errors";

/** Parses input with a shared zod schema; failures become a 400 listing each field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "validation_failed",
      parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
    );
  }
  return parsed.data;
}

/** A route parameter that must be an id; anything else is simply not found. */
export function idParam(value: unknown): string {
  if (!ZId.safeParse(value).success) throw new AppError("not_found");
  return value as string;
}
