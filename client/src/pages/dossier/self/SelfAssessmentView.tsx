import { useMemo, useState } from "react";
import { Box, Button, Chip, Tooltip, Typography } from "@mui/material";
import TaskAltOutlined from "@mui/icons-material/TaskAltOutlined";
import type { TLeafView } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { dossiersApi } from "../../../api/dossiers";
import { EmptyState } from "../../../components/States";
import { AreaSection } from "../AreaSection";
import { DossierHeader } from "../DossierHeader";
import { groupByArea, isSelfLeaf, lacksEvidence, runningSelfTotals } from "../model";
import { SignedReportDialog } from "../SignedReportDialog";
import { UnsavedGuard } from "../UnsavedGuard";
import type { DossierViewProps } from "../viewProps";
import { SelfFilters, type SelfFilter } from "./SelfFilters";
import { SelfLeafRow } from "./SelfLeafRow";
import { useSelfDrafts } from "./useSelfDrafts";

/** Step 6: the agency scores its leaves, notes and evidences them, and the head submits with the signed report. */
export function SelfAssessmentView({ detail, abilities, reload, notify }: DossierViewProps) {
  const { t } = useTranslation();
  const drafts = useSelfDrafts(detail);
  const groups = useMemo(() => groupByArea(detail), [detail]);
  const [filter, setFilter] = useState<SelfFilter>({ missingEvidence: false, unscored: false });
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(groups.slice(0, 1).map((g) => g.code)));
  const [focusCode, setFocusCode] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const totals = runningSelfTotals(detail, drafts.typed);
  const unscored = (l: TLeafView) =>
    isSelfLeaf(l) && !(l.code in drafts.typed) && l.stages.self === undefined;
  const matches = (l: TLeafView) =>
    (!filter.missingEvidence || lacksEvidence(l)) && (!filter.unscored || unscored(l));
  const filtering = filter.missingEvidence || filter.unscored;
  const counts = {
    missingEvidence: detail.leaves.filter(lacksEvidence).length,
    unscored: detail.leaves.filter(unscored).length,
  };

  const jumpTo = (code: string) => {
    const area = detail.leaves.find((l) => l.code === code)?.areaCode;
    setFilter({ missingEvidence: false, unscored: false });
    if (area) setExpanded((s) => new Set(s).add(area));
    setFocusCode(null);
    window.setTimeout(() => setFocusCode(code), 50);
    // The highlight fades once the person has seen where they landed.
    window.setTimeout(() => setFocusCode((c) => (c === code ? null : c)), 2500);
  };

  const visibleGroups = groups
    .map((g) => ({ group: g, leaves: g.leaves.filter(matches) }))
    .filter((x) => x.leaves.length > 0);

  return (
    <>
      <UnsavedGuard dirty={drafts.dirty} />
      <DossierHeader
        detail={detail}
        selfFigures={{ total: totals.total, index: totals.index }}
        actions={
          abilities.submitSelf ? (
            <Tooltip title={drafts.dirty ? t("self.saveFirst") : ""}>
              <span>
                <Button
                  variant="contained"
                  size="large"
                  startIcon={<TaskAltOutlined />}
                  onClick={() => setSubmitting(true)}
                  disabled={drafts.dirty}
                  data-testid="submit-self"
                >
                  {t("self.submit")}
                </Button>
              </span>
            </Tooltip>
          ) : (
            // Whoever scores but does not submit (an editor) learns who does, and when.
            abilities.editSelf && (
              <Typography
                variant="body2"
                color="text.secondary"
                sx={{ maxWidth: 320 }}
                data-testid="submit-by-head"
              >
                {t("self.submitByHead")}
              </Typography>
            )
          )
        }
      />
      <SelfFilters
        filter={filter}
        onChange={setFilter}
        counts={counts}
        overall={drafts.overall}
        onExpandAll={() => setExpanded(new Set(groups.map((g) => g.code)))}
        onCollapseAll={() => setExpanded(new Set())}
      />
      {visibleGroups.length === 0 ? (
        <EmptyState icon={<TaskAltOutlined />} title={t("self.filterEmpty")} />
      ) : (
        <Box>
          {visibleGroups.map(({ group, leaves }) => {
            const figures = totals.areas.find((a) => a.areaCode === group.code);
            const open = group.leaves.filter(unscored).length;
            return (
              <AreaSection
                key={group.code}
                group={group}
                figures={figures}
                expanded={filtering || expanded.has(group.code)}
                onToggle={() =>
                  setExpanded((s) => {
                    const next = new Set(s);
                    if (next.has(group.code)) next.delete(group.code);
                    else next.add(group.code);
                    return next;
                  })
                }
                badges={
                  open > 0 && (
                    <Chip
                      size="small"
                      color="warning"
                      variant="outlined"
                      label={t("self.unscoredCount", { count: open })}
                    />
                  )
                }
              >
                {leaves.map((leaf) => (
                  <SelfLeafRow
                    key={leaf.code}
                    dossierId={detail.id}
                    leaf={leaf}
                    draft={drafts.view(leaf)}
                    onEdit={(patch) => drafts.edit(leaf, patch)}
                    onLeaveField={() => drafts.flush(leaf.code)}
                    onUploaded={() => reload()}
                    onRemoved={() => reload()}
                    focus={focusCode === leaf.code}
                  />
                ))}
              </AreaSection>
            );
          })}
        </Box>
      )}
      {submitting && (
        <SignedReportDialog
          title={t("self.submitTitle")}
          text={t("self.submitText", { unit: detail.unit.name })}
          submitLabel={t("self.submitConfirm")}
          send={(file, onProgress) => dossiersApi.submit(detail.id, file, onProgress)}
          onDone={() => {
            setSubmitting(false);
            notify(t("self.submitted"));
            reload();
          }}
          onClose={() => setSubmitting(false)}
          onCode={jumpTo}
          missing={{
            unscored: detail.leaves.filter(unscored).map((l) => l.code),
            missingEvidence: detail.leaves.filter(lacksEvidence).map((l) => l.code),
          }}
        />
      )}
    </>
  );
}
