import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { TPeriod } from "@ca/shared";
import { periodsApi } from "../api/periods";
import type { ApiError } from "../api/http";
import { useApi } from "../hooks/useApi";
import { pickDefaultPeriod } from "./defaultPeriod";

const STORAGE_KEY = "ca.period";

interface PeriodValue {
  periods: TPeriod[] | undefined;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
  /** The period to open when the URL names none: the last one chosen here, else the current official one. */
  defaultPeriodId: string | null;
  /** Remembers the period picked in the selector or opened by its address. */
  remember: (periodId: string) => void;
}

const PeriodContext = createContext<PeriodValue | null>(null);

function storedPeriodId(userId: string): string | null {
  try {
    return localStorage.getItem(`${STORAGE_KEY}.${userId}`);
  } catch {
    return null;
  }
}

/** The periods of the signed-in person; the remembered choice is per person (shared office computers). */
export function PeriodProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const { data, loading, error, reload } = useApi((signal) => periodsApi.list(signal), []);
  const [remembered, setRemembered] = useState<string | null>(() => storedPeriodId(userId));
  const remember = useCallback(
    (periodId: string) => {
      setRemembered(periodId);
      try {
        localStorage.setItem(`${STORAGE_KEY}.${userId}`, periodId);
      } catch {
        /* not remembered: the default applies next time */
      }
    },
    [userId],
  );
  const value = useMemo<PeriodValue>(
    () => ({
      periods: data,
      loading,
      error,
      reload,
      defaultPeriodId: data ? pickDefaultPeriod(data, remembered) : null,
      remember,
    }),
    [data, loading, error, reload, remember, remembered],
  );
  return <PeriodContext.Provider value={value}>{children}</PeriodContext.Provider>;
}

/** The periods the signed-in person can pick from. */
export function usePeriods(): PeriodValue {
  const v = useContext(PeriodContext);
  if (!v) throw new Error("usePeriods outside PeriodProvider");
  return v;
}
