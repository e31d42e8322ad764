import {
  Box,
  Chip,
  Paper,
  Stack,
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
import { PROPOSED_MARK, ProposedNote } from "../../components/ProposedNote";
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

// A phone keeps rank, unit, index and class in 390 px: the total, the kind and the status columns go (the index
// carries the total against the maximum; the kind and the status move under the unit's name), the cells tighten.
const PHONE_HIDDEN = { display: { xs: "none", sm: "table-cell" } } as const;
const TIGHT = { px: { xs: 0.75, sm: 2 } } as const;

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
      {/* Recused on a unit of this type, the viewer gets no ranks in it (docs/visibility.md): say why. Units merely
          not appraised yet are unranked, and their rows say so: that is no recusal. */}
      {rows.some((r) => r.standing === "hidden") && rows.every((r) => r.rank === null) && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 1 }} data-testid="ranks-hidden">
          {t("ranking.ranksHidden")}
        </Typography>
      )}
      <ProposedNote rows={rows} sx={{ px: 2, pb: 1 }} />
      <TableContainer>
        <Table size="small" data-testid="ranking-table">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: { sm: 90 }, ...TIGHT }}>{t("ranking.rank")}</TableCell>
              <TableCell sx={TIGHT}>{t("dossiers.unit")}</TableCell>
              <TableCell align="right" sx={PHONE_HIDDEN}>
                {t("ranking.total")}
              </TableCell>
              <TableCell align="right" sx={TIGHT}>
                {t("ranking.index")}
              </TableCell>
              <TableCell sx={TIGHT}>{t("ranking.classification")}</TableCell>
              <TableCell sx={PHONE_HIDDEN}>{t("ranking.kind")}</TableCell>
              <TableCell sx={PHONE_HIDDEN}>{t("dossiers.status")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => {
              const kind = r.proposed ? (
                <Chip
                  size="small"
                  variant="outlined"
                  color="info"
                  label={`${PROPOSED_MARK} ${t("ranking.proposed")}`}
                  data-testid="ranking-row-proposed"
                />
              ) : (
                <Chip
                  size="small"
                  variant={r.provisional ? "outlined" : "filled"}
                  color={r.provisional ? "warning" : "success"}
                  label={t(r.provisional ? "ranking.provisional" : "ranking.final")}
                />
              );
              return (
                <TableRow key={r.unit.id} hover data-testid="ranking-row">
                  <TableCell sx={{ fontWeight: 700, fontVariantNumeric: "tabular-nums", ...TIGHT }}>
                    <RankCell row={r} ties={ties} /> <Move delta={moves.get(r.unit.id)} />
                  </TableCell>
                  <TableCell sx={{ minWidth: { sm: 220 }, ...TIGHT }}>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {r.unit.name}
                    </Typography>
                    {/* On a phone the kind and the status sit under the unit, their columns hidden. */}
                    <Stack
                      direction="row"
                      spacing={0.5}
                      useFlexGap
                      sx={{
                        display: { xs: "flex", sm: "none" },
                        flexWrap: "wrap",
                        mt: 0.5,
                        // A long status ("Đã thẩm định lần 2") wraps inside the unit's cell rather than widening it.
                        "& .MuiChip-root": { maxWidth: "100%", height: "auto", minHeight: 24 },
                        "& .MuiChip-label": { whiteSpace: "normal" },
                      }}
                    >
                      {kind}
                      <StatusChip status={r.status} />
                    </Stack>
                  </TableCell>
                  <TableCell
                    align="right"
                    sx={{ fontVariantNumeric: "tabular-nums", fontWeight: 600, ...PHONE_HIDDEN }}
                  >
                    {showPoints(r.total, lang)}
                    {r.proposed && ` ${PROPOSED_MARK}`}
                  </TableCell>
                  <TableCell
                    align="right"
                    sx={{ fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", ...TIGHT }}
                    data-testid="ranking-index"
                  >
                    {showIndex(r.index, lang)}
                  </TableCell>
                  <TableCell sx={TIGHT} data-testid="ranking-class">
                    {label(r.classification)}
                    <FootnoteMark n={marks.get(r.unit.id)} />
                  </TableCell>
                  <TableCell sx={PHONE_HIDDEN}>{kind}</TableCell>
                  <TableCell sx={PHONE_HIDDEN}>
                    <StatusChip status={r.status} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      <FootnoteList notes={notes} />
    </Paper>
  );
}
