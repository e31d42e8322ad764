import { useState } from "react";
import { Checkbox, Chip, ListItemText, MenuItem, Stack, TextField } from "@mui/material";
import {
  AGENCY_ROLES,
  hasAnyRole,
  ROLES,
  ZUserCreate,
  ZUserUpdate,
  type Role,
  type TUnit,
  type TUser,
  type TUserCreate,
} from "@ca/shared";
import { useTranslation } from "react-i18next";
import { usersApi } from "../../api/users";
import { ActionDialog } from "../../components/ActionDialog";
import { apiFieldErrors, fieldErrorsOf } from "../../components/formErrors";
import { useSubmission } from "../../hooks/useSubmission";

interface Props {
  user: TUser | null; // null: a new account
  units: readonly TUnit[];
  onClose: () => void;
  onSaved: (u: TUser) => void;
}

/** Creates an account (with its first password) or changes one's name, email, roles and unit. */
export function AccountDialog({ user, units, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [username, setUsername] = useState(user?.username ?? "");
  const [fullName, setFullName] = useState(user?.fullName ?? "");
  const [email, setEmail] = useState(user?.email ?? "");
  const [password, setPassword] = useState("");
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? []);
  const [unitId, setUnitId] = useState(user?.unitId ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, error, run } = useSubmission();
  const explain = (field: string) =>
    t(`accounts.errors.${field}`, { defaultValue: t("errors.invalidField") });
  // People of an appraised unit act for it, so their account must name it (the server checks this too).
  const needsUnit = hasAnyRole(roles, AGENCY_ROLES);

  const onSubmit = async () => {
    const common = { fullName, email: email.trim() || null, roles, unitId: unitId || null };
    const save = user
      ? ZUserUpdate.safeParse(common)
      : ZUserCreate.safeParse({ ...common, username, password });
    const clientErrors = save.success ? {} : fieldErrorsOf(save.error.issues, explain);
    if (needsUnit && !unitId) clientErrors.unitId = explain("unitId");
    if (!save.success || Object.keys(clientErrors).length) return setErrors(clientErrors);
    setErrors({});
    const failed = await run(async () =>
      onSaved(
        user ? await usersApi.update(user.id, save.data) : await usersApi.create(save.data as TUserCreate),
      ),
    );
    if (failed) setErrors(apiFieldErrors(failed, explain));
  };

  const activeUnits = units.filter((u) => u.active || u.id === unitId);
  return (
    <ActionDialog
      title={user ? t("accounts.editTitle") : t("accounts.createTitle")}
      busy={busy}
      error={error}
      submitLabel={busy ? t("common.saving") : user ? t("common.save") : t("common.create")}
      submitTestId="account-save"
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <Stack spacing={2.5} sx={{ pt: 1 }}>
        <TextField
          label={t("accounts.username")}
          required
          disabled={!!user}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={!!errors.username}
          helperText={errors.username ?? (!user && t("accounts.usernameHint"))}
          slotProps={{
            htmlInput: { "data-testid": "account-username", autoCapitalize: "none", autoComplete: "off" },
          }}
        />
        <TextField
          label={t("accounts.fullName")}
          required
          value={fullName}
          onChange={(e) => setFullName(e.target.value)}
          error={!!errors.fullName}
          helperText={errors.fullName}
        />
        <TextField
          label={t("accounts.email")}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={!!errors.email}
          helperText={errors.email}
        />
        {!user && (
          <TextField
            label={t("accounts.password")}
            required
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={!!errors.password}
            helperText={errors.password ?? t("accounts.passwordHint")}
            slotProps={{ htmlInput: { autoComplete: "new-password" } }}
          />
        )}
        <TextField
          select
          label={t("accounts.roles")}
          required
          value={roles}
          onChange={(e) => setRoles(e.target.value as unknown as Role[])}
          error={!!errors.roles}
          helperText={errors.roles}
          slotProps={{
            select: {
              multiple: true,
              renderValue: (v) => (
                <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: "wrap" }}>
                  {(v as Role[]).map((r) => (
                    <Chip key={r} size="small" label={t(`roles.${r}`)} />
                  ))}
                </Stack>
              ),
            },
          }}
          data-testid="account-roles"
        >
          {ROLES.map((r) => (
            <MenuItem key={r} value={r} dense>
              <Checkbox size="small" checked={roles.includes(r)} sx={{ p: 0.5, mr: 1 }} />
              <ListItemText primary={t(`roles.${r}`)} secondary={t(`roleHints.${r}`)} />
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t("accounts.unit")}
          required={needsUnit}
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          error={!!errors.unitId}
          helperText={errors.unitId ?? t(needsUnit ? "accounts.unitRequiredHint" : "accounts.unitHint")}
        >
          <MenuItem value="">
            <em>{t("accounts.noUnit")}</em>
          </MenuItem>
          {activeUnits.map((u) => (
            <MenuItem key={u.id} value={u.id}>
              {u.name}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
    </ActionDialog>
  );
}
