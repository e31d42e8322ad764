import {
  Chip,
  IconButton,
  Paper,
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
import ToggleOnOutlined from "@mui/icons-material/ToggleOnOutlined";
import ToggleOffOutlined from "@mui/icons-material/ToggleOffOutlined";
import type { TUnit } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { currentLang } from "../../i18n";

interface Props {
  units: readonly TUnit[];
  canUpdate: boolean;
  onEdit: (u: TUnit) => void;
  onToggle: (u: TUnit) => void;
}

/** Appraised units: code, names, type, head, whether it is appraised this year. */
export function UnitsTable({ units, canUpdate, onEdit, onToggle }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Paper variant="outlined">
      <TableContainer>
        <Table size="small" data-testid="units-table">
          <TableHead>
            <TableRow>
              <TableCell>{t("units.code")}</TableCell>
              <TableCell>{t("units.name")}</TableCell>
              <TableCell>{t("units.shortName")}</TableCell>
              <TableCell>{t("units.unitType")}</TableCell>
              <TableCell>{t("units.head")}</TableCell>
              <TableCell>{t("common.status")}</TableCell>
              {canUpdate && <TableCell align="right">{t("common.actions")}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {units.map((u) => {
              const head = u.leaders.find((l) => l.position === "head");
              const deputies = u.leaders.filter((l) => l.position === "deputy").length;
              return (
                <TableRow key={u.id} hover sx={{ opacity: u.active ? 1 : 0.6 }} data-testid="unit-row">
                  <TableCell sx={{ fontFamily: "monospace", color: "text.secondary", whiteSpace: "nowrap" }}>
                    {u.code}
                  </TableCell>
                  <TableCell sx={{ fontWeight: 600 }}>{u.name}</TableCell>
                  <TableCell>{u.shortName}</TableCell>
                  <TableCell sx={{ color: "text.secondary", whiteSpace: "nowrap" }}>
                    {lang === "en" ? u.unitType.nameEn : u.unitType.name}
                  </TableCell>
                  <TableCell>
                    {head ? (
                      <>
                        <Typography variant="body2">{head.fullName}</Typography>
                        <Typography variant="caption" color="text.secondary">
                          {t("units.deputies", { count: deputies })}
                        </Typography>
                      </>
                    ) : (
                      <Typography variant="body2" color="text.disabled">
                        —
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={u.active ? "success" : "default"}
                      variant={u.active ? "filled" : "outlined"}
                      label={u.active ? t("units.active") : t("units.inactive")}
                    />
                  </TableCell>
                  {canUpdate && (
                    <TableCell align="right" sx={{ whiteSpace: "nowrap" }}>
                      <Tooltip title={t("common.edit")}>
                        <IconButton size="small" onClick={() => onEdit(u)} aria-label={t("common.edit")}>
                          <EditOutlined fontSize="small" />
                        </IconButton>
                      </Tooltip>
                      <Tooltip title={u.active ? t("units.deactivate") : t("units.activate")}>
                        <IconButton
                          size="small"
                          color={u.active ? "success" : "default"}
                          onClick={() => onToggle(u)}
                          aria-label={u.active ? t("units.deactivate") : t("units.activate")}
                        >
                          {u.active ? <ToggleOnOutlined /> : <ToggleOffOutlined />}
                        </IconButton>
                      </Tooltip>
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}
