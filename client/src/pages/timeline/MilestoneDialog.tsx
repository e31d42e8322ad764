import { useState, type FormEvent } from "react";
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from "@mui/material";
import { ZMilestoneUpdate, type TMilestone } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/http";
import { periodsApi } from "../../api/periods";
import { fromVnParts, toVnParts } from "../../format/dates";
import { VnDateTimeField } from "../../components/VnDateTimeField";
import { currentLang } from "../../i18n";
import { milestoneLabel } from "../../period/milestones";

interface Props {
  periodId: string;
  milestone: TMilestone;
  onClose: () => void;
  onSaved: (m: TMilestone) => void;
}

type Field = "startsAt" | "deadline" | "reason";

// A deadline typed as 23:59 means the whole minute (…:59:59), as the plan's "before 10/12" does.
const deadlineSeconds = (time: string) => (time.trim().endsWith("59") ? "59" : "00");

/** The admin moves one step of the timeline; the reason goes to the audit log. */
export function MilestoneDialog({ periodId, milestone, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [start, setStart] = useState(toVnParts(milestone.startsAt));
  const [deadline, setDeadline] = useState(toVnParts(milestone.deadline));
  const [reason, setReason] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const messageFor = (field: string): string =>
    field === "startsAt"
      ? t(
          start.date.trim() && !fromVnParts(start.date, start.time)
            ? "timeline.errors.startFormat"
            : "timeline.errors.startBeforeDeadline",
        )
      : field === "deadline"
        ? t("timeline.errors.deadline")
        : t("timeline.errors.reason");

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    // An empty start means "no start of its own"; a half-typed one is an error, not silently dropped.
    const body = {
      startsAt:
        start.date.trim() || start.time.trim() ? (fromVnParts(start.date, start.time) ?? "invalid") : null,
      deadline: fromVnParts(deadline.date, deadline.time, deadlineSeconds(deadline.time)) ?? "",
      reason: reason.trim(),
    };
    // The shared schema is the server's own rule: check it here first for an immediate, per-field answer.
    const parsed = ZMilestoneUpdate.safeParse(body);
    if (!parsed.success) {
      const errs: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const f = String(issue.path[0] ?? "reason") as Field;
        errs[f] ??= messageFor(f);
      }
      setFieldErrors(errs);
      return;
    }
    setFieldErrors({});
    setError(null);
    setBusy(true);
    try {
      onSaved(await periodsApi.updateMilestone(periodId, milestone.key, parsed.data));
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : new ApiError("internal", t("errors.unknown"));
      setError(apiErr);
      const errs: Partial<Record<Field, string>> = {};
      for (const path of Object.keys(apiErr.fieldErrors()))
        errs[path.split(".")[0] as Field] = messageFor(path.split(".")[0]);
      setFieldErrors(errs);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth>
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle>{t("timeline.editTitle")}</DialogTitle>
        <DialogContent>
          <Typography variant="subtitle1" sx={{ mb: 0.5 }}>
            {milestoneLabel(milestone, currentLang())}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2.5 }}>
            {t("timeline.editHint")}
          </Typography>
          <Stack spacing={2.5}>
            {error && <Alert severity="error">{error.message}</Alert>}
            <VnDateTimeField
              label={t("timeline.startsAt")}
              value={start}
              onChange={setStart}
              error={!!fieldErrors.startsAt}
              helperText={fieldErrors.startsAt ?? t("timeline.startsAtHint")}
              testId="milestone-start"
            />
            <VnDateTimeField
              label={t("timeline.deadlineField")}
              required
              value={deadline}
              onChange={setDeadline}
              error={!!fieldErrors.deadline}
              helperText={fieldErrors.deadline ?? t("timeline.deadlineHint")}
              testId="milestone-deadline"
            />
            <TextField
              label={t("timeline.reason")}
              required
              multiline
              minRows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={!!fieldErrors.reason}
              helperText={fieldErrors.reason ?? t("timeline.reasonHint")}
              slotProps={{ htmlInput: { "data-testid": "milestone-reason", maxLength: 1000 } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="milestone-save">
            {busy ? t("common.saving") : t("common.save")}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
