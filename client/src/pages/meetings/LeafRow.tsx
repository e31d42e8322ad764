import { memo, useState } from "react";
import {
  alpha,
  Box,
  Chip,
  IconButton,
  InputAdornment,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from "@mui/material";
import ChatBubbleOutline from "@mui/icons-material/ChatBubbleOutline";
import ClearOutlined from "@mui/icons-material/ClearOutlined";
import LockOutlined from "@mui/icons-material/LockOutlined";
import PlaceOutlined from "@mui/icons-material/PlaceOutlined";
import SendOutlined from "@mui/icons-material/SendOutlined";
import ErrorOutline from "@mui/icons-material/ErrorOutline";
import {
  figuresToView,
  parsePoints,
  scaleProblem,
  scoreProblemMessage,
  type TAdjustment,
  type TLeafReview,
  type TProjectionLeaf,
} from "@ca/shared";
import type * as Y from "yjs";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../format/dates";
import { showDelta, showMax, showPoints, toCenti } from "../../format/points";
import { currentLang } from "../../i18n";
import { NoteField } from "./NoteField";
import { answerDraft, answerText, checkAnswer, sameAnswer, type AnswerBody } from "../dossier/kinds/answers";
import { useRelativeTime } from "./useRelativeTime";

/**
 * The numeric columns of a leaf row, shared with the area's header row so they line up: self, round 1, the
 * agency's proposal from its explanation, round 2, the live proposal in the meeting, the entry box, the actions.
 */
export const LEAF_GRID = "repeat(4, 66px) minmax(150px, 1fr) 136px 60px";
/** Below this width the columns scroll sideways inside their area rather than squeeze. */
export const LEAF_GRID_MIN = 640;
const STAGES = ["self", "round1", "proposed", "round2"] as const;
type Stage = (typeof STAGES)[number];

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

/** The column labels of the leaf rows of one area. */
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

export interface LeafRowProps {
  leaf: TProjectionLeaf;
  adjustment: TAdjustment | undefined;
  review: TLeafReview | undefined;
  note: Y.Text | undefined;
  byName: string | null;
  canEdit: boolean;
  /** A survey leaf takes its points from the survey: the meeting does not adjust it. */
  survey: boolean;
  canLock: boolean;
  selected: boolean;
  chairHere: boolean;
  /** `answer`: the level or figures proposed on a leaf of that kind (docs/scoring-kinds.md). */
  onPropose: (code: string, centi: number, answer?: AnswerBody) => void;
  onWithdraw: (code: string) => void;
  onLock: (code: string) => void;
  onSelect: (code: string) => void;
}

/** The stage a leaf's official score comes from: round 2, else round 1, else self. */
function officialStage(leaf: TProjectionLeaf): Stage | null {
  if (leaf.stages.round2 !== null) return "round2";
  if (leaf.stages.round1 !== null) return "round1";
  if (leaf.stages.self !== null) return "self";
  return null;
}

/** What each stage is compared with: round 1 and round 2 with the self-score, the agency's proposal with round 1. */
const BASE: Record<Stage, Stage | null> = { self: null, round1: "self", proposed: "round1", round2: "self" };

/** True when a stage's level or figures differ from those of the stage it is compared with. */
function changedAnswer(leaf: TProjectionLeaf, s: Stage): boolean {
  const base = BASE[s];
  const mine = leaf.answers[s];
  const theirs = base ? leaf.answers[base] : null;
  return !!mine && !!theirs && !sameAnswer(mine, theirs);
}

/** The range and step check of a typed proposal, the same rule the server applies (it has the last word). */
function check(text: string, leaf: TProjectionLeaf): { centi: number } | { error: string } | null {
  if (!text.trim()) return null;
  const centi = parsePoints(text);
  if (centi === null) return { error: "format" };
  const problem = scaleProblem(centi, toCenti(leaf.maxPoints), toCenti(leaf.step));
  return problem ? { error: problem } : { centi };
}

/** One criterion in the meeting: official score, the live proposal and who made it, the server's verdict, notes. */
export const LeafRow = memo(function LeafRow(p: LeafRowProps) {
  const { leaf, adjustment, review } = p;
  const { t } = useTranslation();
  const lang = currentLang();
  const [text, setText] = useState("");
  const [notesOpen, setNotesOpen] = useState(false);
  const locked = review?.state === "locked" || leaf.locked;
  const agreed =
    review?.state === "locked" ? review.score : leaf.agreed === null ? null : toCenti(leaf.agreed);
  const invalid =
    review?.state === "invalid"
      ? scoreProblemMessage(review.problem, review.vars, lang)
      : leaf.valid === false
        ? leaf.reason
        : null;
  const vars = { max: showMax(toCenti(leaf.maxPoints), lang), step: showMax(toCenti(leaf.step), lang) };
  // A kinded leaf takes a level's code or figures ("16/20"), its points derived as the server will.
  const kinded = leaf.kind !== "points" ? checkAnswer(text, leaf, t) : null;
  const result = kinded ? null : check(text, leaf);
  const error =
    kinded?.state === "invalid"
      ? kinded.message
      : result && "error" in result
        ? t(`score.errors.${result.error}`, vars)
        : null;
  const submit = () => {
    if (kinded?.state === "ok") {
      p.onPropose(leaf.code, kinded.centi, kinded.body);
      setText("");
    } else if (result && "centi" in result) {
      p.onPropose(leaf.code, result.centi);
      setText("");
    }
  };
  const adjustmentAnswer =
    adjustment && (adjustment.level || adjustment.figures)
      ? {
          level: adjustment.level ?? null,
          figures: adjustment.figures ? figuresToView(adjustment.figures) : null,
        }
      : null;
  const noteFilled = (p.note?.length ?? 0) > 0;
  const showNotes = (notesOpen || p.selected) && p.note;
  const official = officialStage(leaf);
  const when = useRelativeTime(adjustment?.at);

  return (
    <Box
      id={`meeting-leaf-${leaf.code}`}
      data-testid={`mleaf-${leaf.code}`}
      data-locked={locked || undefined}
      data-selected={p.selected || undefined}
      onClick={() => !p.selected && p.onSelect(leaf.code)}
      sx={{
        px: 2,
        py: 1,
        borderTop: 1,
        borderColor: "divider",
        borderLeft: 4,
        borderLeftColor: p.chairHere ? "primary.main" : p.selected ? "primary.light" : "transparent",
        bgcolor: (th) =>
          p.selected ? th.palette.action.hover : locked ? alpha(th.palette.success.main, 0.06) : undefined,
        cursor: p.selected ? undefined : "pointer",
      }}
    >
      <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.75 }}>
        <Box component="span" sx={{ color: "text.secondary", mr: 1, fontVariantNumeric: "tabular-nums" }}>
          {leaf.code}
        </Box>
        {leaf.title}
        {p.chairHere && (
          <Tooltip title={t("meeting.leaf.chairHere")}>
            <PlaceOutlined color="primary" sx={{ fontSize: 18, ml: 0.5, verticalAlign: "text-bottom" }} />
          </Tooltip>
        )}
        <Box component="span" sx={{ color: "text.secondary", fontWeight: 400, ml: 1, fontSize: 12 }}>
          {t("meeting.leaf.max", vars)}
        </Box>
      </Typography>
      <Box
        sx={{
          display: "grid",
          gridTemplateColumns: LEAF_GRID,
          columnGap: 1,
          alignItems: "start",
        }}
      >
        {p.survey ? (
          <Box
            sx={{ gridColumn: "span 4", textAlign: "right", pr: 0.5 }}
            data-testid={`mleaf-official-${leaf.code}`}
          >
            <Typography variant="caption" color="text.secondary" sx={{ mr: 1 }}>
              {t("meeting.stages.survey")}
            </Typography>
            <Typography component="span" sx={{ fontWeight: 700, fontVariantNumeric: "tabular-nums" }}>
              {showPoints(leaf.stages.survey ?? leaf.official, lang)}
            </Typography>
          </Box>
        ) : (
          STAGES.map((s) => {
            const value = leaf.stages[s];
            const base = BASE[s] ? leaf.stages[BASE[s]] : null;
            const isOfficial = s === official;
            const delta = value !== null && base !== null ? toCenti(value) - toCenti(base) : 0;
            return (
              <Box
                key={s}
                sx={{
                  textAlign: "right",
                  px: 0.5,
                  py: 0.25,
                  borderRadius: 0.75,
                  bgcolor: (th) => (isOfficial ? alpha(th.palette.primary.main, 0.08) : undefined),
                }}
                data-testid={`mleaf-stage-${s}-${leaf.code}`}
                data-official={isOfficial || undefined}
                data-stage={s}
                title={`${t(`meeting.stages.${s}`)}${isOfficial ? ` (${t("meeting.leaf.official")})` : ""}`}
              >
                <Typography
                  sx={{
                    fontWeight: isOfficial ? 700 : 400,
                    fontSize: 14,
                    fontVariantNumeric: "tabular-nums",
                    color: value === null ? "text.disabled" : s === "proposed" ? "secondary.main" : undefined,
                    fontStyle: s === "proposed" ? "italic" : undefined,
                  }}
                >
                  {showPoints(value, lang)}
                </Typography>
                {leaf.answers[s] && (
                  <Typography
                    variant="caption"
                    component="div"
                    noWrap
                    title={answerText(leaf, leaf.answers[s]!, lang) ?? undefined}
                    data-testid={`mleaf-answer-${s}-${leaf.code}`}
                    data-changed={changedAnswer(leaf, s) || undefined}
                    sx={{
                      fontVariantNumeric: "tabular-nums",
                      ...(changedAnswer(leaf, s) && {
                        bgcolor: "warning.light",
                        fontWeight: 700,
                        borderRadius: 0.5,
                      }),
                    }}
                  >
                    {answerDraft(leaf.answers[s]!, lang)}
                  </Typography>
                )}
                <Delta
                  centi={delta}
                  testId={`mleaf-delta-${s}-${leaf.code}`}
                  title={t(`meeting.stages.vs.${s}`)}
                />
              </Box>
            );
          })
        )}
        <Box sx={{ pl: 1.5, minWidth: 0 }} data-testid={`mleaf-proposal-${leaf.code}`}>
          {locked ? (
            <Stack direction="row" spacing={0.75} sx={{ alignItems: "center" }}>
              <Chip
                size="small"
                color="success"
                icon={<LockOutlined />}
                label={t("meeting.leaf.agreed", {
                  score: agreed === null ? "—" : showPoints(agreed / 100, lang),
                })}
                data-testid={`mleaf-locked-${leaf.code}`}
              />
              {agreed !== null && leaf.official !== null && (
                <Delta
                  centi={agreed - toCenti(leaf.official)}
                  testId={`mleaf-delta-agreed-${leaf.code}`}
                  title={t("meeting.stages.vs.live")}
                />
              )}
            </Stack>
          ) : p.survey && !adjustment ? (
            <Typography variant="body2" color="text.secondary">
              {t("meeting.leaf.survey")}
            </Typography>
          ) : adjustment ? (
            <Box>
              <Stack direction="row" spacing={0.75} sx={{ alignItems: "center" }}>
                <Typography
                  sx={{
                    fontWeight: 700,
                    fontVariantNumeric: "tabular-nums",
                    color: invalid ? "error.main" : "primary.main",
                  }}
                  data-testid={`mleaf-proposed-${leaf.code}`}
                >
                  {showPoints(adjustment.score / 100, lang)}
                </Typography>
                {adjustmentAnswer && (
                  <Typography
                    variant="caption"
                    noWrap
                    title={answerText(leaf, adjustmentAnswer, lang) ?? undefined}
                    data-testid={`mleaf-proposed-answer-${leaf.code}`}
                  >
                    {answerText(leaf, adjustmentAnswer, lang)}
                  </Typography>
                )}
                {leaf.official !== null && (
                  <Delta
                    centi={adjustment.score - toCenti(leaf.official)}
                    testId={`mleaf-delta-live-${leaf.code}`}
                    title={t("meeting.stages.vs.live")}
                  />
                )}
                {invalid && (
                  <Tooltip title={invalid}>
                    <ErrorOutline color="error" fontSize="small" data-testid={`mleaf-invalid-${leaf.code}`} />
                  </Tooltip>
                )}
                {p.canEdit && (
                  <IconButton
                    size="small"
                    aria-label={t("meeting.leaf.withdraw")}
                    onClick={() => p.onWithdraw(leaf.code)}
                    sx={{ p: 0.25 }}
                  >
                    <ClearOutlined fontSize="small" />
                  </IconButton>
                )}
              </Stack>
              <Typography
                variant="caption"
                color="text.secondary"
                noWrap
                component="div"
                title={formatDateTime(adjustment.at)}
                data-testid={`mleaf-by-${leaf.code}`}
              >
                {p.byName ?? t("meeting.tracker.someone")}
                {when ? ` · ${when}` : ""}
              </Typography>
            </Box>
          ) : (
            <Typography variant="body2" color="text.secondary">
              {t("meeting.leaf.noProposal")}
            </Typography>
          )}
          {invalid && adjustment && !locked && (
            <Typography variant="caption" color="error" sx={{ display: "block" }}>
              {invalid}
            </Typography>
          )}
        </Box>
        <Box>
          {p.canEdit && !locked && !p.survey && (
            <TextField
              size="small"
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => e.key === "Enter" && submit()}
              onClick={(e) => e.stopPropagation()}
              placeholder={t("meeting.leaf.propose")}
              error={!!error}
              helperText={error}
              fullWidth
              sx={{ "& .MuiInputBase-input": { fontSize: 14, pl: 1, pr: 0 } }}
              slotProps={{
                htmlInput: {
                  inputMode: "decimal",
                  autoComplete: "off",
                  "data-testid": `mleaf-input-${leaf.code}`,
                  "aria-label": t("meeting.leaf.proposeFor", { code: leaf.code }),
                },
                input: {
                  endAdornment: (
                    <InputAdornment position="end">
                      <Tooltip title={t("meeting.leaf.proposeButton")}>
                        <span>
                          <IconButton
                            size="small"
                            edge="end"
                            color="primary"
                            disabled={!result || "error" in result}
                            onClick={submit}
                            aria-label={t("meeting.leaf.proposeButton")}
                            data-testid={`mleaf-propose-${leaf.code}`}
                          >
                            <SendOutlined fontSize="small" />
                          </IconButton>
                        </span>
                      </Tooltip>
                    </InputAdornment>
                  ),
                },
                formHelperText: { sx: { mx: 0.5, lineHeight: 1.25 } },
              }}
            />
          )}
        </Box>
        <Stack direction="row" spacing={0} sx={{ justifyContent: "flex-end" }}>
          <Tooltip title={t("meeting.leaf.notes")}>
            <IconButton
              size="small"
              color={noteFilled ? "primary" : "default"}
              onClick={(e) => {
                e.stopPropagation();
                setNotesOpen((o) => !o);
              }}
              data-testid={`mleaf-notes-toggle-${leaf.code}`}
            >
              <ChatBubbleOutline fontSize="small" />
            </IconButton>
          </Tooltip>
          {p.canLock && !locked && !p.survey && (
            <Tooltip title={t("meeting.leaf.lock")}>
              <IconButton
                size="small"
                onClick={() => p.onLock(leaf.code)}
                data-testid={`mleaf-lock-${leaf.code}`}
              >
                <LockOutlined fontSize="small" />
              </IconButton>
            </Tooltip>
          )}
        </Stack>
      </Box>
      {showNotes && p.note && (
        <Box sx={{ mt: 1 }} onClick={(e) => e.stopPropagation()}>
          <NoteField text={p.note} readOnly={!p.canEdit} testId={`mleaf-notes-${leaf.code}`} />
        </Box>
      )}
    </Box>
  );
});
