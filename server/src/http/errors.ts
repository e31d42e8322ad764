import { ERROR_MESSAGES, ERROR_STATUS, type ErrorCode, type Locale } from "@ca/shared";

/** A domain error that the one error handler turns into `{ error: { code, message, details } }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    readonly customMessage?: Partial<Record<Locale, string>>,
  ) {
    super(code);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  messageIn(locale: Locale): string {
    return this.customMessage?.[locale] ?? ERROR_MESSAGES[this.code][locale];
  }
}

export const notFound = (details?: unknown) => new AppError("not_found", details);
export const forbidden = (details?: unknown) => new AppError("forbidden", details);
export const unauthenticated = () => new AppError("unauthenticated");
export const conflict = (details?: unknown, message?: Partial<Record<Locale, string>>) =>
  new AppError("conflict", details, message);
export const validationFailed = (details?: unknown) => new AppError("validation_failed", details);
