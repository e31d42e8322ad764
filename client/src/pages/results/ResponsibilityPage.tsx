import { Fragment, useState } from "react";
import {
  Alert,
  Button,
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import GridOnOutlined from "@mui/icons-material/GridOnOutlined";
import TuneOutlined from "@mui/icons-material/TuneOutlined";
import type { TUnitResponsibility } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { exportUrl, resultsApi } from "../../api/results";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/States";
import { showIndex } from "../../format/points";
import { useApi } from "../../hooks/useApi";
import { currentLang } from "../../i18n";
import { usePeriods } from "../../period/PeriodProvider";
import ForbiddenPage from "../ForbiddenPage";
import { BandChip } from "./PublishedTable";
import { RulesDialog } from "./RulesDialog";
import { useUnitTypeNames } from "../meetings/useUnitTypeNames";

/**
 * Heads and deputies (docs/domain.md §3): every unit's head and deputies with the areas in their charge and their results
 * under the period's rules — the report for the council meeting and for emulation and rewards (thi đua, khen thưởng).
 */
export default function ResponsibilityPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const { periodId = "" } = useParams();
  const { periods } = usePeriods();
  const period = periods?.find((p) => p.id === periodId);
  const report = useApi((signal) => resultsApi.responsibility(periodId, signal), [periodId]);
  const access = useApi((signal) => resultsApi.publication(periodId, signal), [periodId]);
  const [editing, setEditing] = useState(false);
  const typeNames = useUnitTypeNames();

  if (report.error?.code === "forbidden") return <ForbiddenPage />;
  if (report.error) return <ErrorState error={report.error} onRetry={report.reload} />;
  if (!report.data || !period) return <LoadingState />;
  const { data: units, rules } = report.data;
  const can = access.data?.abilities;
  const bandLabel = (code: string | null) => {
    const b = period.classificationBands.find((x) => x.code === code);
    return b ? (lang === "en" ? b.labelEn : b.label) : null;
  };
  const byType = new Map<string, TUnitResponsibility[]>();
  for (const u of units) byType.set(u.unit.unitType, [...(byType.get(u.unit.unitType) ?? []), u]);

  return (
    <>
      <PageHeader
        title={t("results.responsibility.title")}
        subtitle={t("results.responsibility.subtitle", { period: period.name })}
        actions={
          <>
            {can?.updateRules && (
              <Button startIcon={<TuneOutlined />} onClick={() => setEditing(true)} data-testid="edit-rules">
                {t("results.rules.edit")}
              </Button>
            )}
            {can?.exportResponsibility && (
              <Button
                variant="outlined"
                startIcon={<GridOnOutlined />}
                href={exportUrl(periodId, "responsibility.xlsx")}
                download
                data-testid="export-responsibility"
              >
                {t("results.exports.file.responsibility_xlsx")}
              </Button>
            )}
          </>
        }
      />
      <Alert
        severity="info"
        variant="outlined"
        sx={{ mb: 3, bgcolor: "background.paper" }}
        data-testid="rules-summary"
      >
        {t("results.rules.summary", { area: rules.deputyAreaWeight, unit: rules.unitWeight })}
        {rules.headCappedByUnit && ` ${t("results.rules.headCappedShort")}`}
        {rules.deputyCap &&
          ` ${t("results.rules.capShort", { below: rules.deputyCap.areaIndexBelow, band: bandLabel(rules.deputyCap.band) })}`}
      </Alert>
      {[...byType.entries()].map(([type, rows]) => (
        <Paper key={type} variant="outlined" sx={{ mb: 3 }}>
          <Typography
            variant="h6"
            component="h2"
            sx={{ px: 2, py: 1.5, borderBottom: 1, borderColor: "divider" }}
          >
            {typeNames.name(type)}
          </Typography>
          <TableContainer>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t("results.responsibility.leader")}</TableCell>
                  <TableCell>{t("results.responsibility.position")}</TableCell>
                  <TableCell>{t("results.responsibility.areas")}</TableCell>
                  <TableCell align="right">{t("results.responsibility.areaIndex")}</TableCell>
                  <TableCell align="right">{t("results.responsibility.index")}</TableCell>
                  <TableCell>{t("results.table.classification")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((u) => (
                  <Fragment key={u.dossierId}>
                    <TableRow
                      sx={{ bgcolor: "action.hover" }}
                      data-testid={`responsibility-unit-${u.unit.code}`}
                    >
                      <TableCell colSpan={4}>
                        <Typography variant="subtitle2">{u.unit.name}</Typography>
                      </TableCell>
                      <TableCell align="right">
                        <Typography variant="subtitle2">
                          {u.visible ? showIndex(u.unitIndex, lang) : "—"}
                        </Typography>
                      </TableCell>
                      <TableCell>
                        {u.visible ? (
                          <BandChip code={u.unitClassification} label={bandLabel(u.unitClassification)} />
                        ) : (
                          <Chip size="small" label={t("results.responsibility.recused")} />
                        )}
                      </TableCell>
                    </TableRow>
                    {u.leaders.map((l) => (
                      <TableRow key={l.leaderId}>
                        <TableCell sx={{ pl: 4 }}>{l.fullName}</TableCell>
                        <TableCell>{l.title}</TableCell>
                        <TableCell>
                          {l.position === "head"
                            ? t("results.responsibility.wholeUnit")
                            : l.areaCodes.join(", ")}
                        </TableCell>
                        <TableCell align="right" sx={{ color: l.areasBelowHalf ? "error.main" : undefined }}>
                          {l.position === "head" ? "" : showIndex(l.areaIndex, lang)}
                          {l.areasBelowHalf && (
                            <Chip
                              size="small"
                              color="error"
                              variant="outlined"
                              label="< 50 %"
                              sx={{ ml: 1 }}
                            />
                          )}
                        </TableCell>
                        <TableCell align="right" sx={{ fontWeight: 600 }}>
                          {showIndex(l.index, lang)}
                        </TableCell>
                        <TableCell>
                          <BandChip code={l.classification} label={bandLabel(l.classification)} />
                          {l.capped && (
                            <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                              {t("results.responsibility.capped")}
                            </Typography>
                          )}
                        </TableCell>
                      </TableRow>
                    ))}
                  </Fragment>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Paper>
      ))}
      {editing && (
        <RulesDialog
          period={period}
          rules={rules}
          onClose={() => setEditing(false)}
          onSaved={report.reload}
        />
      )}
    </>
  );
}
