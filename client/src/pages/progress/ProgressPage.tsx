import { useMemo, useState } from "react";
import {
  Alert,
  Button,
  FormControlLabel,
  InputAdornment,
  Paper,
  Snackbar,
  Stack,
  Switch,
  TextField,
} from "@mui/material";
import NotificationsActiveOutlined from "@mui/icons-material/NotificationsActiveOutlined";
import Search from "@mui/icons-material/Search";
import SearchOffOutlined from "@mui/icons-material/SearchOffOutlined";
import { roomOf, type TProgressRow } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { workflowApi } from "../../api/workflow";
import { LiveStatusChip } from "../../components/LiveStatusChip";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { matches } from "../../format/text";
import { useApi } from "../../hooks/useApi";
import { useLiveResync, useLiveRooms, usePeriodRefetch } from "../../live/hooks";
import { usePeriods } from "../../period/PeriodProvider";
import { ExtensionDialog } from "./ExtensionDialog";
import { ProgressTable } from "./ProgressTable";
import { ReminderDialog } from "./ReminderDialog";

/** The admin's progress monitor: who is behind, what is missing, reminders and extensions (issue 3, item 6). */
export default function ProgressPage() {
  const { t } = useTranslation();
  const { periodId = "" } = useParams();
  const { periods } = usePeriods();
  const period = periods?.find((p) => p.id === periodId);
  const rows = useApi((signal) => workflowApi.progress(periodId, signal), [periodId]);
  const [lateOnly, setLateOnly] = useState(false);
  const [search, setSearch] = useState("");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reminding, setReminding] = useState(false);
  const [extending, setExtending] = useState<TProgressRow | null>(null);
  const [toast, setToast] = useState<string | null>(null);

  // Any dossier of the period changing may change its row: refetch, at most once a second.
  useLiveRooms([roomOf.periodCouncil(periodId)]);
  usePeriodRefetch(periodId, rows.reload);
  useLiveResync(rows.reload);

  const visible = useMemo(
    () => (rows.data ?? []).filter((r) => (!lateOnly || r.late) && matches(search, r.unit.name, r.unit.code)),
    [rows.data, lateOnly, search],
  );
  const chosen = (rows.data ?? []).filter((r) => selected.has(r.dossierId));
  const lateCount = (rows.data ?? []).filter((r) => r.late).length;

  let body;
  if (!rows.data)
    body = rows.error ? <ErrorState error={rows.error} onRetry={rows.reload} /> : <LoadingState />;
  else if (visible.length === 0)
    body = (
      <EmptyState
        icon={<SearchOffOutlined />}
        title={lateOnly ? t("progress.noneLate") : t("common.noMatch")}
      />
    );
  else
    body = (
      <ProgressTable
        rows={visible}
        selected={selected}
        onSelect={setSelected}
        onExtend={(r) => setExtending(r)}
      />
    );

  return (
    <Stack data-testid="progress-page">
      <PageHeader
        title={t("progress.title")}
        subtitle={t("progress.subtitle", { period: period?.name ?? "" })}
        actions={<LiveStatusChip />}
      />
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Stack direction={{ xs: "column", md: "row" }} spacing={2} sx={{ alignItems: { md: "center" } }}>
          <TextField
            label={t("common.search")}
            placeholder={t("dossiers.searchPlaceholder")}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            slotProps={{
              input: {
                startAdornment: (
                  <InputAdornment position="start">
                    <Search fontSize="small" />
                  </InputAdornment>
                ),
              },
            }}
            sx={{ maxWidth: { md: 360 } }}
          />
          <FormControlLabel
            control={
              <Switch checked={lateOnly} onChange={(e) => setLateOnly(e.target.checked)} color="error" />
            }
            label={t("progress.lateOnly", { count: lateCount })}
            data-testid="late-only"
          />
          <Stack direction="row" sx={{ flexGrow: 1, justifyContent: "flex-end" }}>
            <Button
              variant="contained"
              startIcon={<NotificationsActiveOutlined />}
              disabled={chosen.length === 0}
              onClick={() => setReminding(true)}
              data-testid="remind"
            >
              {t("reminder.open", { count: chosen.length })}
            </Button>
          </Stack>
        </Stack>
      </Paper>
      {body}
      {reminding && (
        <ReminderDialog
          periodId={periodId}
          dossierIds={chosen.map((r) => r.dossierId)}
          unitNames={chosen.map((r) => r.unit.name)}
          onClose={() => setReminding(false)}
          onSent={(n) => {
            setReminding(false);
            setSelected(new Set());
            setToast(t("reminder.sent", { count: n }));
          }}
        />
      )}
      {extending && (
        <ExtensionDialog
          dossierId={extending.dossierId}
          unitName={extending.unit.name}
          milestoneKey={extending.nextDeadline?.key ?? "self_assessment"}
          currentDeadline={extending.nextDeadline?.deadline ?? null}
          onClose={() => setExtending(null)}
          onDone={() => {
            setExtending(null);
            setToast(t("extension.done"));
            rows.reload();
          }}
        />
      )}
      <Snackbar
        open={!!toast}
        autoHideDuration={5000}
        onClose={() => setToast(null)}
        anchorOrigin={{ vertical: "bottom", horizontal: "center" }}
      >
        <Alert severity="success" variant="filled" onClose={() => setToast(null)} data-testid="snackbar">
          {toast}
        </Alert>
      </Snackbar>
    </Stack>
  );
}
