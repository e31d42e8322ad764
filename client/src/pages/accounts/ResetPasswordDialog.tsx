import { useState, type FormEvent } from "react";
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
} from "@mui/material";
import { ZPasswordReset, type TUser } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/http";
import { usersApi } from "../../api/users";

/** The admin sets a new password for someone who lost theirs. */
export function ResetPasswordDialog({
  user,
  onClose,
  onDone,
}: {
  user: TUser;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [fieldError, setFieldError] = useState<{ password?: string; confirm?: string }>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ZPasswordReset.safeParse({ password }).success)
      return setFieldError({ password: t("accounts.errors.password") });
    if (password !== confirm) return setFieldError({ confirm: t("accounts.errors.confirm") });
    setFieldError({});
    setError(null);
    setBusy(true);
    try {
      await usersApi.resetPassword(user.id, password);
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError("internal", t("errors.unknown")));
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth>
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle>{t("accounts.resetTitle")}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {t("accounts.resetText", { name: user.fullName, username: user.username })}
          </DialogContentText>
          <Stack spacing={2.5}>
            {error && <Alert severity="error">{error.message}</Alert>}
            <TextField
              label={t("accounts.newPassword")}
              type="password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={!!fieldError.password}
              helperText={fieldError.password ?? t("accounts.passwordHint")}
              slotProps={{ htmlInput: { autoComplete: "new-password" } }}
            />
            <TextField
              label={t("accounts.confirmPassword")}
              type="password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              error={!!fieldError.confirm}
              helperText={fieldError.confirm}
              slotProps={{ htmlInput: { autoComplete: "new-password" } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t("accounts.resetSubmit")}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
