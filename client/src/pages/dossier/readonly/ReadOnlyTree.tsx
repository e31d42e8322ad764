import { useMemo, useState } from "react";
import { Box } from "@mui/material";
import type { TDossierDetail } from "@ca/shared";
import { AreaSection } from "../AreaSection";
import { centiOf, groupByArea } from "../model";
import { ReadOnlyLeafRow } from "./ReadOnlyLeafRow";

/** The whole index tree, read-only, with the official area figures the reader may see. */
export function ReadOnlyTree({
  detail,
  initiallyOpen = 1,
  openRequests = true,
}: {
  detail: TDossierDetail;
  /** How many areas start open, from the first. */
  initiallyOpen?: number;
  /** Also open the areas holding requests for explanation: during steps 8–9 they are what everyone looks at. */
  openRequests?: boolean;
}) {
  const groups = useMemo(() => groupByArea(detail), [detail]);
  const [expanded, setExpanded] = useState<Set<string>>(
    () =>
      new Set(
        groups
          .filter(
            (g, i) =>
              i < initiallyOpen ||
              (openRequests && g.leaves.some((l) => l.comments.some((c) => c.kind === "request"))),
          )
          .map((g) => g.code),
      ),
  );
  return (
    <Box>
      {groups.map((group) => {
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
            expanded={expanded.has(group.code)}
            onToggle={() =>
              setExpanded((s) => {
                const next = new Set(s);
                if (next.has(group.code)) next.delete(group.code);
                else next.add(group.code);
                return next;
              })
            }
          >
            {group.leaves.map((leaf) => (
              <ReadOnlyLeafRow key={leaf.code} leaf={leaf} />
            ))}
          </AreaSection>
        );
      })}
    </Box>
  );
}
