import { useState } from "react";
import { Alert, Box, Button, Checkbox, FormControlLabel, Stack, TextField, Typography } from "@mui/material";
import { centiToNumber, formatPoints, parsePoints, type TLeafView } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/http";
import { dossiersApi } from "../../../api/dossiers";
import { currentLang } from "../../../i18n";
import { checkScore } from "../scoreCheck";
import { ScoreField } from "../ScoreField";
import { answerDraft, type AnswerBody } from "../kinds/answers";
import { KindField } from "../kinds/KindField";

type ReviewAnswer = { score: number | null } | AnswerBody;

interface Props {
  dossierId: string;
  leaf: TLeafView;
  round: 1 | 2;
  /** The working group's saves are drafts; a council member's save of the leaf confirms them. */
  draftsOnly: boolean;
  onSaved: (message: string) => void;
}

/** The council's input for one leaf in a round: score, comment, and in round 1 a request for explanation. */
export function ReviewForm({ dossierId, leaf, round, draftsOnly, onSaved }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const stage = round === 1 ? leaf.stages.round1 : leaf.stages.round2;
  // A kinded leaf is appraised by its level or figures (docs/scoring-kinds.md); the server derives the points.
  const kinded = leaf.kind !== "points";
  const initial = kinded
    ? answerDraft(stage, lang)
    : stage
      ? formatPoints(parsePoints(stage.score) ?? 0, lang)
      : "";
  const [score, setScore] = useState(initial);
  const [comment, setComment] = useState("");
  const [request, setRequest] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scored = leaf.method !== "survey" && leaf.applicable;
  const check = checkScore(score, leaf, round === 1 ? "round1" : "round2", t, lang);

  const send = async (body: ReviewAnswer & { comment: string; requestExplanation: boolean }) => {
    setBusy(true);
    setError(null);
    try {
      await dossiersApi.review(dossierId, leaf.code, { round, ...body });
      setComment("");
      setRequest(false);
      onSaved(draftsOnly ? t("review.savedDraft") : t("review.saved"));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("errors.unknown"));
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    if (check.state === "invalid") return;
    const answer: ReviewAnswer =
      check.state !== "ok" ? { score: null } : (check.body ?? { score: centiToNumber(check.centi) });
    if (check.state !== "ok" && !comment.trim()) return setError(t("review.errors.empty"));
    if (request && !comment.trim()) return setError(t("review.errors.requestNeedsComment"));
    void send({ ...answer, comment: comment.trim(), requestExplanation: request });
  };

  return (
    <Stack spacing={1.5} data-testid={`review-form-${leaf.code}`}>
      {error && <Alert severity="error">{error}</Alert>}
      {scored ? (
        <Stack direction="row" spacing={1.5} sx={{ alignItems: "flex-start" }}>
          {kinded ? (
            <KindField leaf={leaf} code={`review-${leaf.code}`} value={score} onChange={setScore} />
          ) : (
            <ScoreField
              leaf={leaf}
              value={score}
              onChange={setScore}
              error={check.state === "invalid" ? check.message : null}
              label={t("score.label")}
              testId={`review-score-${leaf.code}`}
            />
          )}
          {stage && !stage.confirmed && !draftsOnly && (
            <Button
              variant="outlined"
              color="warning"
              disabled={busy}
              onClick={() =>
                send({
                  ...(stage.level
                    ? { level: stage.level }
                    : stage.figures
                      ? { figures: stage.figures }
                      : { score: stage.score }),
                  comment: "",
                  requestExplanation: false,
                })
              }
              data-testid={`confirm-draft-${leaf.code}`}
              sx={{ mt: 0.25 }}
            >
              {t("review.confirmDraft")}
            </Button>
          )}
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {t("self.readOnly.survey")}
        </Typography>
      )}
      <TextField
        label={t("review.comment")}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        multiline
        minRows={2}
        maxRows={8}
        slotProps={{ htmlInput: { maxLength: 4000, "data-testid": `review-comment-${leaf.code}` } }}
      />
      <Box sx={{ display: "flex", alignItems: "center", gap: 1, flexWrap: "wrap" }}>
        {round === 1 && (
          <FormControlLabel
            control={
              <Checkbox
                checked={request}
                onChange={(e) => setRequest(e.target.checked)}
                slotProps={{ input: { "data-testid": `review-request-${leaf.code}` } as object }}
              />
            }
            label={t("review.requestExplanation")}
          />
        )}
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="contained" onClick={save} disabled={busy} data-testid={`review-save-${leaf.code}`}>
          {draftsOnly ? t("review.saveDraft") : t("review.save")}
        </Button>
      </Box>
    </Stack>
  );
}
