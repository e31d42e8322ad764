import { Box, Chip, Link, Stack, Typography } from "@mui/material";
import { compareRankingRows, type TDashboardUnit } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { Link as RouterLink } from "react-router-dom";
import { PROPOSED_MARK, ProposedNote } from "../../components/ProposedNote";
import { StatusChip } from "../../components/StatusChip";
import { bandFootnotes, FootnoteList, FootnoteMark } from "../../components/BandFootnotes";
import { showIndex, showPoints } from "../../format/points";
import { currentLang } from "../../i18n";
import { bandColor } from "./bands";
import { ChartCard } from "./ChartCard";
import { DataTable } from "./DataTable";
import { RankingChart } from "./RankingChart";

interface Props {
  rows: TDashboardUnit[];
  title: string;
  bandCodes: string[];
  bandLabel: (code: string | null) => string;
  moves: ReadonlyMap<string, number>;
  selected: string | null;
  onSelect: (dossierId: string) => void;
  big?: boolean;
}

/** The live ranking of one unit type: the bar chart, or the table with a link to each dossier. */
export function RankingCard({ rows, title, bandCodes, bandLabel, moves, selected, onSelect, big }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const sorted = [...rows].sort(compareRankingRows);
  const provisional = rows.some((r) => r.provisional);
  // Recused on a unit of this type, the viewer gets no ranks at all in it (docs/visibility.md): say why.
  const ranksHidden = rows.some((r) => r.hidden) && rows.every((r) => r.rank === null);
  // Why a band is not the index's own (a quota or an override): footnoted under the table.
  const bands = bandCodes.map((code) => ({ code, label: bandLabel(code), labelEn: bandLabel(code) }));
  const { notes, marks } = bandFootnotes(sorted, bands, lang);
  return (
    <ChartCard
      big={big}
      testId="dash-ranking"
      title={title}
      subtitle={[
        t(provisional ? "dashboard.ranking.provisional" : "dashboard.ranking.final"),
        ranksHidden ? t("ranking.ranksHidden") : "",
      ]
        .filter(Boolean)
        .join(" ")}
      actions={
        <Chip
          size="small"
          color={provisional ? "warning" : "success"}
          variant="outlined"
          label={t(provisional ? "ranking.provisional" : "ranking.final")}
        />
      }
      chart={
        <>
          <ProposedNote rows={rows} big={big} />
          <RankingChart
            rows={rows}
            bandCodes={bandCodes}
            moves={moves}
            selected={selected}
            onSelect={onSelect}
            big={big}
          />
          <Stack
            direction="row"
            spacing={2}
            useFlexGap
            sx={{ mt: 1.5, flexWrap: "wrap", alignItems: "center", color: "text.secondary" }}
          >
            <Legend provisional big={big} label={t("dashboard.provisionalShort")} />
            <Legend big={big} label={`${t("dashboard.agreed")} ✓`} />
            <Typography variant={big ? "body1" : "caption"}>{t("dashboard.sinceStart")}</Typography>
          </Stack>
          <BandLegend bandCodes={bandCodes} bandLabel={bandLabel} big={big} />
        </>
      }
      table={
        <>
          <DataTable
            big={big}
            testId="dash-ranking-table"
            head={[
              t("dossiers.unit"),
              t("ranking.rank"),
              t("dashboard.sinceStart"),
              t("ranking.total"),
              t("ranking.index"),
              t("ranking.classification"),
              t("dossiers.status"),
            ]}
            rows={sorted.map((r) => [
              <Link key="l" component={RouterLink} to={`/dossiers/${r.dossierId}`}>
                {r.unit.name}
              </Link>,
              r.rank ?? "—",
              moves.get(r.unit.id)
                ? `${moves.get(r.unit.id)! > 0 ? "▲" : "▼"} ${Math.abs(moves.get(r.unit.id)!)}`
                : "",
              `${showPoints(r.total, lang)}${r.hidden ? "" : r.proposed ? ` ${PROPOSED_MARK} (${t("ranking.proposed")})` : r.provisional ? ` (${t("dashboard.provisionalShort")})` : " ✓"}`,
              showIndex(r.index, lang),
              <span key="b">
                {bandLabel(r.classification)}
                <FootnoteMark n={marks.get(r.unit.id)} />
              </span>,
              <StatusChip key="s" status={r.status} />,
            ])}
          />
          <FootnoteList notes={notes} />
        </>
      }
    />
  );
}

/** What the bars' colours mean: one swatch per classification band of the period, and grey for no class yet. */
function BandLegend({
  bandCodes,
  bandLabel,
  big,
}: {
  bandCodes: string[];
  bandLabel: (code: string | null) => string;
  big?: boolean;
}) {
  const { t } = useTranslation();
  const swatch = (code: string | null, label: string) => (
    <Stack
      key={code ?? "none"}
      direction="row"
      spacing={0.75}
      sx={{ alignItems: "center" }}
      data-testid="band-swatch"
      data-color={bandColor(code, bandCodes)}
    >
      <Box
        sx={{
          width: big ? 18 : 12,
          height: big ? 18 : 12,
          borderRadius: "50%",
          bgcolor: bandColor(code, bandCodes),
        }}
      />
      <Typography variant={big ? "body1" : "caption"}>{label}</Typography>
    </Stack>
  );
  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      sx={{ mt: 1, flexWrap: "wrap", alignItems: "center", color: "text.secondary" }}
      data-testid="dash-band-legend"
    >
      {bandCodes.map((code) => swatch(code, bandLabel(code)))}
      {swatch(null, t("dashboard.noBand"))}
    </Stack>
  );
}

/** A swatch of the bar styles: hatched and dashed while provisional, solid once agreed. */
function Legend({ provisional, label, big }: { provisional?: boolean; label: string; big?: boolean }) {
  return (
    <Stack direction="row" spacing={0.75} sx={{ alignItems: "center" }}>
      <Box
        sx={{
          width: big ? 36 : 26,
          height: big ? 18 : 12,
          borderRadius: 0.5,
          bgcolor: "primary.main",
          opacity: provisional ? 0.75 : 1,
          boxSizing: "border-box",
          border: provisional ? "1.5px dashed rgba(0,0,0,.35)" : "none",
          backgroundImage: provisional
            ? "repeating-linear-gradient(135deg, transparent 0 5px, rgba(255,255,255,.45) 5px 10px)"
            : undefined,
        }}
      />
      <Typography variant={big ? "body1" : "caption"}>{label}</Typography>
    </Stack>
  );
}
