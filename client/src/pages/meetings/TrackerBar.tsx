import type { ReactNode } from "react";
import { Avatar, AvatarGroup, Box, Button, Chip, Paper, Stack, Tooltip, Typography } from "@mui/material";
import BlockOutlined from "@mui/icons-material/BlockOutlined";
import DirectionsWalkOutlined from "@mui/icons-material/DirectionsWalkOutlined";
import GpsFixedOutlined from "@mui/icons-material/GpsFixedOutlined";
import type { TMeetingAgendaItem, TMeetingFocus, TMeetingPresence } from "@ca/shared";
import { useTranslation } from "react-i18next";

interface Props {
  agenda: TMeetingAgendaItem[];
  item: TMeetingAgendaItem | null;
  people: TMeetingPresence[];
  names: Map<string, string>;
  focus: TMeetingFocus | null;
  drives: boolean;
  following: boolean;
  running: boolean;
  ended: boolean;
  onStepAway: () => void;
  onRejoin: () => void;
}

const initials = (name: string) =>
  name
    .replace(/\(.*\)/, "")
    .trim()
    .split(/\s+/)
    .slice(-2)
    .map((w) => w[0]?.toUpperCase() ?? "")
    .join("");

/** The meeting tracker: follow or step away, where the chair is, who is here and what they look at, who is recused. */
export function TrackerBar(props: Props) {
  const { agenda, item, people, names, focus, drives, following, running, ended, onStepAway, onRejoin } =
    props;
  const { t } = useTranslation();
  const unitOf = (id: string | null) => agenda.find((a) => a.dossierId === id)?.unit.name ?? "—";
  const where = (dossierId: string | null, leaf: string | null) =>
    leaf ? t("meeting.tracker.whereLeaf", { unit: unitOf(dossierId), leaf }) : unitOf(dossierId);
  const recused = item?.recusedUserIds ?? [];

  // Following and stepping away exist only while the meeting runs and someone drives it: the chair himself is
  // never told he follows the chair (before the start or after the end there is no one to follow).
  let mode: ReactNode = null;
  if (running && drives)
    mode = (
      <Chip
        color="primary"
        icon={<GpsFixedOutlined />}
        label={t("meeting.tracker.driving")}
        data-testid="tracker-mode"
        data-mode="driving"
      />
    );
  else if (running && following)
    mode = (
      <>
        <Chip
          color="primary"
          variant="outlined"
          icon={<GpsFixedOutlined />}
          label={t("meeting.tracker.following")}
          data-testid="tracker-mode"
          data-mode="following"
        />
        <Button
          size="small"
          startIcon={<DirectionsWalkOutlined />}
          onClick={onStepAway}
          data-testid="tracker-step-away"
        >
          {t("meeting.tracker.stepAway")}
        </Button>
      </>
    );
  else if (running)
    mode = (
      <>
        <Chip
          color="warning"
          variant="outlined"
          icon={<DirectionsWalkOutlined />}
          label={t("meeting.tracker.away")}
          data-testid="tracker-mode"
          data-mode="away"
        />
        <Button
          size="small"
          variant="contained"
          startIcon={<GpsFixedOutlined />}
          onClick={onRejoin}
          data-testid="tracker-rejoin"
        >
          {t("meeting.tracker.rejoin")}
        </Button>
      </>
    );

  return (
    <Paper variant="outlined" sx={{ px: 2, py: 1.25 }} data-testid="tracker">
      <Stack direction={{ xs: "column", md: "row" }} spacing={1.5} sx={{ alignItems: { md: "center" } }}>
        {mode && (
          <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexWrap: "wrap" }}>
            {mode}
          </Stack>
        )}
        {running && focus?.dossierId && !drives && (
          <Typography variant="body2" color="text.secondary" data-testid="tracker-chair-at">
            {t("meeting.tracker.chairAt", { where: where(focus.dossierId, focus.leafCode) })}
          </Typography>
        )}
        {!running && (
          <Typography variant="body2" color="text.secondary">
            {t(ended ? "meeting.tracker.ended" : "meeting.tracker.notRunning")}
          </Typography>
        )}
        <Box sx={{ flexGrow: 1 }} />
        <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
          <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: "nowrap" }}>
            {t("meeting.tracker.present", { n: people.length })}
          </Typography>
          <AvatarGroup
            max={8}
            data-testid="presence"
            sx={{ "& .MuiAvatar-root": { width: 30, height: 30, fontSize: 12 } }}
          >
            {people.map((p) => (
              <Tooltip
                key={p.userId}
                title={`${p.name} — ${where(p.dossierId, p.leafCode)}${p.following ? ` (${t("meeting.tracker.followingShort")})` : ""}`}
              >
                <Avatar
                  data-testid="presence-person"
                  data-user={p.userId}
                  sx={{ bgcolor: p.following ? "primary.main" : "warning.main" }}
                >
                  {initials(p.name)}
                </Avatar>
              </Tooltip>
            ))}
          </AvatarGroup>
        </Stack>
      </Stack>
      {recused.length > 0 && (
        <Stack
          direction="row"
          spacing={1}
          sx={{ mt: 1, alignItems: "center", flexWrap: "wrap" }}
          data-testid="tracker-recused"
        >
          <BlockOutlined fontSize="small" color="error" />
          <Typography variant="body2" color="text.secondary">
            {t("meeting.tracker.recused", { unit: item?.unit.name })}
          </Typography>
          {recused.map((id) => (
            <Chip
              key={id}
              size="small"
              variant="outlined"
              color="error"
              label={names.get(id) ?? t("meeting.tracker.someone")}
            />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
