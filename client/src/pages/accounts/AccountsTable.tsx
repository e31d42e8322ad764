import {
  Chip,
  IconButton,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from "@mui/material";
import EditOutlined from "@mui/icons-material/EditOutlined";
import LockResetOutlined from "@mui/icons-material/LockResetOutlined";
import BlockOutlined from "@mui/icons-material/BlockOutlined";
import CheckCircleOutline from "@mui/icons-material/CheckCircleOutline";
import type { TUser } from "@ca/shared";
import { useTranslation } from "react-i18next";

interface Props {
  users: readonly TUser[];
  meId: string;
  onEdit: (u: TUser) => void;
  onReset: (u: TUser) => void;
  onToggle: (u: TUser) => void;
}

/** Accounts with their roles, unit and status, and the admin's actions on each. */
export function AccountsTable({ users, meId, onEdit, onReset, onToggle }: Props) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined">
      <TableContainer>
        <Table size="small" data-testid="accounts-table">
          <TableHead>
            <TableRow>
              <TableCell>{t("accounts.username")}</TableCell>
              <TableCell>{t("accounts.fullName")}</TableCell>
              <TableCell>{t("accounts.roles")}</TableCell>
              <TableCell>{t("accounts.unit")}</TableCell>
              <TableCell>{t("common.status")}</TableCell>
              <TableCell align="right">{t("common.actions")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {users.map((u) => (
              <TableRow key={u.id} hover data-testid="account-row" sx={{ opacity: u.disabled ? 0.65 : 1 }}>
                <TableCell sx={{ fontFamily: "monospace" }}>{u.username}</TableCell>
                <TableCell>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {u.fullName}
                  </Typography>
                  {u.email && (
                    <Typography variant="caption" color="text.secondary">
                      {u.email}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: "wrap" }}>
                    {u.roles.map((r) => (
                      <Chip key={r} size="small" variant="outlined" color="primary" label={t(`roles.${r}`)} />
                    ))}
                  </Stack>
                </TableCell>
                <TableCell sx={{ color: u.unitName ? "text.primary" : "text.disabled" }}>
                  {u.unitName ?? "—"}
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={u.disabled ? "default" : "success"}
                    variant={u.disabled ? "outlined" : "filled"}
                    label={u.disabled ? t("accounts.disabled") : t("accounts.enabled")}
                  />
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: "nowrap" }}>
                  <Tooltip title={t("common.edit")}>
                    <IconButton size="small" onClick={() => onEdit(u)} aria-label={t("common.edit")}>
                      <EditOutlined fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title={t("accounts.resetTitle")}>
                    <IconButton size="small" onClick={() => onReset(u)} aria-label={t("accounts.resetTitle")}>
                      <LockResetOutlined fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  {/* Disabling oneself would lock the only admin out; the server decides, the button is not offered. */}
                  {u.id !== meId && (
                    <Tooltip title={u.disabled ? t("accounts.enable") : t("accounts.disable")}>
                      <IconButton
                        size="small"
                        color={u.disabled ? "success" : "error"}
                        onClick={() => onToggle(u)}
                        aria-label={u.disabled ? t("accounts.enable") : t("accounts.disable")}
                      >
                        {u.disabled ? (
                          <CheckCircleOutline fontSize="small" />
                        ) : (
                          <BlockOutlined fontSize="small" />
                        )}
                      </IconButton>
                    </Tooltip>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}
