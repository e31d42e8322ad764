import { useState } from "react";
import { Alert, Box, Button, Chip, Stack, Typography } from "@mui/material";
import CheckCircleOutline from "@mui/icons-material/CheckCircleOutline";
import type { TComment } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/http";
import { dossiersApi } from "../../api/dossiers";
import { formatDateTime } from "../../format/dates";
import { showPoints } from "../../format/points";
import { currentLang } from "../../i18n";

const STATUS_COLOR = { open: "warning", answered: "info", resolved: "success" } as const;

/** The status of a request for explanation as a chip (internal notes have none to show). */
export function CommentStatusChip({ status }: { status: TComment["status"] }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      color={STATUS_COLOR[status]}
      variant="outlined"
      label={t(`comment.status.${status}`)}
      data-testid="comment-status"
      data-status={status}
      sx={{ height: 22 }}
    />
  );
}

interface Props {
  comments: readonly TComment[];
  /** Shows "resolve" on answered requests (the council, in round 2). */
  canResolve?: boolean;
  onChanged?: () => void;
}

/** A leaf's comments, oldest first: author, round, kind and status; requests with the agency's answer. */
export function CommentThread({ comments, canResolve, onChanged }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (comments.length === 0) return null;

  const resolve = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await dossiersApi.resolve(id);
      onChanged?.();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("errors.unknown"));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack spacing={1} data-testid="comment-thread">
      {error && <Alert severity="error">{error}</Alert>}
      {comments.map((c) => (
        <Box
          key={c.id}
          data-testid="comment"
          data-kind={c.kind}
          sx={{
            borderLeft: 3,
            borderColor: c.kind === "request" ? "warning.main" : "grey.400",
            bgcolor: "grey.50",
            borderRadius: 1,
            px: 1.5,
            py: 1,
          }}
        >
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: "center", flexWrap: "wrap" }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {c.author ?? t("comment.council")}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {t("comment.round", { round: c.round })} · {formatDateTime(c.createdAt)}
            </Typography>
            <Chip
              size="small"
              label={t(`comment.kind.${c.kind}`)}
              color={c.kind === "request" ? "warning" : "default"}
              sx={{ height: 22 }}
            />
            {c.kind === "request" && <CommentStatusChip status={c.status} />}
            <Box sx={{ flexGrow: 1 }} />
            {canResolve && c.kind === "request" && c.status !== "resolved" && (
              <Button
                size="small"
                variant="outlined"
                color="success"
                startIcon={<CheckCircleOutline />}
                disabled={busy === c.id}
                onClick={() => resolve(c.id)}
                data-testid="resolve"
              >
                {t("comment.resolve")}
              </Button>
            )}
          </Stack>
          <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: "pre-wrap" }}>
            {c.body}
          </Typography>
          {c.answer && (
            <Box
              sx={{ mt: 1, pl: 1.5, borderLeft: 2, borderColor: "info.main" }}
              data-testid="comment-answer"
            >
              <Typography variant="caption" color="text.secondary">
                {t("comment.answer")}
                {c.answeredAt && ` · ${formatDateTime(c.answeredAt)}`}
                {c.proposedScore !== null &&
                  ` · ${t("comment.proposed", { score: showPoints(c.proposedScore, lang) })}`}
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: "pre-wrap" }}>
                {c.answer}
              </Typography>
            </Box>
          )}
        </Box>
      ))}
    </Stack>
  );
}
