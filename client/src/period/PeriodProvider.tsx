import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import type { TPeriod } from "@ca/shared";
import { periodsApi } from "../api/periods";
import type { ApiError } from "../api/http";
import { useApi } from "../hooks/useApi";

const STORAGE_KEY = "ca.period";

interface PeriodValue {
  periods: TPeriod[] | undefined;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
  /** The period to open when the URL names none: the last one chosen here, else the current official one. */
  defaultPeriodId: string | null;
  /** Remembers the period picked in the selector. */
  remember: (periodId: string) => void;
}

const PeriodContext = createContext<PeriodValue | null>(null);

function storedPeriodId(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The default period: a remembered one that still exists, else the newest active official, else any. */
export function pickDefaultPeriod(periods: readonly TPeriod[], remembered: string | null): string | null {
  if (remembered && periods.some((p) => p.id === remembered)) return remembered;
  const byYear = [...periods].sort((a, b) => b.year - a.year);
  return (
    byYear.find((p) => p.kind === "official" && p.status === "active")?.id ??
    byYear.find((p) => p.status === "active")?.id ??
    byYear[0]?.id ??
    null
  );
}

export function PeriodProvider({ children }: { children: ReactNode }) {
  const { data, loading, error, reload } = useApi((signal) => periodsApi.list(signal), []);
  const remember = useCallback((periodId: string) => {
    try {
      localStorage.setItem(STORAGE_KEY, periodId);
    } catch {
      /* not remembered: the default applies next time */
    }
  }, []);
  const value = useMemo<PeriodValue>(
    () => ({
      periods: data,
      loading,
      error,
      reload,
      defaultPeriodId: data ? pickDefaultPeriod(data, storedPeriodId()) : null,
      remember,
    }),
    [data, loading, error, reload, remember],
  );
  return <PeriodContext.Provider value={value}>{children}</PeriodContext.Provider>;
}

/** The periods the signed-in person can pick from. */
export function usePeriods(): PeriodValue {
  const v = useContext(PeriodContext);
  if (!v) throw new Error("usePeriods outside PeriodProvider");
  return v;
}
