import { useState } from "react";
import { Alert, Button, Paper, Stack, TextField, Typography } from "@mui/material";
import ContentCopyOutlined from "@mui/icons-material/ContentCopyOutlined";
import Inventory2Outlined from "@mui/icons-material/Inventory2Outlined";
import type { TPeriod } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ApiError } from "../../api/http";
import { resultsApi } from "../../api/results";
import { ConfirmDialog } from "../../components/ConfirmDialog";

/** Next year: clone this period into a new one; archive this one (read-only from then on). */
export function NextPeriodPanel({
  period,
  canClone,
  canArchive,
  onChanged,
}: {
  period: TPeriod;
  canClone: boolean;
  canArchive: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState(String(period.year + 1));
  const [name, setName] = useState(`Năm ${period.year + 1}`);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [archiving, setArchiving] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2.5, mb: 3 }} data-testid="next-period-panel">
      <Typography variant="h6" component="h2">
        {t("results.next.title")}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t("results.next.hint")}
      </Typography>
      {period.status === "archived" && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t("results.next.archived")}
        </Alert>
      )}
      {canClone && (
        <Stack
          direction={{ xs: "column", sm: "row" }}
          spacing={1.5}
          sx={{ alignItems: { sm: "flex-start" } }}
        >
          <TextField
            size="small"
            label={t("results.next.code")}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <TextField
            size="small"
            label={t("results.next.name")}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <Button
            variant="outlined"
            startIcon={<ContentCopyOutlined />}
            disabled={busy}
            onClick={() =>
              run(async () => {
                const created = await resultsApi.clone(period.id, { code: code.trim(), name: name.trim() });
                onChanged();
                navigate(`/periods/${created.id}/timeline`);
              })
            }
          >
            {t("results.next.clone")}
          </Button>
          {canArchive && (
            <Button
              color="warning"
              startIcon={<Inventory2Outlined />}
              disabled={busy}
              onClick={() => setArchiving(true)}
            >
              {t("results.next.archive")}
            </Button>
          )}
        </Stack>
      )}
      {error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error}
        </Alert>
      )}
      {archiving && (
        <ConfirmDialog
          title={t("results.next.archive")}
          text={t("results.next.archiveConfirm", { period: period.name })}
          confirmLabel={t("results.next.archive")}
          danger
          onClose={() => setArchiving(false)}
          onConfirm={async () => {
            await resultsApi.archive(period.id, t("results.next.archiveReason"));
            onChanged();
          }}
        />
      )}
    </Paper>
  );
}
