import { Box, Stack, Typography } from "@mui/material";
import type { TLeafView } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { CommentThread } from "../CommentThread";
import { EvidenceList } from "../EvidenceList";
import { LeafTitle } from "../LeafTitle";
import { leafAnchor } from "../model";
import { StageChips } from "../StageChips";

/** One leaf as a reader sees it: every stage they may see, the agency's note and evidence, the thread. */
export function ReadOnlyLeafRow({ leaf }: { leaf: TLeafView }) {
  const { t } = useTranslation();
  const note = leaf.stages.self?.note;
  return (
    <Box
      id={leafAnchor(leaf.code)}
      data-testid={`leaf-${leaf.code}`}
      sx={{ px: 2.5, py: 1.75, borderTop: 1, borderColor: "divider" }}
    >
      <Stack direction={{ xs: "column", md: "row" }} spacing={1} sx={{ alignItems: { md: "center" } }}>
        <Box sx={{ flexGrow: 1 }}>
          <LeafTitle leaf={leaf} />
        </Box>
        {leaf.applicable ? (
          <StageChips leaf={leaf} />
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t("self.readOnly.notApplicable")}
          </Typography>
        )}
      </Stack>
      {(note || leaf.evidence.length > 0) && (
        <Stack spacing={0.75} sx={{ mt: 1, pl: { md: 6.5 } }}>
          {note && (
            <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: "pre-wrap" }}>
              {t("self.note")}: {note}
            </Typography>
          )}
          <EvidenceList files={leaf.evidence} />
        </Stack>
      )}
      {leaf.comments.length > 0 && (
        <Box sx={{ mt: 1.5, pl: { md: 6.5 } }}>
          <CommentThread comments={leaf.comments} />
        </Box>
      )}
    </Box>
  );
}
