import { useEffect } from "react";
import { Alert } from "@mui/material";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router-dom";
import { useConnectionSummary } from "./hooks";

/**
 * While any shared document has edits the server has not confirmed: the browser asks before the tab is closed
 * or reloaded, and — once the person has left the meeting page, whose document stays open in the background
 * until its last edits are confirmed — a notice says they are still on their way.
 */
export function UnsyncedNotice() {
  const { t } = useTranslation();
  const { state, unsynced } = useConnectionSummary();
  const { pathname } = useLocation();
  useEffect(() => {
    if (unsynced === 0) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ""; // older Chromium needs a value to show its prompt
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsynced]);
  // The meeting page shows the same count in its chip.
  if (unsynced === 0 || pathname.startsWith("/meetings/")) return null;
  const waiting = state === "connected" || state === "reconnecting" || state === "connecting";
  return (
    <Alert
      severity={waiting ? "info" : "warning"}
      data-testid="unsynced-notice"
      data-unsynced={unsynced}
      sx={{
        position: "fixed",
        left: 16,
        right: { xs: 16, sm: "auto" },
        bottom: 16,
        zIndex: 1400,
        boxShadow: 3,
      }}
    >
      {t(waiting ? "live.leaving.sending" : "live.leaving.offline", { count: unsynced })}
    </Alert>
  );
}
