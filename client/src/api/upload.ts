import i18n from "../i18n";
import { ApiError, errorOfResponse } from "./http";

export interface UploadHandle<T> {
  /** Resolves with the parsed JSON body, or rejects with an ApiError in the user's language. */
  done: Promise<T>;
  abort: () => void;
}

/**
 * Sends one multipart form with XMLHttpRequest, because fetch cannot report upload progress: `onProgress`
 * receives the fraction sent (0–1). Same origin and cookie as every other request, so the server's Origin check
 * and session apply unchanged.
 */
export function uploadForm<T>(
  path: string,
  form: FormData,
  onProgress?: (fraction: number) => void,
): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open("POST", `/api${path}`);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", i18n.language || "vi");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError("network", i18n.t("errors.network")));
    xhr.onabort = () => reject(new DOMException("aborted", "AbortError"));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: handled below */
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        if (json === null) reject(new ApiError("bad_response", i18n.t("errors.badResponse"), xhr.status));
        else resolve(json as T);
      } else reject(errorOfResponse(xhr.status, json));
    };
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
