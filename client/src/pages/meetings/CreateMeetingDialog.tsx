import { useMemo, useState } from "react";
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  List,
  ListItem,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  ListSubheader,
  Stack,
  TextField,
  Typography,
} from "@mui/material";
import ArrowDownward from "@mui/icons-material/ArrowDownward";
import ArrowUpward from "@mui/icons-material/ArrowUpward";
import type { TDossierSummary } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/http";
import { meetingsApi } from "../../api/meetings";
import { periodsApi } from "../../api/periods";
import { StatusChip } from "../../components/StatusChip";
import { LoadingState } from "../../components/States";
import { VnDateTimeField, type VnDateTime } from "../../components/VnDateTimeField";
import { fromVnParts, toVnParts } from "../../format/dates";
import { useApi } from "../../hooks/useApi";
import { useUnitTypeNames } from "./useUnitTypeNames";

// Only dossiers whose explanation is in may be planned (the server says so too, with a 409).
const PLANNABLE = new Set(["explained", "round2_done"]);

interface Props {
  periodId: string;
  onClose: () => void;
  onCreated: (meetingId: string) => void;
}

/** Plans a meeting: a title, when (Vietnam time), and the ordered agenda picked from the period's dossiers. */
export function CreateMeetingDialog({ periodId, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const dossiers = useApi((signal) => periodsApi.dossiers(periodId, signal), [periodId]);
  const unitTypes = useUnitTypeNames();
  const [title, setTitle] = useState("");
  const [when, setWhen] = useState<VnDateTime>(() =>
    toVnParts(new Date(Date.now() + 3_600_000).toISOString()),
  );
  const [agenda, setAgenda] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);

  const byId = useMemo(() => new Map((dossiers.data ?? []).map((d) => [d.id, d])), [dossiers.data]);
  const groups = new Map<string, TDossierSummary[]>();
  for (const d of dossiers.data ?? [])
    groups.set(d.unit.unitType, [...(groups.get(d.unit.unitType) ?? []), d]);
  const groupList = [...groups.entries()].sort(([a], [b]) => unitTypes.order(a) - unitTypes.order(b));

  const startsAt = fromVnParts(when.date, when.time);
  const titleError = tried && title.trim().length < 3 ? t("meeting.create.titleRequired") : null;
  const whenError = tried && !startsAt ? t("meeting.create.whenInvalid") : null;
  const agendaError = tried && agenda.length === 0 ? t("meeting.create.agendaRequired") : null;

  const toggle = (id: string) => setAgenda((a) => (a.includes(id) ? a.filter((x) => x !== id) : [...a, id]));
  const move = (index: number, by: number) =>
    setAgenda((a) => {
      const next = [...a];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item);
      return next;
    });

  const submit = async () => {
    setTried(true);
    if (title.trim().length < 3 || !startsAt || agenda.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const created = await meetingsApi.create(periodId, { title: title.trim(), startsAt, agenda });
      onCreated(created.data.id);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("errors.unknown"));
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="md" fullWidth>
      <DialogTitle>{t("meeting.create.heading")}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2.5}>
          <TextField
            label={t("meeting.create.title")}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={!!titleError}
            helperText={titleError}
            required
            slotProps={{ htmlInput: { "data-testid": "meeting-title", maxLength: 300 } }}
          />
          <VnDateTimeField
            label={t("meeting.create.startsAt")}
            value={when}
            onChange={setWhen}
            required
            error={!!whenError}
            helperText={whenError ?? undefined}
            testId="meeting-starts"
          />
          <Stack direction={{ xs: "column", md: "row" }} spacing={2}>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography variant="subtitle2" sx={{ mb: 1 }}>
                {t("meeting.create.pick")}
              </Typography>
              {!dossiers.data ? (
                <LoadingState minHeight={120} />
              ) : (
                <List
                  dense
                  sx={{
                    maxHeight: 340,
                    overflow: "auto",
                    border: 1,
                    borderColor: "divider",
                    borderRadius: 1,
                  }}
                >
                  {groupList.map(([type, rows]) => (
                    <li key={type}>
                      <ul style={{ padding: 0 }}>
                        <ListSubheader sx={{ lineHeight: "32px" }}>{unitTypes.name(type)}</ListSubheader>
                        {rows.map((d) => {
                          const ready = PLANNABLE.has(d.status);
                          return (
                            <ListItemButton
                              key={d.id}
                              dense
                              disabled={!ready}
                              onClick={() => toggle(d.id)}
                              data-testid={`agenda-pick-${d.unit.code}`}
                            >
                              <ListItemIcon sx={{ minWidth: 36 }}>
                                <Checkbox
                                  edge="start"
                                  size="small"
                                  checked={agenda.includes(d.id)}
                                  tabIndex={-1}
                                />
                              </ListItemIcon>
                              <ListItemText primary={d.unit.name} />
                              <StatusChip status={d.status} />
                            </ListItemButton>
                          );
                        })}
                      </ul>
                    </li>
                  ))}
                </List>
              )}
              <Typography variant="caption" color="text.secondary">
                {t("meeting.create.pickHint")}
              </Typography>
            </Box>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography variant="subtitle2" sx={{ mb: 1 }}>
                {t("meeting.create.order", { n: agenda.length })}
              </Typography>
              <List
                dense
                data-testid="agenda-order"
                sx={{
                  border: 1,
                  borderColor: agendaError ? "error.main" : "divider",
                  borderRadius: 1,
                  minHeight: 80,
                }}
              >
                {agenda.map((id, i) => (
                  <ListItem
                    key={id}
                    secondaryAction={
                      <>
                        <IconButton
                          size="small"
                          disabled={i === 0}
                          onClick={() => move(i, -1)}
                          aria-label={t("meeting.create.up")}
                        >
                          <ArrowUpward fontSize="small" />
                        </IconButton>
                        <IconButton
                          size="small"
                          disabled={i === agenda.length - 1}
                          onClick={() => move(i, 1)}
                          aria-label={t("meeting.create.down")}
                        >
                          <ArrowDownward fontSize="small" />
                        </IconButton>
                      </>
                    }
                  >
                    <ListItemText primary={`${i + 1}. ${byId.get(id)?.unit.name ?? id}`} />
                  </ListItem>
                ))}
              </List>
              {agendaError && (
                <Typography variant="caption" color="error">
                  {agendaError}
                </Typography>
              )}
            </Box>
          </Stack>
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t("common.cancel")}
        </Button>
        <Button variant="contained" onClick={submit} disabled={busy} data-testid="meeting-create-submit">
          {t("meeting.create.submit")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
