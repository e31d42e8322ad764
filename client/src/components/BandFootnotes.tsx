import { Box, Typography } from "@mui/material";
import { whyFootnote, type ClassificationBand, type TClassificationWhy } from "@ca/shared";
import { useTranslation } from "react-i18next";

type Band = { code: string; label: string; labelEn: string };
interface Row {
  unit: { id: string };
  why: TClassificationWhy | null;
}

/**
 * Why each unit has its band, as footnotes (docs/periods-and-classification.md): a band set by a quota or an
 * override gets a marker (1), (2)…, and the notes are listed under the table, in the reader's language.
 */
export function bandFootnotes(rows: readonly Row[], bands: readonly Band[], lang: "vi" | "en") {
  const notes: string[] = [];
  const marks = new Map<string, number>();
  // The footnote text only reads codes and labels of the bands.
  const scheme = bands as unknown as ClassificationBand[];
  for (const r of rows) {
    const note = whyFootnote(r.why, scheme, lang);
    if (!note) continue;
    notes.push(note);
    marks.set(r.unit.id, notes.length);
  }
  return { notes, marks };
}

/** The marker after a band. */
export function FootnoteMark({ n }: { n: number | undefined }) {
  if (!n) return null;
  return (
    <Box component="sup" sx={{ ml: 0.25, fontWeight: 700, color: "warning.dark" }} data-testid="band-mark">
      ({n})
    </Box>
  );
}

/** The notes under a table. */
export function FootnoteList({ notes }: { notes: readonly string[] }) {
  const { t } = useTranslation();
  if (!notes.length) return null;
  return (
    <Box component="ol" sx={{ m: 0, px: 2, py: 1.5, listStyle: "none" }} aria-label={t("why.title")}>
      {notes.map((note, i) => (
        <Typography component="li" variant="body2" color="text.secondary" key={i} data-testid="band-footnote">
          ({i + 1}) {note}
        </Typography>
      ))}
    </Box>
  );
}
