import { useMemo, useState } from "react";
import { Box } from "@mui/material";
import SearchOffOutlined from "@mui/icons-material/SearchOffOutlined";
import type { TLeafView } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../auth/AuthProvider";
import { EmptyState } from "../../../components/States";
import { AreaSection } from "../AreaSection";
import { DossierHeader } from "../DossierHeader";
import { centiOf, groupByArea } from "../model";
import type { DossierViewProps } from "../viewProps";
import { unscoredInRound1 } from "../../../format/officialStage";
import { CloseRoundButton } from "./CloseRoundButton";
import { ReviewFilters, type ReviewFilter } from "./ReviewFilters";
import { ReviewLeafRow } from "./ReviewLeafRow";
import { useAssignedAreas } from "./useAssignedAreas";

/** Steps 7 and 9: the council appraises the leaves of a submitted (round 1) or explained (round 2) dossier. */
export function ReviewView({ detail, abilities, reload, notify }: DossierViewProps) {
  const { t } = useTranslation();
  const me = useMe();
  const round: 1 | 2 = detail.status === "explained" ? 2 : 1;
  const assigned = useAssignedAreas(detail.period.id, true);
  const draftsOnly =
    me.roles.includes("working_group") &&
    !me.roles.some((r) => r === "council_member" || r === "council_chair");
  const groups = useMemo(() => groupByArea(detail), [detail]);
  const [filter, setFilter] = useState<ReviewFilter>({ mine: true, requests: false, pending: false });
  const [expanded, setExpanded] = useState<Set<string> | null>(null);

  const stageOf = (l: TLeafView) => (round === 1 ? l.stages.round1 : l.stages.round2);
  const tests: Record<keyof ReviewFilter, (l: TLeafView) => boolean> = {
    mine: (l) => !assigned || assigned.has(l.areaCode),
    requests: (l) => l.comments.some((c) => c.kind === "request"),
    pending: (l) => l.method !== "survey" && !stageOf(l),
  };
  const active = (Object.keys(tests) as (keyof ReviewFilter)[]).filter(
    (k) => filter[k] && (k !== "mine" || assigned),
  );
  const counts = {
    mine: detail.leaves.filter(tests.mine).length,
    requests: detail.leaves.filter(tests.requests).length,
    pending: detail.leaves.filter((l) => tests.mine(l) && tests.pending(l)).length,
  };
  const drafts = detail.leaves.filter((l) => stageOf(l) && !stageOf(l)!.confirmed).length;
  const openRequests = detail.leaves
    .flatMap((l) => l.comments)
    .filter((c) => c.kind === "request" && c.status !== "resolved").length;

  const visible = groups
    .map((g) => ({ group: g, leaves: g.leaves.filter((l) => active.every((k) => tests[k](l))) }))
    .filter((x) => x.leaves.length > 0);
  // By default the reviewer's own areas open; the rest stay folded until asked for.
  const isOpen = (code: string) => (expanded ? expanded.has(code) : !assigned || assigned.has(code));
  const toggle = (code: string) =>
    setExpanded(() => {
      const next = new Set(visible.map((v) => v.group.code).filter(isOpen));
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  return (
    <>
      <DossierHeader
        detail={detail}
        actions={
          abilities.closeRound && (
            <CloseRoundButton
              dossierId={detail.id}
              round={round}
              unscored={round === 1 ? unscoredInRound1(detail.leaves) : 0}
              onClosed={() => {
                notify(t("review.roundClosed", { round }));
                reload();
              }}
            />
          )
        }
      />
      <ReviewFilters
        filter={filter}
        onChange={setFilter}
        counts={counts}
        showMine={!!assigned}
        summary={t("review.summary", { round, drafts, requests: openRequests })}
      />
      {visible.length === 0 ? (
        <EmptyState
          icon={<SearchOffOutlined />}
          title={t("common.noMatch")}
          description={t("common.noMatchFilter")}
        />
      ) : (
        <Box>
          {visible.map(({ group, leaves }) => {
            const area = detail.officialTotals.areas.find((a) => a.areaCode === group.code);
            return (
              <AreaSection
                key={group.code}
                group={group}
                figures={
                  area && {
                    achieved: centiOf(area.achieved) ?? 0,
                    applicableMax: centiOf(area.applicableMax) ?? 0,
                    index: centiOf(area.index),
                  }
                }
                expanded={isOpen(group.code)}
                onToggle={() => toggle(group.code)}
              >
                {leaves.map((leaf) => (
                  <ReviewLeafRow
                    key={leaf.code}
                    dossierId={detail.id}
                    leaf={leaf}
                    round={round}
                    assigned={!assigned || assigned.has(leaf.areaCode)}
                    draftsOnly={draftsOnly}
                    canResolve={abilities.resolve}
                    onChanged={(m) => {
                      if (m) notify(m);
                      reload();
                    }}
                  />
                ))}
              </AreaSection>
            );
          })}
        </Box>
      )}
    </>
  );
}
