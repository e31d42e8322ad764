import { Chip, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import type { TPeriod } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { resultsApi } from "../../api/results";
import { ErrorState, LoadingState } from "../../components/States";
import { showIndex } from "../../format/points";
import { useApi } from "../../hooks/useApi";
import { currentLang } from "../../i18n";
import { BandChip } from "./PublishedTable";

/** One unit's head and deputies with their results, from the stages the reader may see of its dossier. */
export function UnitResponsibilityCard({ dossierId, period }: { dossierId: string; period: TPeriod }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const data = useApi((signal) => resultsApi.dossierResponsibility(dossierId, signal), [dossierId]);
  if (data.error) return <ErrorState error={data.error} onRetry={data.reload} />;
  if (!data.data) return <LoadingState minHeight={120} />;
  const u = data.data;
  const label = (code: string | null) => {
    const b = period.classificationBands.find((x) => x.code === code);
    return b ? (lang === "en" ? b.labelEn : b.label) : null;
  };
  return (
    <Paper variant="outlined" sx={{ mb: 3 }} data-testid="unit-responsibility">
      <Typography variant="h6" component="h2" sx={{ px: 2, pt: 1.5 }}>
        {t("results.responsibility.title")} — {u.unit.name}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 1 }}>
        {t("results.responsibility.unitLine", { index: showIndex(u.unitIndex, lang) })}
      </Typography>
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
          {u.leaders.map((l) => (
            <TableRow key={l.leaderId}>
              <TableCell>{l.fullName}</TableCell>
              <TableCell>{l.title}</TableCell>
              <TableCell>
                {l.position === "head" ? t("results.responsibility.wholeUnit") : l.areaCodes.join(", ")}
              </TableCell>
              <TableCell align="right">
                {l.position === "head" ? "" : showIndex(l.areaIndex, lang)}
                {l.areasBelowHalf && (
                  <Chip size="small" color="error" variant="outlined" label="< 50 %" sx={{ ml: 1 }} />
                )}
              </TableCell>
              <TableCell align="right" sx={{ fontWeight: 600 }}>
                {showIndex(l.index, lang)}
              </TableCell>
              <TableCell>
                <BandChip code={l.classification} label={label(l.classification)} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
