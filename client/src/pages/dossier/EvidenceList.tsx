import { Box, IconButton, Link, Stack, Typography, useMediaQuery } from "@mui/material";
import DeleteOutline from "@mui/icons-material/DeleteOutline";
import InsertDriveFileOutlined from "@mui/icons-material/InsertDriveFileOutlined";
import { useTranslation } from "react-i18next";
import { FileName } from "../../components/FileName";
import type { TFileInfo } from "../../api/dossiers";
import { formatDateTime } from "../../format/dates";

/** A file size for people: "820 KB", "1,4 MB" (decimal comma in Vietnamese). */
export function showSize(bytes: number, lang: "vi" | "en"): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return `${lang === "vi" ? mb.replace(".", ",") : mb} MB`;
}

/**
 * Download links of a leaf's files (served as attachments by the server), each with a button to take it back when
 * `onRemove` is given for it.
 */
export function EvidenceList({
  files,
  empty,
  onRemove,
}: {
  files: readonly TFileInfo[];
  empty?: string;
  /** Asks to take a file back; only for the files it is given for (`removable`). */
  onRemove?: { removable: (f: TFileInfo) => boolean; ask: (f: TFileInfo) => void };
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  // On a touch screen each file's row is a finger's height (about 44 px), its link and button too.
  const touch = useMediaQuery("(pointer: coarse)");
  if (files.length === 0)
    return empty ? (
      <Typography variant="body2" color="text.secondary">
        {empty}
      </Typography>
    ) : null;
  return (
    <Stack spacing={0.5} data-testid="evidence-list">
      {files.map((f) => (
        <Stack
          key={f.id}
          direction="row"
          spacing={1}
          sx={{ alignItems: "center", minWidth: 0, minHeight: touch ? 44 : undefined }}
        >
          <InsertDriveFileOutlined fontSize="small" color="action" />
          {/* On a phone the size and date go under the name, leaving it the row's width. */}
          <Stack
            direction={{ xs: "column", sm: "row" }}
            spacing={{ xs: 0, sm: 1 }}
            sx={{ alignItems: { sm: "center" }, minWidth: 0, flexGrow: { xs: 1, sm: 0 } }}
          >
            <Link
              href={f.url}
              download={f.name}
              underline="hover"
              variant="body2"
              sx={{ minWidth: 0, display: "inline-flex" }}
              // Its two halves would be read with a space between them (flex items): the whole name, as one.
              aria-label={f.name}
              data-testid="evidence-name"
            >
              <FileName name={f.name} />
            </Link>
            <Box component="span" sx={{ color: "text.secondary", fontSize: 12, whiteSpace: "nowrap" }}>
              {showSize(f.size, lang)} · {formatDateTime(f.uploadedAt)}
              {f.purpose === "explanation_evidence" && ` · ${t("evidence.forExplanation")}`}
            </Box>
          </Stack>
          {onRemove?.removable(f) && (
            <IconButton
              size={touch ? "medium" : "small"}
              aria-label={t("evidence.remove", { name: f.name })}
              title={t("evidence.remove", { name: f.name })}
              onClick={() => onRemove.ask(f)}
              data-testid="evidence-remove"
            >
              <DeleteOutline fontSize="small" />
            </IconButton>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
