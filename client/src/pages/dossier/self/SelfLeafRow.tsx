import { useEffect, useRef } from "react";
import { Box, Chip, Stack, TextField, Typography } from "@mui/material";
import type { TLeafView } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { dossiersApi, type TFileInfo } from "../../../api/dossiers";
import { currentLang } from "../../../i18n";
import { EvidenceIcon, MethodBadge } from "../../indexSets/MethodBadge";
import { EvidenceZone } from "../EvidenceZone";
import { isSelfLeaf, lacksEvidence, leafAnchor } from "../model";
import { checkScore } from "../scoreCheck";
import { ScoreField } from "../ScoreField";
import { KindField } from "../kinds/KindField";
import { SaveStateChip } from "./SaveStateChip";
import type { LeafDraft } from "./useSelfDrafts";
import { titleIn } from "../../../format/titles";

interface Props {
  dossierId: string;
  leaf: TLeafView;
  draft: LeafDraft;
  onEdit: (patch: { score?: string; note?: string }) => void;
  onLeaveField: () => void;
  onUploaded: (file: TFileInfo) => void;
  /** A file was taken back: the dossier is read again. */
  onRemoved: () => void;
  /** Scrolls here and focuses the score (a code clicked in the server's list of what is missing). */
  focus: boolean;
}

/** Why a leaf is not the agency's to score. */
function ReadOnlyScore({ leaf }: { leaf: TLeafView }) {
  const { t } = useTranslation();
  const key = !leaf.applicable ? "notApplicable" : leaf.method === "survey" ? "survey" : "council";
  return (
    <Chip
      label={t(`self.readOnly.${key}`)}
      variant="outlined"
      sx={{ height: "auto", py: 0.75, "& .MuiChip-label": { whiteSpace: "normal" }, maxWidth: 190 }}
      data-testid="read-only-score"
    />
  );
}

/** One leaf of the self-assessment: guidance, score, note, evidence, and whether it is saved. */
export function SelfLeafRow({
  dossierId,
  leaf,
  draft,
  onEdit,
  onLeaveField,
  onUploaded,
  onRemoved,
  focus,
}: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const row = useRef<HTMLDivElement>(null);
  const own = isSelfLeaf(leaf);
  const check = checkScore(draft.score, leaf, "self", t, lang);
  const scoreError = check.state === "invalid" ? check.message : draft.message;

  useEffect(() => {
    if (!focus || !row.current) return;
    row.current.scrollIntoView({ behavior: "smooth", block: "center" });
    row.current
      .querySelector<HTMLInputElement>(`input[data-testid="score-${leaf.code}"]`)
      ?.focus({ preventScroll: true });
  }, [focus, leaf.code]);

  return (
    <Box
      ref={row}
      id={leafAnchor(leaf.code)}
      data-testid={`leaf-${leaf.code}`}
      sx={{
        px: 2.5,
        py: 2,
        borderTop: 1,
        borderColor: "divider",
        bgcolor: focus ? "primary.light" : own ? "background.paper" : "#fafbfd",
        transition: "background-color .6s",
      }}
    >
      <Stack direction={{ xs: "column", md: "row" }} spacing={2.5}>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: "center", flexWrap: "wrap" }}>
            <Typography variant="body2" sx={{ fontWeight: 700, color: "primary.dark", minWidth: 44 }}>
              {leaf.code}
            </Typography>
            <Typography variant="body1" sx={{ fontWeight: 600 }}>
              {titleIn(leaf, lang)}
            </Typography>
            <MethodBadge method={leaf.method} />
            {own && leaf.evidenceRequired && <EvidenceIcon />}
            {own && lacksEvidence(leaf) && (
              <Chip
                size="small"
                color="warning"
                variant="outlined"
                label={t("self.missingEvidence")}
                sx={{ height: 22 }}
              />
            )}
          </Stack>
          {leaf.guidance && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {leaf.guidance}
            </Typography>
          )}
          {own && (
            <Stack spacing={1.5} sx={{ mt: 1.5 }}>
              <TextField
                label={t("self.note")}
                placeholder={t("self.notePlaceholder")}
                value={draft.note}
                onChange={(e) => onEdit({ note: e.target.value })}
                onBlur={onLeaveField}
                multiline
                minRows={1}
                maxRows={6}
                slotProps={{ htmlInput: { maxLength: 4000, "data-testid": `note-${leaf.code}` } }}
              />
              <EvidenceZone
                files={leaf.evidence}
                upload={(file, onProgress) =>
                  dossiersApi.uploadEvidence(dossierId, leaf.code, file, onProgress)
                }
                onUploaded={onUploaded}
                remove={{
                  removable: (f) => f.purpose === "evidence",
                  send: (f) => dossiersApi.removeEvidence(dossierId, f.id),
                  onRemoved: onRemoved,
                }}
                testId={`evidence-${leaf.code}`}
              />
            </Stack>
          )}
        </Box>
        <Stack spacing={1} sx={{ alignItems: { md: "flex-end" }, flexShrink: 0 }}>
          {own && leaf.kind !== "points" ? (
            <KindField
              leaf={leaf}
              code={leaf.code}
              value={draft.score}
              onChange={(score) => onEdit({ score })}
              onBlur={onLeaveField}
              error={draft.message}
            />
          ) : own ? (
            <ScoreField
              leaf={leaf}
              value={draft.score}
              onChange={(score) => onEdit({ score })}
              onBlur={onLeaveField}
              error={scoreError}
              testId={`score-${leaf.code}`}
            />
          ) : (
            <ReadOnlyScore leaf={leaf} />
          )}
          {own && (
            <SaveStateChip
              state={draft.state === "saved" && draft.score === "" ? "empty" : draft.state}
              testId={`save-${leaf.code}`}
            />
          )}
        </Stack>
      </Stack>
    </Box>
  );
}
