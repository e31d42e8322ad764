import type { ReactNode } from "react";
import { Box, Container } from "@mui/material";
import { Navigate, Outlet, useLocation } from "react-router-dom";
import { ErrorState, LoadingState } from "../components/States";
import { LiveProvider } from "../live/LiveProvider";
import { UnsyncedNotice } from "../live/UnsyncedNotice";
import { PeriodProvider } from "../period/PeriodProvider";
import ForbiddenPage from "../pages/ForbiddenPage";
import { useAuth } from "./AuthProvider";
import { personaOf } from "./persona";

/** Signed-in pages: wait for the session check, send strangers to the login page (and back afterwards). */
export function RequireAuth() {
  const { me, bootError, retryBoot } = useAuth();
  const location = useLocation();
  if (bootError)
    return (
      <Container maxWidth="sm" sx={{ py: 10 }}>
        <ErrorState error={bootError} onRetry={retryBoot} />
      </Container>
    );
  if (me === undefined) return <LoadingState minHeight={480} />;
  if (me === null)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <PeriodProvider key={me.id} userId={me.id}>
      <LiveProvider>
        <Outlet />
        <UnsyncedNotice />
      </LiveProvider>
    </PeriodProvider>
  );
}

/** The login page is for signed-out visitors; a signed-in one goes where they were heading. */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <LoadingState minHeight={480} />;
  if (me) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== "/login" ? from : "/"} replace />;
  }
  return <Box>{children}</Box>;
}

/**
 * Catalogue pages (units, accounts) belong to the admin's menu. The server still decides every request;
 * this only spares others a page of "forbidden" errors.
 */
export function RequireAdmin() {
  const { me } = useAuth();
  if (!me || personaOf(me.roles) !== "admin") return <ForbiddenPage />;
  return <Outlet />;
}
