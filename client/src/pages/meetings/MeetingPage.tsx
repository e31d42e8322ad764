import { useEffect, useMemo, useState } from "react";
import { Alert, Box, Button, Stack } from "@mui/material";
import PlayArrowOutlined from "@mui/icons-material/PlayArrowOutlined";
import StopOutlined from "@mui/icons-material/StopOutlined";
import { roomOf, type TCouncilView, type TMeetingPresence } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { ApiError } from "../../api/http";
import { meetingsApi } from "../../api/meetings";
import { workflowApi } from "../../api/workflow";
import { useMe } from "../../auth/AuthProvider";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { LiveStatusChip } from "../../components/LiveStatusChip";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/States";
import { formatDateTime } from "../../format/dates";
import { useApi } from "../../hooks/useApi";
import { useLiveEvent, useLiveResync, useLiveRooms } from "../../live/hooks";
import { useLiveConnection } from "../../live/LiveProvider";
import { usePeriods } from "../../period/PeriodProvider";
import ForbiddenPage from "../ForbiddenPage";
import { AgendaSidebar } from "./AgendaSidebar";
import { AgreementPanel } from "./AgreementPanel";
import { DossierWorkspace } from "./DossierWorkspace";
import { MeetingStatusChip } from "./MeetingsPage";
import { RecusedNotice } from "./RecusedNotice";
import { TrackerBar } from "./TrackerBar";

interface View {
  dossierId: string | null;
  leafCode: string | null;
}

/**
 * The live council meeting (docs/architecture.md): the chair drives which dossier and criterion everyone sees; members
 * follow by default, may step away and rejoin; each dossier's shared document holds proposals, notes, minutes.
 */
export default function MeetingPage() {
  const { t } = useTranslation();
  const { meetingId = "" } = useParams();
  const me = useMe();
  const live = useLiveConnection();
  const meeting = useApi((signal) => meetingsApi.get(meetingId, signal), [meetingId]);
  const periodId = meeting.data?.data.periodId;
  const { remember } = usePeriods();
  // The shell's period selector and menu follow the meeting's period, as on a dossier's page.
  useEffect(() => {
    if (periodId) remember(periodId);
  }, [periodId, remember]);
  const council = useApi(
    (signal) => (periodId ? workflowApi.council(periodId, signal).catch(() => null) : Promise.resolve(null)),
    [periodId],
  );
  const [people, setPeople] = useState<TMeetingPresence[]>([]);
  const [following, setFollowing] = useState(true);
  const [view, setView] = useState<View>({ dossierId: null, leafCode: null });
  const [confirm, setConfirm] = useState<"start" | "end" | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  useLiveRooms([roomOf.meeting(meetingId)]);
  useLiveEvent("meeting:update", (p) => p.meetingId === meetingId && meeting.reload());
  useLiveEvent("meeting:focus", (p) => {
    if (p.meetingId !== meetingId) return;
    meeting.setData((prev) => prev && { ...prev, data: { ...prev.data, focus: p } });
  });
  useLiveEvent("presence", (p) => p.meetingId === meetingId && setPeople(p.people));
  useLiveResync(meeting.reload);

  const data = meeting.data?.data;
  const abilities = meeting.data?.abilities ?? {};
  const running = data?.status === "running";
  // The chair (or the admin) drives the meeting while it runs; `end` is theirs exactly then.
  const drives = running && !!(abilities.focus ?? abilities.end);
  const focus = data?.focus ?? null;
  const firstDossier = data?.agenda[0]?.dossierId ?? null;
  const current: View =
    (following || drives) && focus?.dossierId
      ? { dossierId: focus.dossierId, leafCode: focus.leafCode }
      : { dossierId: view.dossierId ?? focus?.dossierId ?? firstDossier, leafCode: view.leafCode };
  const item = data?.agenda.find((a) => a.dossierId === current.dossierId) ?? data?.agenda[0] ?? null;

  // Tell the room what this screen shows (presence); the server stamps who.
  useEffect(() => {
    if (!data) return;
    live.look({ meetingId, dossierId: item?.dossierId ?? null, leafCode: current.leafCode, following });
  }, [live, meetingId, data, item?.dossierId, current.leafCode, following]);
  useEffect(() => () => live.look(null), [live]);

  const names = useMemo(() => namesOf(council.data ?? null, people), [council.data, people]);

  const moveFocus = async (dossierId: string, leafCode: string | null) => {
    setActionError(null);
    setView({ dossierId, leafCode });
    try {
      const res = await meetingsApi.focus(meetingId, { dossierId, leafCode });
      meeting.setData(() => res);
    } catch (err) {
      setActionError(err instanceof ApiError ? err.message : t("errors.unknown"));
    }
  };
  const selectDossier = (dossierId: string) => {
    if (drives) return void moveFocus(dossierId, null);
    // A member who picks another dossier steps away from the chair's screen.
    setFollowing(false);
    setView({ dossierId, leafCode: null });
  };
  const selectLeaf = (leafCode: string | null) => {
    if (drives && item) return void moveFocus(item.dossierId, leafCode);
    setFollowing(false);
    setView({ dossierId: item?.dossierId ?? null, leafCode });
  };
  const stepAway = () => {
    setView(current);
    setFollowing(false);
  };

  if (!meeting.data && meeting.error?.code === "forbidden") return <ForbiddenPage />;
  if (!data)
    return meeting.error ? <ErrorState error={meeting.error} onRetry={meeting.reload} /> : <LoadingState />;

  const recused = !!item && (item.recusedUserIds.includes(me.id) || !item.abilities.viewDocument);
  return (
    <Stack data-testid="meeting-page" data-status={data.status} data-dossier={item?.dossierId ?? ""}>
      <PageHeader
        title={data.title}
        subtitle={t("meeting.page.subtitle", { when: formatDateTime(data.startsAt), n: data.agenda.length })}
        actions={
          <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
            <MeetingStatusChip status={data.status} />
            {/* The workspace's sticky header carries the chip while a dossier's document is open. */}
            {(!item || recused) && <LiveStatusChip />}
            {abilities.start && (
              <Button
                variant="contained"
                startIcon={<PlayArrowOutlined />}
                onClick={() => setConfirm("start")}
                data-testid="meeting-start"
              >
                {t("meeting.page.start")}
              </Button>
            )}
            {abilities.end && (
              <Button
                variant="outlined"
                color="error"
                startIcon={<StopOutlined />}
                onClick={() => setConfirm("end")}
                data-testid="meeting-end"
              >
                {t("meeting.page.end")}
              </Button>
            )}
          </Stack>
        }
      />
      {actionError && (
        <Alert severity="error" onClose={() => setActionError(null)} sx={{ mb: 2 }}>
          {actionError}
        </Alert>
      )}
      <Box
        sx={{
          display: "grid",
          gridTemplateColumns: {
            xs: "minmax(0, 1fr)",
            lg: "240px minmax(0, 1fr)",
            xl: "280px minmax(0, 1fr)",
          },
          gap: 2.5,
        }}
      >
        <AgendaSidebar
          agenda={data.agenda}
          currentId={item?.dossierId ?? null}
          focusId={focus?.dossierId ?? null}
          meId={me.id}
          onSelect={selectDossier}
        />
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          <TrackerBar
            agenda={data.agenda}
            item={item}
            people={people}
            names={names}
            focus={focus}
            drives={drives}
            following={following}
            running={running}
            ended={data.status === "ended"}
            onStepAway={stepAway}
            onRejoin={() => setFollowing(true)}
          />
          {item &&
            (recused ? (
              <RecusedNotice unitName={item.unit.name} />
            ) : (
              <DossierWorkspace
                key={item.dossierId}
                meetingId={meetingId}
                item={item}
                names={names}
                focusLeaf={current.leafCode}
                chairLeaf={focus?.dossierId === item.dossierId ? focus.leafCode : null}
                drives={drives}
                ended={data.status === "ended"}
                onSelectLeaf={selectLeaf}
              />
            ))}
          <AgreementPanel meeting={data} />
        </Stack>
      </Box>
      {confirm && (
        <ConfirmDialog
          title={t(`meeting.page.${confirm}Title`)}
          text={t(`meeting.page.${confirm}Text`)}
          confirmLabel={t(`meeting.page.${confirm}`)}
          danger={confirm === "end"}
          onConfirm={async () => {
            const res = await (confirm === "start"
              ? meetingsApi.start(meetingId)
              : meetingsApi.end(meetingId));
            meeting.setData(() => res);
          }}
          onClose={() => setConfirm(null)}
        />
      )}
    </Stack>
  );
}

/** User id → display name, from the council's seats and whoever is connected. */
function namesOf(council: TCouncilView | null, people: TMeetingPresence[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of council?.members ?? []) out.set(m.userId, m.fullName);
  for (const p of people) out.set(p.userId, p.name);
  return out;
}
