import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import type { TMe } from "@ca/shared";
import { authApi } from "../api/auth";
import { ApiError, onUnauthenticated } from "../api/http";

interface AuthValue {
  /** undefined while the first /me is in flight; null when signed out. */
  me: TMe | null | undefined;
  /** Set when the server ended the session while the app was open. */
  sessionExpired: boolean;
  /** An error of the first /me other than "not signed in" (server down). */
  bootError: ApiError | null;
  login: (username: string, password: string) => Promise<TMe>;
  logout: () => Promise<void>;
  retryBoot: () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<TMe | null | undefined>(undefined);
  const [sessionExpired, setSessionExpired] = useState(false);
  const [bootError, setBootError] = useState<ApiError | null>(null);
  const [bootTick, setBootTick] = useState(0);

  useEffect(() => {
    let alive = true;
    setBootError(null);
    authApi
      .me()
      .then((u) => alive && setMe(u))
      .catch((err: unknown) => {
        if (!alive) return;
        if (err instanceof ApiError && err.status === 401) setMe(null);
        else setBootError(err instanceof ApiError ? err : new ApiError("network", String(err)));
      });
    return () => {
      alive = false;
    };
  }, [bootTick]);

  const meRef = useRef(me);
  // Signing out ends the session's live connections too, which say so: not news to the person who did it.
  const signingOut = useRef(false);
  useEffect(() => {
    meRef.current = me;
  }, [me]);
  useEffect(
    () =>
      onUnauthenticated(() => {
        if (meRef.current && !signingOut.current) setSessionExpired(true);
        setMe(null);
      }),
    [],
  );

  const login = useCallback(async (username: string, password: string) => {
    const user = await authApi.login(username, password);
    setSessionExpired(false);
    setMe(user);
    return user;
  }, []);

  const logout = useCallback(async () => {
    signingOut.current = true;
    try {
      await authApi.logout();
    } finally {
      signingOut.current = false;
      meRef.current = null;
      setSessionExpired(false);
      setMe(null);
    }
  }, []);

  const retryBoot = useCallback(() => setBootTick((n) => n + 1), []);
  const value = useMemo(
    () => ({ me, sessionExpired, bootError, login, logout, retryBoot }),
    [me, sessionExpired, bootError, login, logout, retryBoot],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The signed-in person and the sign-in actions. */
export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error("useAuth outside AuthProvider");
  return v;
}

/** The signed-in person, for pages that only render after sign-in. */
export function useMe(): TMe {
  const { me } = useAuth();
  if (!me) throw new Error("useMe without a session");
  return me;
}
