import {
  Badge,
  Box,
  List,
  ListItemButton,
  ListItemText,
  Paper,
  Stack,
  Tooltip,
  Typography,
} from "@mui/material";
import BlockOutlined from "@mui/icons-material/BlockOutlined";
import LockOutlined from "@mui/icons-material/LockOutlined";
import PlaceOutlined from "@mui/icons-material/PlaceOutlined";
import type { TMeetingAgendaItem } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { StatusChip } from "../../components/StatusChip";

interface Props {
  agenda: TMeetingAgendaItem[];
  currentId: string | null;
  /** The dossier the chair has on screen. */
  focusId: string | null;
  meId: string;
  onSelect: (dossierId: string) => void;
}

/** The agenda in order: each dossier's status, where the chair is, and who is recused on it. */
export function AgendaSidebar({ agenda, currentId, focusId, meId, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ alignSelf: "start", position: { lg: "sticky" }, top: { lg: 80 } }}>
      <Typography variant="subtitle2" sx={{ px: 2, pt: 1.5, pb: 0.5 }} component="h2">
        {t("meeting.agenda.heading")}
      </Typography>
      <List
        dense
        data-testid="agenda"
        sx={{ maxHeight: { xs: 180, lg: "calc(100vh - 200px)" }, overflow: "auto" }}
      >
        {agenda.map((a, i) => {
          const mine = a.recusedUserIds.includes(meId);
          return (
            <ListItemButton
              key={a.dossierId}
              selected={a.dossierId === currentId}
              onClick={() => onSelect(a.dossierId)}
              data-testid={`agenda-${a.unit.code}`}
              data-status={a.status}
              data-focus={a.dossierId === focusId || undefined}
              sx={{
                alignItems: "flex-start",
                borderLeft: 3,
                borderColor: a.dossierId === focusId ? "primary.main" : "transparent",
              }}
            >
              <ListItemText
                primary={
                  <Stack direction="row" spacing={0.5} sx={{ alignItems: "center" }}>
                    <Typography variant="body2" sx={{ fontWeight: 600, flexGrow: 1 }}>
                      {i + 1}. {a.unit.name}
                    </Typography>
                    {a.dossierId === focusId && (
                      <Tooltip title={t("meeting.agenda.chairHere")}>
                        <PlaceOutlined fontSize="small" color="primary" />
                      </Tooltip>
                    )}
                  </Stack>
                }
                secondary={
                  <Box
                    component="span"
                    sx={{ display: "flex", gap: 0.75, alignItems: "center", mt: 0.5, flexWrap: "wrap" }}
                  >
                    <StatusChip status={a.status} />
                    {a.status === "agreed" && <LockOutlined sx={{ fontSize: 16 }} color="success" />}
                    {a.recusedUserIds.length > 0 && (
                      <Tooltip
                        title={t(mine ? "meeting.agenda.youRecused" : "meeting.agenda.recused", {
                          n: a.recusedUserIds.length,
                        })}
                      >
                        <Badge
                          badgeContent={a.recusedUserIds.length}
                          color={mine ? "error" : "default"}
                          data-testid="agenda-recused"
                        >
                          <BlockOutlined sx={{ fontSize: 18 }} color={mine ? "error" : "action"} />
                        </Badge>
                      </Tooltip>
                    )}
                  </Box>
                }
                slotProps={{ secondary: { component: "span" } }}
              />
            </ListItemButton>
          );
        })}
      </List>
    </Paper>
  );
}
