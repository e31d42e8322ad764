import { useEffect } from "react";
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from "@mui/material";
import { useTranslation } from "react-i18next";
import { useBlocker } from "react-router-dom";

/**
 * Warns before leaving with unsaved changes: the browser's own prompt for a reload or a closed tab, and a
 * dialog for navigation inside the app.
 */
export function UnsavedGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ""; // older Chromium needs a value to show its prompt
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
  if (blocker.state !== "blocked") return null;
  return (
    <Dialog open onClose={() => blocker.reset()} maxWidth="xs" fullWidth>
      <DialogTitle>{t("save.leaveTitle")}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t("save.leaveText")}</DialogContentText>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={() => blocker.reset()} variant="contained">
          {t("save.stay")}
        </Button>
        <Button color="error" onClick={() => blocker.proceed()} data-testid="leave-anyway">
          {t("save.leave")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
