import { Button, Typography } from "@mui/material";
import OpenInNewOutlined from "@mui/icons-material/OpenInNewOutlined";
import type { TDashboard, TDashboardUnit } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { Link as RouterLink } from "react-router-dom";
import { showIndex, showPoints } from "../../format/points";
import { currentLang } from "../../i18n";
import { ChartCard } from "./ChartCard";
import { DataTable } from "./DataTable";
import { HBars } from "./HBars";
import { titleIn } from "../../format/titles";

const pct = (achieved: number, max: number) => (max > 0 ? Math.round((achieved / max) * 1000) / 10 : 0);

/** The selected unit's areas as a percentage of each area's maximum, next to the average of its unit type. */
export function AreaProfile({
  unit,
  units,
  areas,
  big,
}: {
  unit: TDashboardUnit | null;
  units: TDashboardUnit[];
  areas: TDashboard["areas"];
  big?: boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  if (!unit)
    return (
      <ChartCard
        big={big}
        testId="dash-areas"
        title={t("dashboard.areas.title")}
        chart={<Typography color="text.secondary">{t("dashboard.areas.pick")}</Typography>}
        table={null}
      />
    );
  // The average of the type's units that have handed in their self-assessment: drafts would only drag it to 0.
  const peers = units.filter(
    (u) => u.unit.unitType === unit.unit.unitType && !u.hidden && u.status !== "draft",
  );
  const data = areas
    .filter((a) => a.unitType === unit.unit.unitType)
    .map((a) => {
      const own = unit.areas.find((x) => x.code === a.code);
      const peerValues = peers
        .map((p) => p.areas.find((x) => x.code === a.code))
        .filter((x) => x && x.max > 0);
      const avg = peerValues.length
        ? peerValues.reduce((s, x) => s + pct(x!.achieved, x!.max), 0) / peerValues.length
        : 0;
      return {
        area: `${a.code}. ${titleIn(a, lang)}`,
        short: a.code,
        unit: own ? pct(own.achieved, own.max) : 0,
        avg: Math.round(avg * 10) / 10,
        achieved: own?.achieved ?? null,
        max: own?.max ?? a.maxPoints,
      };
    });
  return (
    <ChartCard
      big={big}
      testId="dash-areas"
      title={t("dashboard.areas.title")}
      subtitle={unit.unit.name}
      actions={
        <Button
          size="small"
          component={RouterLink}
          to={`/dossiers/${unit.dossierId}`}
          // A new tab, as its icon says: the dashboard (and its big-screen mode) stays where it is.
          target="_blank"
          rel="noopener"
          endIcon={<OpenInNewOutlined fontSize="small" />}
          data-testid="dash-open-dossier"
        >
          {t("dashboard.openDossier")}
        </Button>
      }
      chart={
        unit.hidden ? (
          <Typography color="text.secondary">{t("dashboard.hiddenUnit")}</Typography>
        ) : (
          <HBars
            big={big}
            testId="dash-areas-bars"
            max={100}
            rows={data.map((d) => ({ id: d.short, label: d.area, values: { unit: d.unit, avg: d.avg } }))}
            series={[
              { key: "unit", label: unit.unit.name, color: "#1565c0" },
              { key: "avg", label: t("dashboard.areas.average"), color: "#90a4ae" },
            ]}
            format={(v) => `${v.toLocaleString(lang === "en" ? "en" : "vi", { maximumFractionDigits: 1 })} %`}
          />
        )
      }
      table={
        <DataTable
          big={big}
          testId="dash-areas-table"
          head={[
            t("dashboard.areas.area"),
            t("dashboard.areas.points"),
            t("dashboard.areas.percent"),
            t("dashboard.areas.average"),
          ]}
          rows={data.map((d) => [
            d.area,
            `${showPoints(d.achieved, lang)} / ${showPoints(d.max, lang)}`,
            showIndex(d.unit, lang),
            showIndex(d.avg, lang),
          ])}
        />
      }
    />
  );
}
