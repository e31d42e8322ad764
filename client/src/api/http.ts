import type { ErrorCode } from "@ca/shared";
import i18n from "../i18n";

/** Codes the server sends, plus the two the client itself can hit before any answer arrives. */
export type ClientErrorCode = ErrorCode | "network" | "bad_response";

/** The one error type of the client: the server's code and its message, already in the user's language. */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ClientErrorCode, message: string, status = 0, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
    this.details = details;
  }

  /** The fields an answer names, as a path → message map: a validation's list, or one refused field's `{path}`. */
  fieldErrors(): Record<string, string> {
    // A refusal about one field that is not a validation (a code already taken) names it as `{path}`.
    const named = this.details as { path?: unknown } | null;
    if (!Array.isArray(this.details))
      return typeof named?.path === "string" ? { [named.path]: this.message } : {};
    const out: Record<string, string> = {};
    for (const d of this.details as { path?: unknown; message?: unknown }[]) {
      if (typeof d?.path === "string" && typeof d.message === "string" && !(d.path in out))
        out[d.path] = d.message;
    }
    return out;
  }
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called when a request that needed a session got a 401: the session expired or was ended by an admin. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** The session is over (a 401, or a live connection closed because its session ended): the sign-in page. */
export function reportSessionEnded(): void {
  unauthenticatedListeners.forEach((l) => l());
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Do not report a 401 as an expired session (the login form and the first /me call). */
  quiet401?: boolean;
}

/** Sends one request to our own API and returns the parsed JSON body, or throws an ApiError. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": i18n.language || "vi",
  };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData)
    body = options.body; // the browser sets the multipart boundary
  else if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers,
      body,
      signal: options.signal,
      credentials: "same-origin",
    });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new ApiError("network", i18n.t("errors.network"));
  }
  if (res.status === 204) return undefined as T;
  const json = await res.json().catch(() => null);
  if (res.ok) {
    if (json === null) throw new ApiError("bad_response", i18n.t("errors.badResponse"), res.status);
    return json as T;
  }
  throw errorOfResponse(res.status, json, options.quiet401);
}

/**
 * The ApiError of a failed answer (fetch or XMLHttpRequest alike): the server's code, message and details, or a
 * generic message when the body is not ours (a proxy's HTML page). A 401 tells the session listeners.
 */
export function errorOfResponse(status: number, json: unknown, quiet401 = false): ApiError {
  const error = (json as { error?: { code?: ClientErrorCode; message?: string; details?: unknown } } | null)
    ?.error;
  const apiError = error?.code
    ? new ApiError(error.code, error.message || i18n.t("errors.unknown"), status, error.details)
    : new ApiError(
        status >= 500 ? "internal" : "bad_response",
        i18n.t("errors.httpStatus", { status }),
        status,
      );
  if (status === 401 && apiError.code === "unauthenticated" && !quiet401) reportSessionEnded();
  return apiError;
}

export const api = {
  get: <T>(path: string, o?: RequestOptions) => request<T>("GET", path, o),
  post: <T>(path: string, body?: unknown, o?: RequestOptions) => request<T>("POST", path, { ...o, body }),
  put: <T>(path: string, body?: unknown, o?: RequestOptions) => request<T>("PUT", path, { ...o, body }),
  patch: <T>(path: string, body?: unknown, o?: RequestOptions) => request<T>("PATCH", path, { ...o, body }),
};

/** Every successful answer of the API wraps its payload in `data`. */
export interface Envelope<T> {
  data: T;
}
export interface WithAbilities<T, A extends string> extends Envelope<T> {
  abilities: Record<A, boolean>;
}
