import { useState } from "react";
import {
  Button,
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from "@mui/material";
import AddOutlined from "@mui/icons-material/AddOutlined";
import GroupsOutlined from "@mui/icons-material/GroupsOutlined";
import { hasAnyRole, roomOf, type TMeetingStatus } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { Link as RouterLink, useNavigate, useParams } from "react-router-dom";
import { meetingsApi } from "../../api/meetings";
import { useMe } from "../../auth/AuthProvider";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { formatDateTime } from "../../format/dates";
import { useApi } from "../../hooks/useApi";
import { useLiveEvent, useLiveResync, useLiveRooms } from "../../live/hooks";
import { usePeriods } from "../../period/PeriodProvider";
import ForbiddenPage from "../ForbiddenPage";
import { CreateMeetingDialog } from "./CreateMeetingDialog";

export const MEETING_STATUS_COLOR = { planned: "default", running: "success", ended: "info" } as const;

/** Chip of a meeting's state: planned, running (live), ended. */
export function MeetingStatusChip({ status }: { status: TMeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      color={MEETING_STATUS_COLOR[status]}
      variant={status === "running" ? "filled" : "outlined"}
      label={t(`meeting.status.${status}`)}
      data-testid="meeting-status"
      data-status={status}
    />
  );
}

/** The council meetings of a period; the chair (or the admin) plans new ones here. */
export default function MeetingsPage() {
  const { t } = useTranslation();
  const { periodId = "" } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const { periods } = usePeriods();
  const period = periods?.find((p) => p.id === periodId);
  const [creating, setCreating] = useState(false);
  const list = useApi((signal) => meetingsApi.list(periodId, signal), [periodId]);
  // Meetings planned, started or ended elsewhere appear here live (the council room carries meeting:update).
  useLiveRooms([roomOf.periodCouncil(periodId)]);
  useLiveEvent("meeting:update", () => list.reload());
  useLiveResync(list.reload);
  // The chair and the admin plan meetings (the server's policy decides; this only hides a button that would 403).
  const canCreate = hasAnyRole(me.roles, ["admin", "council_chair"]);

  if (!list.data && list.error?.code === "forbidden") return <ForbiddenPage />;
  let body;
  if (!list.data)
    body = list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : <LoadingState />;
  else if (list.data.length === 0)
    body = <EmptyState icon={<GroupsOutlined />} title={t("meeting.list.empty")} />;
  else
    body = (
      <TableContainer component={Paper} variant="outlined">
        <Table data-testid="meeting-list">
          <TableHead>
            <TableRow>
              <TableCell>{t("meeting.list.title")}</TableCell>
              <TableCell>{t("meeting.list.startsAt")}</TableCell>
              <TableCell align="right">{t("meeting.list.agendaSize")}</TableCell>
              <TableCell>{t("meeting.list.status")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {[...list.data]
              .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
              .map((m) => (
                <TableRow key={m.id} hover data-testid="meeting-row">
                  <TableCell>
                    <RouterLink to={`/meetings/${m.id}`} style={{ fontWeight: 600, color: "inherit" }}>
                      {m.title}
                    </RouterLink>
                  </TableCell>
                  <TableCell sx={{ fontVariantNumeric: "tabular-nums" }}>
                    {formatDateTime(m.startsAt)}
                  </TableCell>
                  <TableCell align="right">{m.agendaSize}</TableCell>
                  <TableCell>
                    <MeetingStatusChip status={m.status} />
                  </TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
      </TableContainer>
    );

  return (
    <>
      <PageHeader
        title={t("meeting.list.heading")}
        subtitle={period?.name}
        actions={
          canCreate && (
            <Button
              variant="contained"
              startIcon={<AddOutlined />}
              onClick={() => setCreating(true)}
              data-testid="meeting-create"
            >
              {t("meeting.list.create")}
            </Button>
          )
        }
      />
      {body}
      {creating && (
        <CreateMeetingDialog
          periodId={periodId}
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate(`/meetings/${id}`)}
        />
      )}
    </>
  );
}
