import type { TDashboardUnit } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { ChartCard } from "./ChartCard";
import { DataTable } from "./DataTable";
import { HBars } from "./HBars";
import { inBand } from "./bands";

const TYPE_COLORS = ["#1565c0", "#ef6c00", "#2e7d32", "#6a1b9a"];

interface Props {
  units: TDashboardUnit[];
  bands: { code: string; label: string }[];
  typeName: (code: string) => string;
  types: string[];
  big?: boolean;
}

/**
 * How many units fall in each classification band, per unit type; units not yet appraised count under "Chưa xếp
 * loại" (the subtitle says how many), units hidden from the viewer in no row (the subtitle says how many).
 */
export function ClassificationChart({ units, bands, typeName, types, big }: Props) {
  const { t } = useTranslation();
  const data = [...bands, { code: "", label: t("dashboard.classes.none") }].map((b) => {
    const row: Record<string, string | number> = { band: b.label };
    for (const type of types)
      row[type] = units.filter((u) => u.unit.unitType === type && inBand(u, b.code)).length;
    return row;
  });
  // Units with nothing appraised yet are in no band: the card says how many are still waiting.
  const waiting = units.filter((u) => u.standing === "unranked").length;
  const hidden = units.filter((u) => u.standing === "hidden").length;
  const subtitle = [
    t("dashboard.classes.subtitle"),
    waiting > 0 && t("dashboard.classes.waiting", { count: waiting }),
    hidden > 0 && t("dashboard.classes.hidden", { count: hidden }),
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <ChartCard
      big={big}
      testId="dash-classes"
      title={t("dashboard.classes.title")}
      subtitle={subtitle}
      chart={
        <HBars
          big={big}
          testId="dash-classes-bars"
          rows={data.map((r) => ({
            id: String(r.band),
            label: String(r.band),
            values: Object.fromEntries(types.map((ty) => [ty, Number(r[ty])])),
          }))}
          series={types.map((ty, i) => ({
            key: ty,
            label: typeName(ty),
            color: TYPE_COLORS[i % TYPE_COLORS.length],
          }))}
          format={(v) => String(v)}
        />
      }
      table={
        <DataTable
          big={big}
          head={[t("dashboard.classes.band"), ...types.map(typeName)]}
          rows={data.map((r) => [r.band, ...types.map((type) => r[type])])}
        />
      }
    />
  );
}
