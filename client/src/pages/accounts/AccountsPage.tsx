import { useState } from "react";
import { Alert, Box, Button, Snackbar } from "@mui/material";
import PersonAddAlt1Outlined from "@mui/icons-material/PersonAddAlt1Outlined";
import SearchOffOutlined from "@mui/icons-material/SearchOffOutlined";
import { ROLES, type TUnit, type TUser } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { unitsApi } from "../../api/units";
import { usersApi } from "../../api/users";
import { useMe } from "../../auth/AuthProvider";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { SearchAndFilter } from "../../components/SearchAndFilter";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { matches } from "../../format/text";
import { useApi } from "../../hooks/useApi";
import { AccountDialog } from "./AccountDialog";
import { AccountsTable } from "./AccountsTable";
import { ResetPasswordDialog } from "./ResetPasswordDialog";

/** The admin's accounts: who may sign in, with which roles, for which unit. */
export default function AccountsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const users = useApi((signal) => usersApi.list(signal), []);
  const units = useApi(
    (signal) =>
      unitsApi
        .list(signal)
        .then((r) => r.data)
        .catch(() => [] as TUnit[]),
    [],
  );
  const [search, setSearch] = useState("");
  const [role, setRole] = useState("");
  const [editing, setEditing] = useState<TUser | "new" | null>(null);
  const [resetting, setResetting] = useState<TUser | null>(null);
  const [toggling, setToggling] = useState<TUser | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const replace = (u: TUser) =>
    users.setData((prev) =>
      prev?.some((x) => x.id === u.id) ? prev.map((x) => (x.id === u.id ? u : x)) : [...(prev ?? []), u],
    );

  let body;
  if (users.error) body = <ErrorState error={users.error} onRetry={users.reload} />;
  else if (users.loading || !users.data) body = <LoadingState />;
  else if (users.data.length === 0) body = <EmptyState title={t("accounts.empty")} />;
  else {
    // Disabled accounts after the active ones (the sample's 27 `mau.*` units' accounts among them), in the
    // server's order otherwise: still there to re-enable, not in the way of the people who sign in.
    const rows = users.data
      .filter(
        (u) =>
          (!role || u.roles.includes(role as TUser["roles"][number])) &&
          matches(search, u.username, u.fullName, u.email, u.unitName),
      )
      .sort((a, b) => Number(a.disabled) - Number(b.disabled));
    body =
      rows.length === 0 ? (
        <EmptyState
          icon={<SearchOffOutlined />}
          title={t("common.noMatch")}
          description={t("common.noMatchFilter")}
        />
      ) : (
        <AccountsTable
          users={rows}
          meId={me.id}
          onEdit={setEditing}
          onReset={setResetting}
          onToggle={setToggling}
        />
      );
  }

  return (
    <Box data-testid="accounts-page">
      <PageHeader
        title={t("nav.accounts")}
        subtitle={t("accounts.subtitle")}
        actions={
          <Button
            variant="contained"
            startIcon={<PersonAddAlt1Outlined />}
            onClick={() => setEditing("new")}
            data-testid="account-create"
          >
            {t("accounts.create")}
          </Button>
        }
      />
      <SearchAndFilter
        search={search}
        onSearch={setSearch}
        searchPlaceholder={t("accounts.searchPlaceholder")}
        filterLabel={t("accounts.role")}
        filter={role}
        onFilter={setRole}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      />
      {body}
      {editing && (
        <AccountDialog
          user={editing === "new" ? null : editing}
          units={units.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={(u) => {
            replace(u);
            setNotice(editing === "new" ? t("accounts.created") : t("accounts.saved"));
            setEditing(null);
          }}
        />
      )}
      {resetting && (
        <ResetPasswordDialog
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={() => {
            setNotice(t("accounts.resetDone", { username: resetting.username }));
            setResetting(null);
          }}
        />
      )}
      {toggling && (
        <ConfirmDialog
          title={toggling.disabled ? t("accounts.enable") : t("accounts.disable")}
          text={t(toggling.disabled ? "accounts.enableConfirm" : "accounts.disableConfirm", {
            name: toggling.fullName,
          })}
          confirmLabel={toggling.disabled ? t("accounts.enable") : t("accounts.disable")}
          danger={!toggling.disabled}
          onConfirm={() => usersApi.update(toggling.id, { disabled: !toggling.disabled }).then(replace)}
          onClose={() => setToggling(null)}
        />
      )}
      <Snackbar
        open={!!notice}
        autoHideDuration={4000}
        onClose={() => setNotice(null)}
        anchorOrigin={{ vertical: "bottom", horizontal: "center" }}
      >
        <Alert severity="success" variant="filled" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      </Snackbar>
    </Box>
  );
}
