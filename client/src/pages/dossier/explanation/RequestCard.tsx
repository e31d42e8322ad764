import { useState } from "react";
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from "@mui/material";
import SendOutlined from "@mui/icons-material/SendOutlined";
import { centiToNumber, formatPoints, parsePoints } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/http";
import { dossiersApi } from "../../../api/dossiers";
import { formatDateTime } from "../../../format/dates";
import { currentLang } from "../../../i18n";
import { CommentStatusChip } from "../CommentThread";
import { EvidenceZone } from "../EvidenceZone";
import { LeafTitle } from "../LeafTitle";
import type { RequestItem } from "../model";
import { checkScore } from "../scoreCheck";
import { ScoreField } from "../ScoreField";
import { StageChips } from "../StageChips";
import { answerDraft } from "../kinds/answers";
import { KindField } from "../kinds/KindField";

interface Props {
  dossierId: string;
  item: RequestItem;
  onChanged: (message?: string) => void;
}

/** One request for explanation: the council's comment and scores, the agency's answer, proposal and evidence. */
export function RequestCard({ dossierId, item, onChanged }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { leaf, comment } = item;
  const [answer, setAnswer] = useState(comment.answer ?? "");
  // A kinded leaf's proposal is a level or figures (docs/scoring-kinds.md), its points derived as the server will.
  const [proposed, setProposed] = useState(
    leaf.kind !== "points"
      ? answerDraft({ level: comment.proposedLevel, figures: comment.proposedFigures }, lang)
      : comment.proposedScore === null
        ? ""
        : formatPoints(parsePoints(comment.proposedScore) ?? 0, lang),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const check = checkScore(proposed, leaf, "explanation", t, lang);
  const resolved = comment.status === "resolved";

  const send = async () => {
    if (!answer.trim()) return setError(t("explanation.errors.answer"));
    if (check.state === "invalid") return;
    setBusy(true);
    setError(null);
    try {
      const body = check.state === "ok" ? check.body : undefined;
      await dossiersApi.answer(comment.id, {
        answer: answer.trim(),
        ...(body && "level" in body
          ? { proposedLevel: body.level }
          : body
            ? { proposedFigures: body.figures }
            : { proposedScore: check.state === "ok" ? centiToNumber(check.centi) : null }),
      });
      onChanged(t("explanation.answered"));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("errors.unknown"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} data-testid={`request-${leaf.code}`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: "center", mb: 1 }}>
        <Box sx={{ flexGrow: 1 }}>
          <LeafTitle leaf={leaf} />
        </Box>
        <CommentStatusChip status={comment.status} />
      </Stack>
      <StageChips leaf={leaf} />
      <Box
        sx={{
          mt: 1.5,
          p: 1.5,
          bgcolor: "#fff8e1",
          borderRadius: 1.5,
          borderLeft: 3,
          borderColor: "warning.main",
        }}
      >
        <Typography variant="caption" color="text.secondary">
          {t("explanation.councilComment", { round: comment.round })} · {formatDateTime(comment.createdAt)}
        </Typography>
        <Typography variant="body2" sx={{ whiteSpace: "pre-wrap" }} data-testid="request-body">
          {comment.body}
        </Typography>
      </Box>
      <Stack spacing={1.5} sx={{ mt: 2 }}>
        {error && <Alert severity="error">{error}</Alert>}
        <Stack direction={{ xs: "column", md: "row" }} spacing={2} sx={{ alignItems: "flex-start" }}>
          <TextField
            label={t("explanation.answer")}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
            disabled={resolved}
            multiline
            minRows={3}
            maxRows={10}
            slotProps={{ htmlInput: { maxLength: 8000, "data-testid": `answer-${leaf.code}` } }}
          />
          {leaf.kind !== "points" ? (
            <KindField
              leaf={leaf}
              code={`proposed-${leaf.code}`}
              label={t(leaf.kind === "quantity" ? "kind.proposedFigures" : "kind.proposedLevel")}
              value={proposed}
              onChange={setProposed}
              disabled={resolved}
            />
          ) : (
            <ScoreField
              leaf={leaf}
              value={proposed}
              onChange={setProposed}
              disabled={resolved}
              error={check.state === "invalid" ? check.message : null}
              label={t("explanation.proposed")}
              testId={`proposed-${leaf.code}`}
            />
          )}
        </Stack>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {t("explanation.evidence")}
        </Typography>
        <EvidenceZone
          files={leaf.evidence}
          disabled={resolved}
          upload={(file, onProgress) => dossiersApi.uploadEvidence(dossierId, leaf.code, file, onProgress)}
          onUploaded={() => onChanged()}
          remove={{
            removable: (f) => f.purpose === "explanation_evidence",
            send: (f) => dossiersApi.removeEvidence(dossierId, f.id),
            onRemoved: () => onChanged(),
          }}
          testId={`explanation-evidence-${leaf.code}`}
        />
        {!resolved && (
          <Box sx={{ textAlign: "right" }}>
            <Button
              variant="contained"
              startIcon={<SendOutlined />}
              onClick={send}
              disabled={busy}
              data-testid={`send-answer-${leaf.code}`}
            >
              {comment.answer ? t("explanation.update") : t("explanation.send")}
            </Button>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
