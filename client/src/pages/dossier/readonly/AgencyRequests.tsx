import { Alert, AlertTitle, Box, Paper, Stack, Typography } from "@mui/material";
import type { TDossierDetail } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { CommentStatusChip } from "../CommentThread";
import { LeafTitle } from "../LeafTitle";
import { requestsOf } from "../model";

/**
 * The council's requests for explanation as the agency sees them before it may answer (round 1 still open) or
 * after it has: the leaf, the council's comment, and the answer given.
 */
export function AgencyRequests({ detail }: { detail: TDossierDetail }) {
  const { t } = useTranslation();
  const items = requestsOf(detail);
  if (items.length === 0) return null;
  return (
    <Paper
      variant="outlined"
      sx={{ p: 2.5, mb: 2, borderColor: "warning.light" }}
      data-testid="agency-requests"
    >
      <Alert severity="warning" sx={{ mb: 2 }}>
        <AlertTitle>{t("explanation.listTitle", { count: items.length })}</AlertTitle>
        {detail.status === "self_submitted" ? t("explanation.waitRound1") : t("explanation.readOnlyHint")}
      </Alert>
      <Stack spacing={1.5}>
        {items.map(({ leaf, comment }) => (
          <Box
            key={comment.id}
            data-testid="agency-request"
            sx={{ borderLeft: 3, borderColor: "warning.main", pl: 1.5 }}
          >
            <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
              <Box sx={{ flexGrow: 1 }}>
                <LeafTitle leaf={leaf} />
              </Box>
              <CommentStatusChip status={comment.status} />
            </Stack>
            <Typography
              variant="body2"
              sx={{ mt: 0.5, whiteSpace: "pre-wrap" }}
              data-testid="agency-request-body"
            >
              {comment.body}
            </Typography>
            {comment.answer && (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, whiteSpace: "pre-wrap" }}>
                {t("comment.answer")}: {comment.answer}
              </Typography>
            )}
          </Box>
        ))}
      </Stack>
    </Paper>
  );
}
