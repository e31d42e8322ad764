import { useState } from "react";
import { MenuItem, Stack, TextField } from "@mui/material";
import { ZExtension } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { dossiersApi } from "../../api/dossiers";
import { fromVnParts, toVnParts } from "../../format/dates";
import { ActionDialog } from "../../components/ActionDialog";
import { VnDateTimeField } from "../../components/VnDateTimeField";
import { useSubmission } from "../../hooks/useSubmission";

/** The windows an agency works in; extending the council's own steps would not unlock anything for it. */
export const EXTENDABLE = ["self_assessment", "explanation"] as const;

interface Props {
  dossierId: string;
  unitName: string;
  milestoneKey: string;
  /** The deadline the extension starts from (prefills the field). */
  currentDeadline: string | null;
  onClose: () => void;
  onDone: () => void;
}

type Field = "milestoneKey" | "until" | "reason";

/** The admin extends one unit's window, with a reason (audited); the unit is notified. */
export function ExtensionDialog({
  dossierId,
  unitName,
  milestoneKey,
  currentDeadline,
  onClose,
  onDone,
}: Props) {
  const { t } = useTranslation();
  const [key, setKey] = useState<string>(
    (EXTENDABLE as readonly string[]).includes(milestoneKey) ? milestoneKey : EXTENDABLE[0],
  );
  const [until, setUntil] = useState(toVnParts(currentDeadline));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const { busy, error, run } = useSubmission();

  const submit = async () => {
    const body = {
      milestoneKey: key,
      until: fromVnParts(until.date, until.time, until.time.trim().endsWith("59") ? "59" : "00") ?? "",
      reason: reason.trim(),
    };
    const parsed = ZExtension.safeParse(body);
    const errs: Partial<Record<Field, string>> = {};
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const f = String(issue.path[0]) as Field;
        errs[f] ??= t(`extension.errors.${f}`);
      }
    if (!errs.until && Date.parse(body.until) <= Date.now()) errs.until = t("extension.errors.past");
    setErrors(errs);
    if (!parsed.success || Object.keys(errs).length) return;
    if (!(await run(() => dossiersApi.grantExtension(dossierId, parsed.data)))) onDone();
  };

  return (
    <ActionDialog
      title={t("extension.title", { unit: unitName })}
      text={t("extension.text")}
      busy={busy}
      error={error}
      submitLabel={t("extension.submit")}
      submitTestId="extension-submit"
      onSubmit={submit}
      onClose={onClose}
    >
      <Stack spacing={2.5} sx={{ pt: 1 }}>
        <TextField
          select
          label={t("extension.milestone")}
          value={key}
          onChange={(e) => setKey(e.target.value)}
          error={!!errors.milestoneKey}
          helperText={errors.milestoneKey}
          data-testid="extension-milestone"
        >
          {EXTENDABLE.map((k) => (
            <MenuItem key={k} value={k}>
              {t(`window.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <VnDateTimeField
          label={t("extension.until")}
          value={until}
          onChange={setUntil}
          required
          error={!!errors.until}
          helperText={errors.until ?? t("timeline.deadlineHint")}
          testId="extension-until"
        />
        <TextField
          label={t("extension.reason")}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          multiline
          minRows={2}
          error={!!errors.reason}
          helperText={errors.reason ?? t("timeline.reasonHint")}
          slotProps={{ htmlInput: { maxLength: 1000, "data-testid": "extension-reason" } }}
        />
      </Stack>
    </ActionDialog>
  );
}
