import type { TDashboard, TDashboardUnit } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { showDelta, showPoints, toCenti } from "../../format/points";
import { currentLang } from "../../i18n";
import { ChartCard } from "./ChartCard";
import { DataTable } from "./DataTable";
import { HBars } from "./HBars";

/** This period's total against the previous official period's, per unit (when that period exists). */
export function YearOverYear({
  units,
  previous,
  year,
  big,
}: {
  units: TDashboardUnit[];
  previous: NonNullable<TDashboard["previousPeriod"]>;
  year: number;
  big?: boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const data = units
    // Drafts would compare last year's result with an empty self-assessment.
    .filter((u) => u.status !== "draft" && u.total !== null && u.previous?.total != null)
    .map((u) => ({
      name: u.unit.name,
      now: u.total!,
      before: u.previous!.total!,
      rankNow: u.rank,
      rankBefore: u.previous!.rank,
    }))
    .sort((a, b) => b.now - a.now);
  return (
    <ChartCard
      big={big}
      testId="dash-yoy"
      title={t("dashboard.yoy.title", { before: previous.year, now: year })}
      subtitle={previous.name}
      chart={
        data.length === 0 ? (
          t("dashboard.yoy.none")
        ) : (
          <HBars
            big={big}
            testId="dash-yoy-bars"
            rows={data.map((d) => ({ id: d.name, label: d.name, values: { before: d.before, now: d.now } }))}
            series={[
              { key: "before", label: String(previous.year), color: "#b0bec5" },
              { key: "now", label: String(year), color: "#1565c0" },
            ]}
            format={(v) => showPoints(v, lang)}
          />
        )
      }
      table={
        <DataTable
          big={big}
          head={[
            t("dossiers.unit"),
            String(previous.year),
            String(year),
            t("dashboard.yoy.change"),
            t("dashboard.yoy.rank"),
          ]}
          rows={data.map((d) => [
            d.name,
            showPoints(d.before, lang),
            showPoints(d.now, lang),
            showDelta(toCenti(d.now) - toCenti(d.before), lang),
            `${d.rankBefore ?? "—"} → ${d.rankNow ?? "—"}`,
          ])}
        />
      }
    />
  );
}
