import { useRef, useState } from "react";
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Stack,
  Typography,
} from "@mui/material";
import PictureAsPdfOutlined from "@mui/icons-material/PictureAsPdfOutlined";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/http";
import type { MissingForSubmission } from "../../api/dossiers";
import type { UploadHandle } from "../../api/upload";

interface Props {
  title: string;
  text: string;
  submitLabel: string;
  send: (file: File, onProgress: (f: number) => void) => UploadHandle<unknown>;
  onDone: () => void;
  onClose: () => void;
  /** Jumps to a leaf named in the server's 409 lists (the dialog closes first). */
  onCode?: (code: string) => void;
  /**
   * What the dossier still lacks as this screen knows it: said before a file is chosen, and the submission waits
   * until it is complete (the server checks again and has the last word).
   */
  missing?: MissingForSubmission;
}

function CodeList({ label, codes, onCode }: { label: string; codes: string[]; onCode: (c: string) => void }) {
  if (codes.length === 0) return null;
  return (
    <Box sx={{ mt: 1 }}>
      <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
        {label}
      </Typography>
      <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: "wrap" }}>
        {codes.map((c) => (
          <Chip
            key={c}
            label={c}
            size="small"
            clickable
            onClick={() => onCode(c)}
            data-testid="missing-code"
          />
        ))}
      </Stack>
    </Box>
  );
}

/** Submits a step with the head's signed report (PDF), showing upload progress and the server's refusal. */
export function SignedReportDialog({
  title,
  text,
  submitLabel,
  send,
  onDone,
  onClose,
  onCode,
  missing: known,
}: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const busy = progress !== null;
  const incomplete = !!known && (known.unscored?.length ?? 0) + (known.missingEvidence?.length ?? 0) > 0;

  const submit = async () => {
    if (!file) return setFormError(t("report.required"));
    if (!/\.pdf$/i.test(file.name) && file.type !== "application/pdf")
      return setFormError(t("report.pdfOnly"));
    setFormError(null);
    setError(null);
    setProgress(0);
    try {
      await send(file, setProgress).done;
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError("internal", t("errors.unknown")));
      setProgress(null);
    }
  };

  const missing = (error?.code === "conflict" ? error.details : null) as MissingForSubmission | null;
  const jump = (code: string) => {
    onClose();
    onCode?.(code);
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{text}</DialogContentText>
        {incomplete && known && !error && (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="report-missing">
            {t("report.incomplete")}
            <CodeList label={t("report.unscored")} codes={known.unscored ?? []} onCode={jump} />
            <CodeList label={t("report.missingEvidence")} codes={known.missingEvidence ?? []} onCode={jump} />
          </Alert>
        )}
        {error && (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="report-error">
            {error.message}
            {missing && onCode && (
              <>
                <CodeList label={t("report.unscored")} codes={missing.unscored ?? []} onCode={jump} />
                <CodeList
                  label={t("report.missingEvidence")}
                  codes={missing.missingEvidence ?? []}
                  onCode={jump}
                />
              </>
            )}
          </Alert>
        )}
        <Stack direction="row" spacing={2} sx={{ alignItems: "center" }}>
          <Button
            variant="outlined"
            startIcon={<PictureAsPdfOutlined />}
            onClick={() => input.current?.click()}
            disabled={busy || incomplete}
          >
            {t("report.choose")}
          </Button>
          <Typography variant="body2" color={file ? "text.primary" : "text.secondary"} noWrap>
            {file?.name ?? t("report.noFile")}
          </Typography>
          <input
            ref={input}
            type="file"
            hidden
            accept=".pdf,application/pdf"
            data-testid="report-input"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              // A refusal of the file before does not stay beside the new one (what the dossier lacks does).
              setFormError(null);
              setError((e) => (e?.code === "conflict" ? e : null));
            }}
          />
        </Stack>
        {formError && (
          <Typography variant="body2" color="error" sx={{ mt: 1 }}>
            {formError}
          </Typography>
        )}
        {busy && <LinearProgress variant="determinate" value={(progress ?? 0) * 100} sx={{ mt: 2 }} />}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {t("common.cancel")}
        </Button>
        <Button
          variant="contained"
          onClick={submit}
          disabled={busy || incomplete}
          data-testid="report-submit"
        >
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
