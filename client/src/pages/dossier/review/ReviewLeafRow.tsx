import { Box, Stack, Typography } from "@mui/material";
import type { TLeafView } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { showPoints } from "../../../format/points";
import { currentLang } from "../../../i18n";
import { CommentThread } from "../CommentThread";
import { EvidenceList } from "../EvidenceList";
import { LeafTitle } from "../LeafTitle";
import { leafAnchor } from "../model";
import { StageChips } from "../StageChips";
import { answerText } from "../kinds/answers";
import { ReviewForm } from "./ReviewForm";

interface Props {
  dossierId: string;
  leaf: TLeafView;
  round: 1 | 2;
  assigned: boolean;
  draftsOnly: boolean;
  canResolve: boolean;
  onChanged: (message?: string) => void;
}

/** One leaf in review: the agency's score, note and evidence beside the council's input, then the stages and thread. */
export function ReviewLeafRow({
  dossierId,
  leaf,
  round,
  assigned,
  draftsOnly,
  canResolve,
  onChanged,
}: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const self = leaf.stages.self;
  // What the agency answered on a kinded leaf: the council appraises the level or the figures, not only the points.
  const selfAnswer = self && leaf.kind !== "points" ? answerText(leaf, self, lang) : null;
  return (
    <Box
      id={leafAnchor(leaf.code)}
      data-testid={`leaf-${leaf.code}`}
      sx={{ px: 2.5, py: 2, borderTop: 1, borderColor: "divider" }}
    >
      <Stack spacing={1} sx={{ mb: 1.5 }}>
        <LeafTitle leaf={leaf} />
        <StageChips leaf={leaf} />
      </Stack>
      <Box
        sx={{
          display: "grid",
          gap: 2.5,
          gridTemplateColumns: { xs: "1fr", md: "minmax(0,1fr) minmax(0,1.2fr)" },
        }}
      >
        <Box sx={{ bgcolor: "grey.50", borderRadius: 1.5, p: 1.5, alignSelf: "start" }}>
          <Typography variant="overline" color="text.secondary">
            {t("review.selfSide")}
          </Typography>
          <Typography variant="h6" sx={{ fontVariantNumeric: "tabular-nums" }} data-testid="self-score">
            {selfAnswer && (
              <Box component="span" sx={{ fontWeight: 400 }} data-testid="self-answer">
                {selfAnswer} →{" "}
              </Box>
            )}
            {leaf.method === "self" ? showPoints(self?.score, lang) : t(`self.readOnly.${leaf.method}`)}
          </Typography>
          {self?.note && (
            <Typography variant="body2" sx={{ whiteSpace: "pre-wrap", mb: 1 }}>
              {self.note}
            </Typography>
          )}
          {leaf.guidance && (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
              {t("review.guidance")}: {leaf.guidance}
            </Typography>
          )}
          <EvidenceList
            files={leaf.evidence}
            empty={leaf.method === "self" ? t("evidence.none") : undefined}
          />
        </Box>
        <Box>
          <Typography variant="overline" color="text.secondary">
            {t("review.councilSide", { round })}
          </Typography>
          {assigned ? (
            <ReviewForm
              dossierId={dossierId}
              leaf={leaf}
              round={round}
              draftsOnly={draftsOnly}
              onSaved={(m) => onChanged(m)}
            />
          ) : (
            <Typography variant="body2" color="text.secondary">
              {t("review.notAssigned")}
            </Typography>
          )}
        </Box>
      </Box>
      {leaf.comments.length > 0 && (
        <Box sx={{ mt: 2 }}>
          <CommentThread
            comments={leaf.comments}
            canResolve={canResolve}
            onChanged={() => onChanged(t("comment.resolved"))}
          />
        </Box>
      )}
    </Box>
  );
}
