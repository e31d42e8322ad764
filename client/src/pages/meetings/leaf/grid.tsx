import { Box, Tooltip, Typography } from "@mui/material";
import type { TProjectionLeaf } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { showDelta } from "../../../format/points";
import { currentLang } from "../../../i18n";
import { sameAnswer } from "../../dossier/kinds/answers";

/**
 * The numeric columns of a leaf row, shared with the area's header row so they line up: self, round 1, the
 * agency's proposal from its explanation, round 2, the live proposal in the meeting, the entry box, the actions.
 */
export const LEAF_GRID = "repeat(4, 66px) minmax(150px, 1fr) 136px 60px";
/**
 * On a phone the row is stacked instead: the four stages share the width (each names itself), then the live
 * proposal with the actions, then the entry box; nothing scrolls sideways.
 */
export const LEAF_GRID_PHONE = "repeat(4, minmax(0, 1fr))";
/** Below this width (wide layout) the columns scroll sideways inside their area rather than squeeze. */
export const LEAF_GRID_MIN = 640;

export const STAGES = ["self", "round1", "proposed", "round2"] as const;
export type MeetingStage = (typeof STAGES)[number];

/** What each stage is compared with: round 1 and round 2 with the self-score, the agency's proposal with round 1. */
export const BASE: Record<MeetingStage, MeetingStage | null> = {
  self: null,
  round1: "self",
  proposed: "round1",
  round2: "self",
};

/** The stage a leaf's official score comes from: round 2, else round 1, else self. */
export function officialStage(leaf: TProjectionLeaf): MeetingStage | null {
  if (leaf.stages.round2 !== null) return "round2";
  if (leaf.stages.round1 !== null) return "round1";
  if (leaf.stages.self !== null) return "self";
  return null;
}

/** True when a stage's level or figures differ from those of the stage it is compared with. */
export function changedAnswer(leaf: TProjectionLeaf, s: MeetingStage): boolean {
  const base = BASE[s];
  const mine = leaf.answers[s];
  const theirs = base ? leaf.answers[base] : null;
  return !!mine && !!theirs && !sameAnswer(mine, theirs);
}

/** A difference with its sign and an arrow (never colour alone): "▲ +0,50", "▼ −1,00". */
export function Delta({ centi, testId, title }: { centi: number; testId?: string; title?: string }) {
  const lang = currentLang();
  if (centi === 0) return null;
  return (
    <Box
      component="span"
      title={title}
      data-testid={testId}
      sx={{
        display: "inline-block",
        fontSize: 11.5,
        lineHeight: 1.3,
        fontWeight: 600,
        fontVariantNumeric: "tabular-nums",
        color: centi > 0 ? "success.dark" : "error.main",
        whiteSpace: "nowrap",
      }}
    >
      {centi > 0 ? "▲" : "▼"} {showDelta(centi, lang)}
    </Box>
  );
}

/** The column labels of the leaf rows of one area (wide layout; on a phone each cell names itself). */
export function LeafGridHeader() {
  const { t } = useTranslation();
  const label = (text: string, hint?: string) => (
    <Tooltip title={hint ?? ""} disableHoverListener={!hint}>
      <Typography
        variant="caption"
        color="text.secondary"
        sx={{ textAlign: "right", lineHeight: 1.2, fontWeight: 600 }}
      >
        {text}
      </Typography>
    </Tooltip>
  );
  return (
    <Box
      aria-hidden
      sx={{
        display: "grid",
        gridTemplateColumns: LEAF_GRID,
        columnGap: 1,
        px: 2,
        pb: 0.75,
        alignItems: "end",
      }}
    >
      {STAGES.map((s) => (
        <Box key={s} sx={{ textAlign: "right" }}>
          {label(t(`meeting.stages.${s}`), t(`meeting.stages.hint.${s}`))}
        </Box>
      ))}
      <Box sx={{ pl: 1.5 }}>{label(t("meeting.leaf.proposal"))}</Box>
      <span />
      <span />
    </Box>
  );
}
