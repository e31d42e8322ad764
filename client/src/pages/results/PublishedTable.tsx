import { Fragment, useState } from "react";
import {
  Box,
  Chip,
  Collapse,
  IconButton,
  LinearProgress,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import KeyboardArrowDown from "@mui/icons-material/KeyboardArrowDown";
import KeyboardArrowUp from "@mui/icons-material/KeyboardArrowUp";
import type { TPublishedRow } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { RankCell, tiesOf } from "../../components/RankCell";
import { showIndex, showPoints } from "../../format/points";
import { titleIn } from "../../format/titles";
import { currentLang } from "../../i18n";
import { bandFootnotes, FootnoteList, FootnoteMark } from "../../components/BandFootnotes";

// Band colours by the band's code; unknown schemes fall back to neutral.
const BAND_COLOR: Record<string, "success" | "primary" | "info" | "warning" | "error" | "default"> = {
  xuat_sac: "success",
  tot: "primary",
  kha: "info",
  trung_binh: "warning",
  yeu: "error",
  hoan_thanh_xuat_sac: "success",
  hoan_thanh_tot: "primary",
  hoan_thanh: "warning",
  khong_hoan_thanh: "error",
};

/** A classification as a coloured chip. */
export function BandChip({ code, label }: { code: string | null; label: string | null }) {
  if (!code) return <Typography color="text.secondary">—</Typography>;
  return <Chip size="small" color={BAND_COLOR[code] ?? "default"} variant="outlined" label={label ?? code} />;
}

const PHONE_HIDDEN = { display: { xs: "none", sm: "table-cell" } } as const;

/** One unit type's published ranking; each row opens the unit's score card by area. */
export function PublishedTable({ title, rows }: { title: string; rows: TPublishedRow[] }) {
  const { t } = useTranslation();
  const ties = tiesOf(rows);
  const lang = currentLang();
  const [open, setOpen] = useState<string | null>(null);
  // The published rows carry their bands' labels: the footnotes name bands from them.
  const bands = [
    ...new Map(
      rows
        .filter((r) => r.classification)
        .map((r) => [
          r.classification!,
          {
            code: r.classification!,
            label: r.classificationLabel ?? r.classification!,
            labelEn: r.classificationLabelEn ?? r.classification!,
          },
        ]),
    ).values(),
  ];
  const { notes, marks } = bandFootnotes(rows, bands, lang);
  return (
    <Paper variant="outlined" sx={{ mb: 3 }} data-testid="published-table">
      <Box sx={{ px: 2, py: 1.5, borderBottom: 1, borderColor: "divider" }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t("results.table.units", { count: rows.length })}
        </Typography>
      </Box>
      <TableContainer>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: { xs: 32, sm: 48 }, px: { xs: 0.5, sm: 2 } }} />
              <TableCell sx={{ width: { xs: 44, sm: 64 }, px: { xs: 0.5, sm: 2 } }}>
                {t("results.table.rank")}
              </TableCell>
              <TableCell sx={{ px: { xs: 0.5, sm: 2 } }}>{t("results.table.unit")}</TableCell>
              {/* On a phone the index and class matter most: the total is in the unit's score card. */}
              <TableCell align="right" sx={PHONE_HIDDEN}>
                {t("results.table.total")}
              </TableCell>
              <TableCell align="right">{t("results.table.index")}</TableCell>
              <TableCell sx={{ px: { xs: 0.5, sm: 2 } }}>{t("results.table.classification")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => {
              const isOpen = open === row.unit.code;
              return (
                <Fragment key={row.unit.code}>
                  <TableRow hover data-testid={`published-row-${row.unit.code}`}>
                    <TableCell sx={{ px: { xs: 0.5, sm: 2 } }}>
                      <IconButton
                        size="small"
                        aria-label={t("results.table.scoreCard")}
                        aria-expanded={isOpen}
                        onClick={() => setOpen(isOpen ? null : row.unit.code)}
                      >
                        {isOpen ? <KeyboardArrowUp /> : <KeyboardArrowDown />}
                      </IconButton>
                    </TableCell>
                    <TableCell sx={{ px: { xs: 0.5, sm: 2 } }}>
                      <RankCell row={row} ties={ties} />
                    </TableCell>
                    <TableCell sx={{ px: { xs: 0.5, sm: 2 } }}>{row.unit.name}</TableCell>
                    <TableCell align="right" sx={{ fontVariantNumeric: "tabular-nums", ...PHONE_HIDDEN }}>
                      {showPoints(row.total, lang)}
                    </TableCell>
                    <TableCell
                      align="right"
                      sx={{
                        fontVariantNumeric: "tabular-nums",
                        whiteSpace: "nowrap",
                        px: { xs: 0.5, sm: 2 },
                      }}
                    >
                      {showIndex(row.index, lang)}
                    </TableCell>
                    <TableCell sx={{ px: { xs: 0.5, sm: 2 } }}>
                      <BandChip
                        code={row.classification}
                        label={lang === "en" ? row.classificationLabelEn : row.classificationLabel}
                      />
                      <FootnoteMark n={marks.get(row.unit.id)} />
                    </TableCell>
                  </TableRow>
                  <TableRow>
                    <TableCell colSpan={6} sx={{ py: 0, borderBottom: isOpen ? undefined : "none" }}>
                      <Collapse in={isOpen} unmountOnExit>
                        <ScoreCard row={row} />
                      </Collapse>
                    </TableCell>
                  </TableRow>
                </Fragment>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      <FootnoteList notes={notes} />
    </Paper>
  );
}

/** A unit's points by area, with a bar for each area's index. */
function ScoreCard({ row }: { row: TPublishedRow }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Box sx={{ py: 2, px: { xs: 0, sm: 6 } }} data-testid={`score-card-${row.unit.code}`}>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {t("results.table.scoreCardOf", { unit: row.unit.name })}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t("results.table.area")}</TableCell>
            <TableCell align="right">{t("results.table.points")}</TableCell>
            <TableCell sx={{ width: "35%" }}>{t("results.table.index")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {row.areas.map((a) => (
            <TableRow key={a.code}>
              <TableCell>
                {a.code}. {titleIn(a, lang)}
              </TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}>
                {showPoints(a.achieved, lang)} / {showPoints(a.max, lang)}
              </TableCell>
              <TableCell>
                <Box sx={{ display: "flex", alignItems: "center", gap: 1 }}>
                  <LinearProgress
                    variant="determinate"
                    value={Math.min(100, a.index ?? 0)}
                    color={(a.index ?? 0) < 50 ? "error" : (a.index ?? 0) < 70 ? "warning" : "primary"}
                    sx={{ flexGrow: 1, height: 8, borderRadius: 4 }}
                  />
                  <Typography
                    variant="body2"
                    sx={{ minWidth: 72, textAlign: "right", fontVariantNumeric: "tabular-nums" }}
                  >
                    {showIndex(a.index, lang)}
                  </Typography>
                </Box>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
