import { Typography } from "@mui/material";
import type { TDashboardUnit } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { showDelta, showPoints, toCenti } from "../../format/points";
import { currentLang } from "../../i18n";
import { ChartCard } from "./ChartCard";
import { DataTable } from "./DataTable";
import { HBars } from "./HBars";
import { hasAppraisalGap } from "./bands";

/** Self-assessed total minus the appraised total per unit: how much each unit over-scored itself. */
export function InflationChart({
  units,
  big,
  onSelect,
}: {
  units: TDashboardUnit[];
  big?: boolean;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const data = units
    // Until round 1 is closed the total is the unit's own: a gap of 0,00 would read as "the council agreed".
    .filter(hasAppraisalGap)
    .map((u) => ({
      id: u.dossierId,
      name: u.unit.name,
      self: u.selfTotal!,
      appraised: u.total!,
      gap: (toCenti(u.selfTotal!) - toCenti(u.total!)) / 100,
    }))
    .sort((a, b) => b.gap - a.gap);
  return (
    <ChartCard
      big={big}
      testId="dash-inflation"
      title={t("dashboard.inflation.title")}
      subtitle={t("dashboard.inflation.subtitle")}
      chart={
        data.length === 0 ? (
          <Typography color="text.secondary">{t("dashboard.inflation.none")}</Typography>
        ) : (
          <HBars
            big={big}
            testId="dash-inflation-bars"
            rows={data.map((d) => ({ id: d.id, label: d.name, values: { gap: d.gap } }))}
            series={[
              {
                key: "gap",
                label: t("dashboard.inflation.gap"),
                color: (v) => (v > 5 ? "#c62828" : v > 0 ? "#ef6c00" : "#2e7d32"),
              },
            ]}
            format={(v) => showDelta(Math.round(v * 100), lang)}
            onSelect={onSelect}
          />
        )
      }
      table={
        <DataTable
          big={big}
          testId="dash-inflation-table"
          head={[
            t("dossiers.unit"),
            t("dashboard.inflation.self"),
            t("dashboard.inflation.appraised"),
            t("dashboard.inflation.gap"),
          ]}
          rows={data.map((d) => [
            d.name,
            showPoints(d.self, lang),
            showPoints(d.appraised, lang),
            showDelta(Math.round(d.gap * 100), lang),
          ])}
        />
      }
    />
  );
}
