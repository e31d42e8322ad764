import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { Paper, Stack, Typography, useMediaQuery, type Theme } from "@mui/material";
import {
  figuresFromView,
  clearAdjustment,
  readAdjustments,
  setAdjustment,
  type TLeafReview,
  type TMeetingAgendaItem,
  type TMeetingProjection,
} from "@ca/shared";
import { useTranslation } from "react-i18next";
import { dossiersApi } from "../../api/dossiers";
import { ApiError } from "../../api/http";
import { meetingsApi } from "../../api/meetings";
import { useMe } from "../../auth/AuthProvider";
import { useCollabState, useDocumentVersion, useMeetingDocument } from "../../collab/useMeetingDocument";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorState, LoadingState } from "../../components/States";
import { titleIn } from "../../format/titles";
import { useApi } from "../../hooks/useApi";
import { currentLang } from "../../i18n";
import { useLiveEvent } from "../../live/hooks";
import type { AnswerBody } from "../dossier/kinds/answers";
import { AreaLeaves, type LiveLeaf } from "./AreaLeaves";
import { ProjectionTotals } from "./ProjectionTotals";
import { WorkspaceHeader } from "./WorkspaceHeader";

const MinutesEditor = lazy(() => import("./MinutesEditor"));

interface Props {
  meetingId: string;
  item: TMeetingAgendaItem;
  names: Map<string, string>;
  /** The leaf this screen shows (the chair's when following). */
  focusLeaf: string | null;
  /** The leaf the chair has under discussion in this dossier. */
  chairLeaf: string | null;
  drives: boolean;
  /** The meeting has ended: its read-only minutes say so when empty. */
  ended: boolean;
  onSelectLeaf: (code: string | null) => void;
}

/** One agenda dossier in the meeting: its shared document, the live projection, and the chair's lock. */
export function DossierWorkspace({
  meetingId,
  item,
  names,
  focusLeaf,
  chairLeaf,
  drives,
  ended,
  onSelectLeaf,
}: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery((th: Theme) => th.breakpoints.down("sm"));
  const lang = currentLang();
  const me = useMe();
  const session = useMeetingDocument(item.room, { name: me.fullName });
  const collab = useCollabState(session);
  const version = useDocumentVersion(session);
  const projection = useApi(
    (signal) => meetingsApi.projection(meetingId, item.dossierId, signal),
    [meetingId, item.dossierId],
  );
  const dossier = useApi(
    (signal) =>
      dossiersApi
        .get(item.dossierId, signal)
        .then((r) => r.data)
        .catch(() => null),
    [item.dossierId],
  );
  const [confirmLock, setConfirmLock] = useState<string[] | "all" | null>(null);
  const [error, setError] = useState<string | null>(null);

  useLiveEvent("meeting:projection", (p) => {
    if (p.meetingId === meetingId && p.dossierId === item.dossierId) projection.reload();
  });
  useLiveEvent("meeting:update", (p) => p.meetingId === meetingId && projection.reload());

  useEffect(() => session?.setFocus(focusLeaf), [session, focusLeaf]);
  // Bring the criterion under discussion into view.
  useEffect(() => {
    if (!focusLeaf) return;
    const el = document.getElementById(`meeting-leaf-${focusLeaf}`);
    const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    el?.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
  }, [focusLeaf, projection.data !== undefined]); // eslint-disable-line react-hooks/exhaustive-deps

  // The document's live parts, re-read on each change of the document (version).
  const live = useMemo(() => {
    if (!session) return { adjustments: new Map(), review: new Map<string, TLeafReview>() };
    const review = new Map<string, TLeafReview>();
    session.md.review.forEach((v, k) => review.set(k, v));
    return { adjustments: readAdjustments(session.md), review };
  }, [session, version]); // eslint-disable-line react-hooks/exhaustive-deps

  const canEdit = item.abilities.editDocument && collab.status !== "closed";
  const leafNames = useMemo(() => {
    const out = new Map(names);
    for (const l of projection.data?.leaves ?? [])
      if (l.adjustment?.byName) out.set(l.adjustment.by, l.adjustment.byName);
    session?.provider.awareness.getStates().forEach((s) => {
      if (typeof s.userId === "string" && typeof s.name === "string") out.set(s.userId, s.name);
    });
    out.set(me.id, me.fullName);
    return out;
  }, [names, projection.data, session, version, me]); // eslint-disable-line react-hooks/exhaustive-deps

  const areas = useMemo(() => {
    const groups = new Map<string, TMeetingProjection["leaves"]>();
    for (const l of projection.data?.leaves ?? []) groups.set(l.area, [...(groups.get(l.area) ?? []), l]);
    return [...groups.entries()];
  }, [projection.data]);
  const areaTitle = (code: string) => {
    const a = dossier.data?.areas.find((x) => x.code === code);
    if (a) return `${code}. ${titleIn(a, lang)}`;
    if (code === "B") return t("meeting.workspace.bonus");
    if (code === "P") return t("meeting.workspace.penalty");
    return t("meeting.workspace.area", { code });
  };

  const propose = (code: string, centi: number, answer?: AnswerBody) =>
    session &&
    setAdjustment(session.md, code, {
      score: centi,
      by: me.id,
      at: new Date().toISOString(),
      // The level or figures of a kinded leaf (figures in hundredths, as the document stores them).
      ...(answer && "level" in answer ? { level: answer.level } : {}),
      ...(answer && "figures" in answer ? { figures: figuresFromView(answer.figures) } : {}),
    });
  const withdraw = (code: string) => session && clearAdjustment(session.md, code);
  const lock = async (codes: string[] | "all") => {
    setError(null);
    const result = await meetingsApi.lock(meetingId, item.dossierId, codes === "all" ? undefined : codes);
    projection.setData(() => result);
  };
  const lockLeaf = (code: string) =>
    lock([code]).catch((err: unknown) =>
      setError(err instanceof ApiError ? err.message : t("errors.unknown")),
    );

  // Survey leaves take their points from the survey: the projection says which (no dossier detail needed).
  const survey = useMemo(
    () => new Set((projection.data?.leaves ?? []).filter((l) => l.method === "survey").map((l) => l.code)),
    [projection.data],
  );
  const agreed = item.status === "agreed" || item.status === "published";
  const leafTitle = (leaf: TMeetingProjection["leaves"][number]) =>
    titleIn(dossier.data?.leaves.find((l) => l.code === leaf.code) ?? leaf, lang);
  const liveLeaf = (l: TMeetingProjection["leaves"][number]): LiveLeaf => {
    const adj = live.adjustments.get(l.code);
    return {
      adjustment:
        session && collab.loaded
          ? adj
          : l.adjustment
            ? { score: Math.round(l.adjustment.score * 100), by: l.adjustment.by, at: l.adjustment.at }
            : undefined,
      review: live.review.get(l.code),
      note: session && collab.loaded ? session.md.notes.get(l.code) : undefined,
      byName: adj ? (leafNames.get(adj.by) ?? null) : (l.adjustment?.byName ?? null),
    };
  };
  return (
    <Stack spacing={2} data-testid="meeting-workspace" data-dossier={item.dossierId}>
      <WorkspaceHeader
        item={item}
        canEdit={canEdit}
        agreed={agreed}
        canLockAll={item.abilities.lock && !agreed}
        onLockAll={() => setConfirmLock("all")}
        closeCode={collab.status === "closed" ? collab.closeCode : null}
        error={error}
        onDismissError={() => setError(null)}
        phone={phone}
      />
      {projection.data ? (
        <ProjectionTotals
          projection={projection.data}
          survey={survey}
          settled={item.status === "agreed" || item.status === "published" ? item.status : null}
        />
      ) : projection.error ? (
        <ErrorState error={projection.error} onRetry={projection.reload} />
      ) : (
        <LoadingState minHeight={120} />
      )}
      {areas.map(([area, leaves]) => (
        <AreaLeaves
          key={area}
          area={area}
          title={areaTitle(area)}
          leaves={leaves}
          leafTitle={leafTitle}
          live={liveLeaf}
          canEdit={canEdit && collab.loaded}
          canLock={item.abilities.lock}
          survey={survey}
          focusLeaf={focusLeaf}
          chairLeaf={chairLeaf}
          phone={phone}
          onPropose={propose}
          onWithdraw={withdraw}
          onLock={(code) => (drives ? setConfirmLock([code]) : lockLeaf(code))}
          onSelect={onSelectLeaf}
        />
      ))}
      {session && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
            {t("meeting.minutes.heading")}
          </Typography>
          <Suspense fallback={<LoadingState minHeight={120} />}>
            <MinutesEditor
              fragment={session.md.minutes}
              editable={canEdit && collab.loaded}
              emptyText={t(ended ? "meeting.minutes.noneEnded" : "meeting.minutes.noneYet")}
            />
          </Suspense>
        </Paper>
      )}
      {confirmLock && (
        <ConfirmDialog
          title={t(
            confirmLock === "all" ? "meeting.workspace.lockDossierTitle" : "meeting.workspace.lockLeafTitle",
          )}
          text={t(
            confirmLock === "all" ? "meeting.workspace.lockDossierText" : "meeting.workspace.lockLeafText",
            {
              unit: item.unit.name,
              code: confirmLock === "all" ? "" : confirmLock.join(", "),
            },
          )}
          confirmLabel={t("meeting.workspace.lockConfirm")}
          onConfirm={() => lock(confirmLock)}
          onClose={() => setConfirmLock(null)}
        />
      )}
    </Stack>
  );
}
