import {
  Box,
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
import ArrowDropDown from "@mui/icons-material/ArrowDropDown";
import ArrowDropUp from "@mui/icons-material/ArrowDropUp";
import type { TPeriod, TRankingRow } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { RankCell, tiesOf } from "../../components/RankCell";
import { StatusChip } from "../../components/StatusChip";
import { bandFootnotes, FootnoteList, FootnoteMark } from "../../components/BandFootnotes";
import { showIndex, showPoints } from "../../format/points";
import { currentLang } from "../../i18n";

interface Props {
  title: string;
  rows: readonly TRankingRow[];
  bands: TPeriod["classificationBands"];
  /** Rank change since the previous refresh by unit id (positive: moved up). */
  moves: ReadonlyMap<string, number>;
}

function Move({ delta }: { delta: number | undefined }) {
  const { t } = useTranslation();
  if (!delta) return null;
  const up = delta > 0;
  return (
    <Box
      component="span"
      title={t(up ? "ranking.up" : "ranking.down", { n: Math.abs(delta) })}
      sx={{
        display: "inline-flex",
        alignItems: "center",
        color: up ? "success.main" : "error.main",
        fontSize: 12,
      }}
      data-testid="rank-move"
    >
      {up ? <ArrowDropUp fontSize="small" /> : <ArrowDropDown fontSize="small" />}
      {Math.abs(delta)}
    </Box>
  );
}

/** The ranking of one unit type: rank (ties shared), totals, index, classification, provisional or final. */
export function RankingTable({ title, rows, bands, moves }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const ties = tiesOf(rows);
  const label = (code: string | null) => {
    if (!code) return "—";
    const band = bands.find((b) => b.code === code || b.label === code);
    return band ? (lang === "en" ? band.labelEn : band.label) : code;
  };
  const { notes, marks } = bandFootnotes(rows, bands, lang);
  return (
    <Paper variant="outlined" sx={{ mb: 3 }}>
      <Typography variant="h6" component="h2" sx={{ px: 2, py: 1.5 }}>
        {title}
      </Typography>
      {/* Recused on a unit of this type, the viewer gets no ranks in it (docs/visibility.md): say why. */}
      {rows.some((r) => r.total === null) && rows.every((r) => r.rank === null) && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 1 }} data-testid="ranks-hidden">
          {t("ranking.ranksHidden")}
        </Typography>
      )}
      <TableContainer>
        <Table size="small" data-testid="ranking-table">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 90 }}>{t("ranking.rank")}</TableCell>
              <TableCell>{t("dossiers.unit")}</TableCell>
              <TableCell align="right">{t("ranking.total")}</TableCell>
              <TableCell align="right">{t("ranking.index")}</TableCell>
              <TableCell>{t("ranking.classification")}</TableCell>
              <TableCell>{t("ranking.kind")}</TableCell>
              <TableCell>{t("dossiers.status")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.unit.id} hover data-testid="ranking-row">
                <TableCell sx={{ fontWeight: 700, fontVariantNumeric: "tabular-nums" }}>
                  <RankCell row={r} ties={ties} /> <Move delta={moves.get(r.unit.id)} />
                </TableCell>
                <TableCell sx={{ minWidth: 220 }}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {r.unit.name}
                  </Typography>
                </TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: "tabular-nums", fontWeight: 600 }}>
                  {showPoints(r.total, lang)}
                </TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: "tabular-nums" }}>
                  {showIndex(r.index, lang)}
                </TableCell>
                <TableCell>
                  {label(r.classification)}
                  <FootnoteMark n={marks.get(r.unit.id)} />
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    variant={r.provisional ? "outlined" : "filled"}
                    color={r.provisional ? "warning" : "success"}
                    label={t(r.provisional ? "ranking.provisional" : "ranking.final")}
                  />
                </TableCell>
                <TableCell>
                  <StatusChip status={r.status} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <FootnoteList notes={notes} />
    </Paper>
  );
}
