import type { FormEvent, ReactNode } from "react";
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  type ButtonProps,
} from "@mui/material";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../api/http";

interface Props {
  title: ReactNode;
  /** What the action will do, above the fields. */
  text?: ReactNode;
  busy: boolean;
  error: ApiError | null;
  submitLabel: ReactNode;
  submitColor?: ButtonProps["color"];
  submitDisabled?: boolean;
  submitTestId?: string;
  maxWidth?: "xs" | "sm" | "md";
  onSubmit: () => unknown;
  onClose: () => void;
  children?: ReactNode;
}

/**
 * The frame of every dialog that sends one thing to the server: a form (Enter submits), the server's error above
 * the fields, Cancel and the action. It cannot be dismissed while the action runs, so nothing is half-sent
 * behind the user's back.
 */
export function ActionDialog({
  title,
  text,
  busy,
  error,
  submitLabel,
  submitColor = "primary",
  submitDisabled,
  submitTestId,
  maxWidth = "sm",
  onSubmit,
  onClose,
  children,
}: Props) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) void onSubmit();
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth={maxWidth} fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          {text && <DialogContentText sx={{ mb: 2 }}>{text}</DialogContentText>}
          {error && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {error.message}
            </Alert>
          )}
          {children}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button
            type="submit"
            variant="contained"
            color={submitColor}
            disabled={busy || submitDisabled}
            data-testid={submitTestId}
          >
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
