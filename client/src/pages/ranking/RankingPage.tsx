import { useRef } from "react";
import { Stack, Typography } from "@mui/material";
import LeaderboardOutlined from "@mui/icons-material/LeaderboardOutlined";
import { compareRankingRows, roomOf, type TRankingRow, type TUnitType } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { unitsApi } from "../../api/units";
import { workflowApi } from "../../api/workflow";
import { LiveStatusChip } from "../../components/LiveStatusChip";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { useApi } from "../../hooks/useApi";
import { useLiveEvent, useLiveResync, useLiveRooms } from "../../live/hooks";
import { currentLang } from "../../i18n";
import { usePeriods } from "../../period/PeriodProvider";
import ForbiddenPage from "../ForbiddenPage";
import { RankingTable } from "./RankingTable";

const timeFmt = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** The provisional ranking per unit type, refreshed live as the council's scores change (docs/architecture.md). */
export default function RankingPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const { periodId = "" } = useParams();
  const { periods } = usePeriods();
  const period = periods?.find((p) => p.id === periodId);
  const previous = useRef(new Map<string, number>());
  const ranking = useApi(
    async (signal) => withMoves(await workflowApi.ranking(periodId, signal), new Date()),
    [periodId],
  );
  /** Rank moves (▲▼) compare with the previous figures this page showed. */
  function withMoves(rows: TRankingRow[], at: Date) {
    const moves = new Map<string, number>();
    for (const r of rows) {
      const before = previous.current.get(r.unit.id);
      if (before !== undefined && r.rank !== null && before !== r.rank) moves.set(r.unit.id, before - r.rank);
    }
    previous.current = new Map(rows.filter((r) => r.rank !== null).map((r) => [r.unit.id, r.rank!]));
    return { rows, moves, at };
  }
  const unitTypes = useApi((signal) => unitsApi.types(signal).catch(() => [] as TUnitType[]), []);

  useLiveRooms([roomOf.periodCouncil(periodId)]);
  useLiveEvent("ranking:update", (p) => {
    if (p.periodId !== periodId) return;
    // Viewers recused on nothing get the whole ranking with the event: no refetch.
    if (p.rows) {
      const next = withMoves(p.rows, new Date(p.at));
      ranking.setData(() => next);
    } else ranking.reload();
  });
  useLiveResync(ranking.reload);

  if (!ranking.data && ranking.error?.code === "forbidden") return <ForbiddenPage />;
  let body;
  if (!ranking.data)
    body = ranking.error ? <ErrorState error={ranking.error} onRetry={ranking.reload} /> : <LoadingState />;
  else if (ranking.data.rows.length === 0)
    body = <EmptyState icon={<LeaderboardOutlined />} title={t("ranking.empty")} />;
  else {
    const byType = new Map<string, TRankingRow[]>();
    for (const r of ranking.data.rows)
      byType.set(r.unit.unitType, [...(byType.get(r.unit.unitType) ?? []), r]);
    const order = (code: string) => {
      const i = (unitTypes.data ?? []).findIndex((u) => u.code === code);
      return i === -1 ? 99 : i;
    };
    const name = (code: string) => {
      const ut = unitTypes.data?.find((u) => u.code === code);
      return ut ? (lang === "en" ? ut.nameEn : ut.name) : code;
    };
    body = [...byType.entries()]
      .sort(([a], [b]) => order(a) - order(b))
      .map(([code, rows]) => (
        <RankingTable
          key={code}
          title={name(code)}
          rows={[...rows].sort(compareRankingRows)}
          bands={period?.classificationBands ?? []}
          moves={ranking.data!.moves}
        />
      ));
  }

  return (
    <Stack data-testid="ranking-page">
      <PageHeader
        title={t("ranking.title")}
        subtitle={t("ranking.subtitle", { period: period?.name ?? "" })}
        actions={
          <Stack direction="row" spacing={1.5} sx={{ alignItems: "center" }}>
            {ranking.data && (
              <Typography variant="body2" color="text.secondary" data-testid="ranking-updated">
                {t("ranking.updatedAt", { time: timeFmt.format(ranking.data.at) })}
              </Typography>
            )}
            <LiveStatusChip />
          </Stack>
        }
      />
      {body}
    </Stack>
  );
}
