import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/http";

/**
 * One action a form or dialog sends to the server, at most one at a time: `busy` while it runs (buttons disable
 * themselves and a dialog cannot be dismissed half-way), then the server's error in the user's language, or an
 * "unknown error" for anything that is not an answer of the API. `run` resolves to that error, or null.
 */
export function useSubmission() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<ApiError | null> => {
      setBusy(true);
      setError(null);
      try {
        await action();
        return null;
      } catch (err) {
        const apiErr = err instanceof ApiError ? err : new ApiError("internal", t("errors.unknown"));
        setError(apiErr);
        return apiErr;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, error, run, setError };
}
