import { useState } from "react";
import { Box, Button, Stack, Tab, Tabs, Typography } from "@mui/material";
import FullscreenExitOutlined from "@mui/icons-material/FullscreenExitOutlined";
import FullscreenOutlined from "@mui/icons-material/FullscreenOutlined";
import InsightsOutlined from "@mui/icons-material/InsightsOutlined";
import { compareRankingRows, roomOf } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { dashboardApi } from "../../api/dashboard";
import { LiveStatusChip } from "../../components/LiveStatusChip";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { useApi } from "../../hooks/useApi";
import { currentLang } from "../../i18n";
import { useLiveEvent, useLiveResync, useLiveRooms, usePeriodRefetch, useThrottled } from "../../live/hooks";
import { usePeriods } from "../../period/PeriodProvider";
import ForbiddenPage from "../ForbiddenPage";
import { useUnitTypeNames } from "../meetings/useUnitTypeNames";
import { AreaProfile } from "./AreaProfile";
import { ClassificationChart } from "./ClassificationChart";
import { InflationChart } from "./InflationChart";
import { ProgressPanel } from "./ProgressPanel";
import { RankAnnouncer } from "./RankAnnouncer";
import { RankingCard } from "./RankingCard";
import { useBigScreen } from "./useBigScreen";
import { withRanking } from "./withRanking";
import { YearOverYear } from "./YearOverYear";

const timeFmt = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/**
 * The live leadership dashboard (docs/domain.md §1, §4): the ranking per unit type re-ordering as the council's scores
 * move, classification, progress, self-score inflation, area profiles and the previous year, each chart with a
 * table; a big-screen mode for the meeting room.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const { periodId = "" } = useParams();
  const { periods } = usePeriods();
  const period = periods?.find((p) => p.id === periodId);
  const types = useUnitTypeNames();
  const dashboard = useApi((signal) => dashboardApi.get(periodId, signal), [periodId]);
  const { setData, reload } = dashboard;
  // The other figures 1.5 s after a ranking push, at most every 1.5 s, the last push always followed (a debounce
  // here would never fire while a meeting pushes the ranking every 250 ms).
  const refetchSoon = useThrottled(reload, 1_500, 1_500);
  const [type, setType] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const { big, screen, toggle: toggleBig } = useBigScreen();

  useLiveRooms([roomOf.periodCouncil(periodId)]);
  useLiveEvent("ranking:update", (p) => {
    if (p.periodId !== periodId) return;
    if (!p.rows) return reload();
    // The ranking itself came with the event: move the bars now, and refresh the other figures a moment later.
    const rows = p.rows;
    setData((prev) => (prev ? withRanking(prev, rows, p.at) : prev));
    refetchSoon();
  });
  usePeriodRefetch(periodId, reload);
  useLiveResync(dashboard.reload);

  if (!dashboard.data && dashboard.error?.code === "forbidden") return <ForbiddenPage />;
  if (!dashboard.data)
    return dashboard.error ? (
      <ErrorState error={dashboard.error} onRetry={dashboard.reload} />
    ) : (
      <LoadingState />
    );
  const data = dashboard.data;
  // ▲▼ since the meeting started: the rank before the meeting against the live one.
  const moves = new Map<string, number>();
  for (const u of data.units)
    if (u.rank !== null && u.rankBeforeMeeting !== null && u.rank !== u.rankBeforeMeeting)
      moves.set(u.unit.id, u.rankBeforeMeeting - u.rank);
  const unitTypes = [...new Set(data.units.map((u) => u.unit.unitType))].sort(
    (a, b) => types.order(a) - types.order(b),
  );
  const current = type && unitTypes.includes(type) ? type : (unitTypes[0] ?? null);
  const ofType = data.units.filter((u) => u.unit.unitType === current);
  const bands = [...(period?.classificationBands ?? [])].sort((a, b) => b.minIndex - a.minIndex);
  const bandCodes = bands.map((b) => b.code);
  const bandLabel = (code: string | null) => {
    const b = bands.find((x) => x.code === code);
    return b ? (lang === "en" ? b.labelEn : b.label) : (code ?? "—");
  };
  const selectedUnit =
    ofType.find((u) => u.dossierId === selected) ??
    [...ofType].filter((u) => !u.hidden).sort(compareRankingRows)[0] ??
    null;

  return (
    <Box
      ref={screen}
      data-testid="dashboard-page"
      data-big={big || undefined}
      sx={
        big
          ? {
              position: "fixed",
              inset: 0,
              zIndex: 1300,
              overflow: "auto",
              bgcolor: "background.default",
              p: 3,
              fontSize: 18,
            }
          : undefined
      }
    >
      <PageHeader
        title={
          big ? (
            <Typography sx={{ fontSize: 34, fontWeight: 700 }}>{t("dashboard.title")}</Typography>
          ) : (
            t("dashboard.title")
          )
        }
        subtitle={period?.name}
        actions={
          <Stack direction="row" spacing={1.5} sx={{ alignItems: "center" }}>
            <Typography variant={big ? "body1" : "body2"} color="text.secondary" data-testid="dash-updated">
              {t("ranking.updatedAt", { time: timeFmt.format(new Date(data.at)) })}
            </Typography>
            <LiveStatusChip />
            <Button
              variant={big ? "contained" : "outlined"}
              startIcon={big ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
              onClick={toggleBig}
              data-testid="dash-big"
            >
              {t(big ? "dashboard.exitBig" : "dashboard.big")}
            </Button>
          </Stack>
        }
      />
      <RankAnnouncer units={data.units} />
      {data.units.length === 0 ? (
        <EmptyState icon={<InsightsOutlined />} title={t("ranking.empty")} />
      ) : (
        <Stack spacing={2.5}>
          <ProgressPanel data={data} big={big} />
          <Tabs
            value={current}
            onChange={(_e, v: string) => setType(v)}
            sx={{ borderBottom: 1, borderColor: "divider" }}
          >
            {unitTypes.map((code) => (
              <Tab
                key={code}
                value={code}
                label={types.name(code)}
                data-testid={`dash-type-${code}`}
                sx={big ? { fontSize: 20 } : undefined}
              />
            ))}
          </Tabs>
          <Box
            sx={{
              display: "grid",
              gap: 2.5,
              gridTemplateColumns: { xs: "1fr", lg: big ? "1fr" : "minmax(0, 3fr) minmax(0, 2fr)" },
            }}
          >
            <RankingCard
              rows={ofType}
              title={t("dashboard.ranking.title", { type: current ? types.name(current) : "" })}
              bandCodes={bandCodes}
              bandLabel={bandLabel}
              moves={moves}
              selected={selectedUnit?.dossierId ?? null}
              onSelect={setSelected}
              big={big}
            />
            <Stack spacing={2.5} sx={{ minWidth: 0 }}>
              <AreaProfile unit={selectedUnit} units={data.units} areas={data.areas} big={big} />
              <ClassificationChart
                units={data.units}
                bands={bands.map((b) => ({ code: b.code, label: lang === "en" ? b.labelEn : b.label }))}
                types={unitTypes}
                typeName={types.name}
                big={big}
              />
            </Stack>
          </Box>
          <Box
            sx={{
              display: "grid",
              gap: 2.5,
              gridTemplateColumns: { xs: "1fr", lg: data.previousPeriod ? "1fr 1fr" : "1fr" },
            }}
          >
            <InflationChart units={ofType} big={big} onSelect={setSelected} />
            {data.previousPeriod && (
              <YearOverYear
                units={ofType}
                previous={data.previousPeriod}
                year={period?.year ?? 0}
                big={big}
              />
            )}
          </Box>
        </Stack>
      )}
    </Box>
  );
}
