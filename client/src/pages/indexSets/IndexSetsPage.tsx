import { useState } from "react";
import {
  Box,
  Button,
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from "@mui/material";
import UploadFileOutlined from "@mui/icons-material/UploadFileOutlined";
import FactCheckOutlined from "@mui/icons-material/FactCheckOutlined";
import type { TUnitType } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { indexSetsApi } from "../../api/indexSets";
import { unitsApi } from "../../api/units";
import { useMe } from "../../auth/AuthProvider";
import { personaOf } from "../../auth/persona";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { showMax, toCenti } from "../../format/points";
import { useApi } from "../../hooks/useApi";
import { currentLang } from "../../i18n";
import { ImportDialog } from "./ImportDialog";

/** The index sets (Bộ Chỉ số), one per unit type and version; the admin imports new ones. */
export default function IndexSetsPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const navigate = useNavigate();
  // The list answer carries no abilities; the import button follows the admin menu, the server decides.
  const canImport = personaOf(useMe().roles) === "admin";
  const sets = useApi((signal) => indexSetsApi.list(signal), []);
  const types = useApi((signal) => unitsApi.types(signal).catch(() => [] as TUnitType[]), []);
  const [importing, setImporting] = useState(false);
  const typeName = (code: string) => {
    const ut = types.data?.find((x) => x.code === code);
    return ut ? (lang === "en" ? ut.nameEn : ut.name) : code;
  };

  let body;
  if (sets.error) body = <ErrorState error={sets.error} onRetry={sets.reload} />;
  else if (sets.loading || !sets.data) body = <LoadingState />;
  else if (sets.data.length === 0)
    body = (
      <EmptyState
        icon={<FactCheckOutlined />}
        title={t("indexSets.empty")}
        description={t("indexSets.emptyText")}
      />
    );
  else
    body = (
      <Paper variant="outlined">
        <TableContainer>
          <Table size="small" data-testid="index-sets-table">
            <TableHead>
              <TableRow>
                <TableCell>{t("indexSets.code")}</TableCell>
                <TableCell>{t("indexSets.name")}</TableCell>
                <TableCell>{t("indexSets.version")}</TableCell>
                <TableCell>{t("indexSets.unitType")}</TableCell>
                <TableCell align="right">{t("indexSets.totalPoints")}</TableCell>
                <TableCell align="right">{t("indexSets.bonusCap")}</TableCell>
                <TableCell align="right">{t("indexSets.penaltyCap")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {sets.data.map((s) => (
                <TableRow
                  key={s.id}
                  hover
                  onClick={() => navigate(`/index-sets/${s.id}`)}
                  sx={{ cursor: "pointer" }}
                  data-testid="index-set-row"
                >
                  <TableCell sx={{ fontFamily: "monospace" }}>{s.code}</TableCell>
                  <TableCell sx={{ fontWeight: 600, color: "primary.main" }}>{s.name}</TableCell>
                  <TableCell>
                    <Chip size="small" label={t("indexSets.versionValue", { v: s.version })} />
                  </TableCell>
                  <TableCell sx={{ color: "text.secondary" }}>{typeName(s.unitType)}</TableCell>
                  <TableCell align="right" sx={{ fontWeight: 600 }}>
                    {showMax(toCenti(s.totalPoints), lang)}
                  </TableCell>
                  <TableCell align="right">{showMax(toCenti(s.bonusCap), lang)}</TableCell>
                  <TableCell align="right">{showMax(toCenti(s.penaltyCap), lang)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </Paper>
    );

  return (
    <Box data-testid="index-sets-page">
      <PageHeader
        title={t("nav.indexSets")}
        subtitle={t("indexSets.subtitle")}
        actions={
          canImport && (
            <Button
              variant="contained"
              startIcon={<UploadFileOutlined />}
              onClick={() => setImporting(true)}
              data-testid="import-open"
            >
              {t("indexSets.import.open")}
            </Button>
          )
        }
      />
      {body}
      {importing && (
        <ImportDialog
          unitTypes={types.data ?? []}
          onClose={() => setImporting(false)}
          onImported={(s) => {
            setImporting(false);
            navigate(`/index-sets/${s.id}`);
          }}
        />
      )}
    </Box>
  );
}
