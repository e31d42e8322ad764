import { useRef, useState, type DragEvent } from "react";
import {
  Alert,
  Box,
  Button,
  IconButton,
  LinearProgress,
  Stack,
  Typography,
  useMediaQuery,
} from "@mui/material";
import { alpha } from "@mui/material/styles";
import CloudUploadOutlined from "@mui/icons-material/CloudUploadOutlined";
import Close from "@mui/icons-material/Close";
import { useTranslation } from "react-i18next";
import { ApiError, type Envelope } from "../../api/http";
import type { TFileInfo } from "../../api/dossiers";
import type { UploadHandle } from "../../api/upload";
import { useAuth } from "../../auth/AuthProvider";
import { EvidenceList } from "./EvidenceList";
import { RemoveEvidenceDialog } from "./RemoveEvidenceDialog";

export const EVIDENCE_ACCEPT = ".pdf,.docx,.xlsx,.jpg,.jpeg,.png";
const EXTENSIONS = /\.(pdf|docx|xlsx|jpe?g|png)$/i;

interface Upload {
  key: number;
  name: string;
  progress: number;
  error: string | null;
}

interface Props {
  files: readonly TFileInfo[];
  upload: (file: File, onProgress: (f: number) => void) => UploadHandle<Envelope<TFileInfo>>;
  onUploaded: (file: TFileInfo) => void;
  testId?: string;
  disabled?: boolean;
  /** Taking a file back: which files may be (those of the step now open), how, and what follows. */
  remove?: {
    removable: (f: TFileInfo) => boolean;
    send: (f: TFileInfo) => Promise<unknown>;
    onRemoved: () => void;
  };
}

let nextKey = 1;

/**
 * Evidence of one leaf: drop several files or pick them; each upload shows its own progress bar and error. The
 * server sniffs the type from the bytes and enforces the size limit; the extension check here only saves a trip.
 */
export function EvidenceZone({ files, upload, onUploaded, testId, disabled, remove }: Props) {
  const { t } = useTranslation();
  // A touch screen has no dragging of files: the box says "choose" there, not "drag and drop".
  const touch = useMediaQuery("(pointer: coarse)");
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [removing, setRemoving] = useState<TFileInfo | null>(null);
  const maxMb = useAuth().me?.limits.maxUploadMb ?? 20;

  const patch = (key: number, p: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...p } : u)));

  const start = (list: FileList | File[]) => {
    for (const file of Array.from(list)) {
      const key = nextKey++;
      if (!EXTENSIONS.test(file.name)) {
        setUploads((l) => [...l, { key, name: file.name, progress: 0, error: t("evidence.badType") }]);
        continue;
      }
      if (file.size > maxMb * 1024 * 1024) {
        const error = t("evidence.tooBig", { mb: maxMb });
        setUploads((l) => [...l, { key, name: file.name, progress: 0, error }]);
        continue;
      }
      setUploads((l) => [...l, { key, name: file.name, progress: 0, error: null }]);
      upload(file, (progress) => patch(key, { progress })).done.then(
        (res) => {
          setUploads((l) => l.filter((u) => u.key !== key));
          onUploaded(res.data);
        },
        (err: unknown) => patch(key, { error: err instanceof ApiError ? err.message : t("errors.unknown") }),
      );
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled && e.dataTransfer.files.length) start(e.dataTransfer.files);
  };

  return (
    <Stack spacing={1}>
      <EvidenceList
        files={files}
        onRemove={remove && !disabled ? { removable: remove.removable, ask: setRemoving } : undefined}
      />
      {remove && removing && (
        <RemoveEvidenceDialog
          file={removing}
          send={remove.send}
          onDone={() => {
            setRemoving(null);
            remove.onRemoved();
          }}
          onClose={() => setRemoving(null)}
        />
      )}
      {uploads.map((u) => (
        <Box key={u.key} data-testid="upload-row">
          <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
            <Typography variant="body2" noWrap sx={{ flexGrow: 1, minWidth: 0 }}>
              {u.name}
            </Typography>
            {!u.error && (
              <Typography variant="caption" color="text.secondary">
                {Math.round(u.progress * 100)} %
              </Typography>
            )}
            {u.error && (
              <IconButton
                size="small"
                aria-label={t("common.close")}
                onClick={() => setUploads((l) => l.filter((x) => x.key !== u.key))}
              >
                <Close fontSize="small" />
              </IconButton>
            )}
          </Stack>
          {u.error ? (
            <Alert severity="error" sx={{ py: 0 }}>
              {u.error}
            </Alert>
          ) : (
            <LinearProgress variant="determinate" value={u.progress * 100} aria-label={u.name} />
          )}
        </Box>
      ))}
      {!disabled && (
        <Box
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
          data-testid={testId}
          sx={{
            border: 1.5,
            borderStyle: "dashed",
            borderColor: over ? "primary.main" : "divider",
            bgcolor: (th) => (over ? alpha(th.palette.primary.main, 0.06) : "transparent"),
            borderRadius: 1.5,
            px: 2,
            py: 1,
            display: "flex",
            alignItems: "center",
            gap: 1.5,
            flexWrap: "wrap",
          }}
        >
          <CloudUploadOutlined color={over ? "primary" : "action"} />
          <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
            {t(touch ? "evidence.dropTouch" : "evidence.drop", { mb: maxMb })}
          </Typography>
          <Button
            size={touch ? "medium" : "small"}
            variant="outlined"
            // On a touch screen the theme makes it a finger's height (client/src/theme.ts).
            onClick={() => input.current?.click()}
          >
            {t("evidence.choose")}
          </Button>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            accept={EVIDENCE_ACCEPT}
            data-testid={testId && `${testId}-input`}
            onChange={(e) => {
              if (e.target.files?.length) start(e.target.files);
              e.target.value = "";
            }}
          />
        </Box>
      )}
    </Stack>
  );
}
