import { Chip, Tooltip } from "@mui/material";
import { alpha } from "@mui/material/styles";
import AttachFileOutlined from "@mui/icons-material/AttachFileOutlined";
import type { TIndexItem } from "@ca/shared";
import { useTranslation } from "react-i18next";

const METHOD_COLOR: Record<TIndexItem["method"], string> = {
  self: "#1565c0",
  survey: "#6a1b9a",
  council: "#00796b",
};

/** How a leaf is scored: self-scored with evidence, computed from the survey (XHH), or by the council. */
export function MethodBadge({ method }: { method: TIndexItem["method"] }) {
  const { t } = useTranslation();
  const color = METHOD_COLOR[method];
  return (
    <Tooltip title={t(`indexSets.methodHint.${method}`)}>
      <Chip
        size="small"
        label={t(`indexSets.method.${method}`)}
        data-method={method}
        sx={{
          color,
          bgcolor: alpha(color, 0.08),
          border: `1px solid ${alpha(color, 0.35)}`,
          height: 22,
          fontSize: 12,
        }}
      />
    </Tooltip>
  );
}

/** The paper-clip of a leaf whose score needs evidence (tài liệu kiểm chứng). */
export function EvidenceIcon() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t("indexSets.evidenceRequired")}>
      <AttachFileOutlined
        fontSize="small"
        color="action"
        aria-label={t("indexSets.evidenceRequired")}
        data-testid="evidence-icon"
      />
    </Tooltip>
  );
}
