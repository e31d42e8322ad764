import { Box, Chip, Stack, Tooltip, Typography } from "@mui/material";
import type { TLeafView } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../format/dates";
import { showDelta, showPoints } from "../../format/points";
import { currentLang } from "../../i18n";
import { centiOf } from "./model";
import { answerText, sameAnswer } from "./kinds/answers";

type Answer = { level: string | null; figures: NonNullable<TLeafView["stages"]["self"]>["figures"] };

type Kind = "self" | "round1" | "proposal" | "round2" | "agreed";
interface Entry {
  kind: Kind;
  score: number;
  draft: boolean;
  by: string | null;
  at: string | null;
  /** The level or figures the points derive from (null on a `points` leaf). */
  answer: Answer | null;
  /** Difference to the stage it revises, and that stage's name. */
  delta: { value: number; against: Kind } | null;
  /** The level or figures differ from those of the stage it revises. */
  answerChanged: boolean;
}

const answerOf = (s: { level: string | null; figures: Answer["figures"] }): Answer | null =>
  s.level || s.figures ? { level: s.level, figures: s.figures } : null;

/** The stages of one leaf in workflow order; each council stage shows its difference to the one it revises. */
export function stagesOf(leaf: TLeafView): Entry[] {
  const s = leaf.stages;
  const answered = leaf.comments.filter((c) => c.kind === "request" && c.proposedScore !== null);
  const proposal = answered[answered.length - 1];
  const raw: Omit<Entry, "delta" | "answerChanged">[] = [];
  if (s.self)
    raw.push({
      kind: "self",
      score: s.self.score,
      answer: answerOf(s.self),
      draft: false,
      by: s.self.by,
      at: s.self.at,
    });
  if (s.round1)
    raw.push({
      kind: "round1",
      score: s.round1.score,
      answer: answerOf(s.round1),
      draft: !s.round1.confirmed,
      by: s.round1.by,
      at: s.round1.at,
    });
  if (proposal)
    raw.push({
      kind: "proposal",
      score: proposal.proposedScore!,
      answer: answerOf({ level: proposal.proposedLevel, figures: proposal.proposedFigures }),
      draft: false,
      by: null,
      at: proposal.answeredAt,
    });
  if (s.round2)
    raw.push({
      kind: "round2",
      score: s.round2.score,
      answer: answerOf(s.round2),
      draft: !s.round2.confirmed,
      by: s.round2.by,
      at: s.round2.at,
    });
  if (s.agreed)
    raw.push({
      kind: "agreed",
      score: s.agreed.score,
      answer: answerOf(s.agreed),
      draft: false,
      by: s.agreed.by,
      at: s.agreed.at,
    });
  // Round 1 is compared with the self score; the proposal and round 2 with round 1 (what the explanation revises).
  const basis: Record<Kind, Kind[]> = {
    self: [],
    round1: ["self"],
    proposal: ["round1", "self"],
    round2: ["round1", "self"],
    agreed: ["round2", "round1", "self"],
  };
  return raw.map((e) => {
    const against = basis[e.kind].map((k) => raw.find((r) => r.kind === k)).find(Boolean);
    const value = against ? (centiOf(e.score) ?? 0) - (centiOf(against.score) ?? 0) : null;
    const answerChanged =
      !!against && !!e.answer && !!against.answer && !sameAnswer(e.answer, against.answer);
    return {
      ...e,
      delta: against && value !== null ? { value, against: against.kind } : null,
      answerChanged,
    };
  });
}

/**
 * The delta as a small chip: red when the council lowers the score, green when it raises it, and "không đổi" when it
 * keeps it (a bare "0,00" beside a score read as a figure nobody explained).
 */
export function DeltaChip({ value, title }: { value: number; title?: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const color = value < 0 ? "error" : value > 0 ? "success" : "default";
  return (
    <Tooltip title={title ?? ""}>
      <Chip
        size="small"
        color={color}
        variant={value === 0 ? "outlined" : "filled"}
        label={value === 0 ? t("stage.unchanged") : showDelta(value, lang)}
        aria-label={title}
        data-testid="delta-chip"
        sx={{ height: 20, fontSize: 12, fontVariantNumeric: "tabular-nums" }}
      />
    </Tooltip>
  );
}

/** Self → round 1 → proposal → round 2 → agreed, as far as the reader may see them. */
export function StageChips({ leaf }: { leaf: TLeafView }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const entries = stagesOf(leaf);
  if (entries.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        {t("stage.none")}
      </Typography>
    );
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap", alignItems: "center" }}>
      {entries.map((e) => (
        <Tooltip
          key={e.kind}
          title={[e.by, e.at && formatDateTime(e.at)].filter(Boolean).join(" · ")}
          placement="top"
        >
          <Box
            data-testid={`stage-${e.kind}`}
            data-draft={e.draft || undefined}
            sx={{
              display: "inline-flex",
              flexWrap: "wrap",
              maxWidth: "100%",
              alignItems: "center",
              gap: 0.75,
              px: 1,
              py: 0.25,
              borderRadius: 1,
              border: 1,
              borderStyle: e.draft ? "dashed" : "solid",
              borderColor: e.draft ? "warning.main" : "divider",
              bgcolor: e.kind === "self" ? "grey.50" : "background.paper",
            }}
          >
            <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: "nowrap" }}>
              {t(`stage.${e.kind}`)}
            </Typography>
            {e.answer && (
              <Typography
                variant="body2"
                data-testid={`answer-${e.kind}`}
                data-changed={e.answerChanged || undefined}
                title={e.answerChanged ? t("kind.changed") : undefined}
                sx={{
                  px: 0.5,
                  borderRadius: 0.5,
                  whiteSpace: "nowrap",
                  fontVariantNumeric: "tabular-nums",
                  ...(e.answerChanged && { bgcolor: "warning.light", fontWeight: 700 }),
                }}
              >
                {answerText(leaf, e.answer, lang)} →
              </Typography>
            )}
            <Typography variant="body2" sx={{ fontWeight: 700, fontVariantNumeric: "tabular-nums" }}>
              {showPoints(e.score, lang)}
            </Typography>
            {e.delta && (
              <DeltaChip
                value={e.delta.value}
                title={t("stage.deltaAgainst", { stage: t(`stage.${e.delta.against}`) })}
              />
            )}
            {e.draft && (
              <Chip size="small" color="warning" label={t("stage.draft")} sx={{ height: 20, fontSize: 11 }} />
            )}
          </Box>
        </Tooltip>
      ))}
    </Stack>
  );
}
