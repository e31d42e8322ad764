import { useState } from "react";
import { Stack, TextField } from "@mui/material";
import { ZPasswordReset, type TUser } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { usersApi } from "../../api/users";
import { ActionDialog } from "../../components/ActionDialog";
import { useSubmission } from "../../hooks/useSubmission";

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
  const { busy, error, run } = useSubmission();

  const onSubmit = async () => {
    if (!ZPasswordReset.safeParse({ password }).success)
      return setFieldError({ password: t("accounts.errors.password") });
    if (password !== confirm) return setFieldError({ confirm: t("accounts.errors.confirm") });
    setFieldError({});
    if (!(await run(() => usersApi.resetPassword(user.id, password)))) onDone();
  };

  return (
    <ActionDialog
      title={t("accounts.resetTitle")}
      text={t("accounts.resetText", { name: user.fullName, username: user.username })}
      busy={busy}
      error={error}
      submitLabel={t("accounts.resetSubmit")}
      maxWidth="xs"
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <Stack spacing={2.5}>
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
    </ActionDialog>
  );
}
