import type { ReactNode } from "react";
import { Alert, AlertTitle, Box, Button, CircularProgress, Paper, Typography } from "@mui/material";
import InboxOutlined from "@mui/icons-material/InboxOutlined";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../api/http";

/** A calm spinner with a word, for a page or a panel that is loading. */
export function LoadingState({ label, minHeight = 240 }: { label?: string; minHeight?: number }) {
  const { t } = useTranslation();
  return (
    <Box
      role="status"
      aria-live="polite"
      sx={{
        minHeight,
        display: "flex",
        flexDirection: "column",
        alignItems: "center",
        justifyContent: "center",
        gap: 2,
      }}
    >
      <CircularProgress size={32} />
      <Typography variant="body2" color="text.secondary">
        {label ?? t("common.loading")}
      </Typography>
    </Box>
  );
}

/** The server's message (already in the user's language) with a retry button. */
export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      severity="error"
      variant="outlined"
      sx={{ bgcolor: "background.paper" }}
      action={
        // Retrying cannot help when the thing does not exist or is not the person's to see.
        onRetry &&
        !["not_found", "route_not_found", "forbidden", "unauthenticated"].includes(error.code) && (
          <Button color="inherit" size="small" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        )
      }
    >
      <AlertTitle>{t("common.loadFailed")}</AlertTitle>
      {error.message}
    </Alert>
  );
}

/** What an empty list says instead of a blank table. */
export function EmptyState({
  title,
  description,
  icon,
  action,
}: {
  title: string;
  description?: string;
  icon?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Paper variant="outlined" sx={{ py: 6, px: 3, textAlign: "center" }}>
      <Box sx={{ color: "text.disabled", mb: 1, "& svg": { fontSize: 48 } }}>{icon ?? <InboxOutlined />}</Box>
      <Typography variant="subtitle1">{title}</Typography>
      {description && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, maxWidth: 480, mx: "auto" }}>
          {description}
        </Typography>
      )}
      {action && <Box sx={{ mt: 2 }}>{action}</Box>}
    </Paper>
  );
}
