import { Chip } from "@mui/material";
import SchoolOutlined from "@mui/icons-material/SchoolOutlined";
import type { TPeriod } from "@ca/shared";
import { useTranslation } from "react-i18next";

/** Marks a training period (tập huấn) so nobody mistakes practice data for the official appraisal. */
export function PeriodKindChip({
  period,
  size = "small",
}: {
  period: Pick<TPeriod, "kind">;
  size?: "small" | "medium";
}) {
  const { t } = useTranslation();
  if (period.kind !== "training") return null;
  return (
    <Chip
      size={size}
      color="warning"
      icon={<SchoolOutlined />}
      label={t("period.training")}
      sx={{ fontWeight: 600 }}
    />
  );
}
