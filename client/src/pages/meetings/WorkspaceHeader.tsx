import { Alert, Box, Button, Paper, Stack, Typography } from "@mui/material";
import LockOutlined from "@mui/icons-material/LockOutlined";
import OpenInNewOutlined from "@mui/icons-material/OpenInNewOutlined";
import { COLLAB_CLOSE, type TMeetingAgendaItem } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { Link as RouterLink } from "react-router-dom";
import { LiveStatusChip } from "../../components/LiveStatusChip";

/** Closes of the shared document that end it for this screen (a reconnection would be refused the same way). */
const FINAL_CLOSES = new Set<number>([
  COLLAB_CLOSE.badMessage,
  COLLAB_CLOSE.unauthenticated,
  COLLAB_CLOSE.forbidden,
  COLLAB_CLOSE.notFound,
  COLLAB_CLOSE.recused,
  COLLAB_CLOSE.sessionEnded,
]);

interface Props {
  item: TMeetingAgendaItem;
  canEdit: boolean;
  /** The dossier is agreed (or published): its scores are locked, whoever may still write notes. */
  agreed: boolean;
  /** The chair may lock the whole dossier now. */
  canLockAll: boolean;
  onLockAll: () => void;
  /** Why the shared document closed for good, or null. */
  closeCode: number | null;
  error: string | null;
  onDismissError: () => void;
  phone: boolean;
}

/**
 * The workspace's header: the unit, whether this screen may edit, the connection chip, the dossier (in a new tab,
 * the meeting stays open) and the chair's lock. Sticky, so the chip never scrolls out of sight (connected /
 * reconnecting / offline with N); on a phone only the unit and the chip stick, in one short row.
 */
export function WorkspaceHeader(p: Props) {
  const { t } = useTranslation();
  // What this screen may do here, said once: an agreed dossier's scores are locked, so nobody "proposes" any more.
  const mode = p.agreed ? (p.canEdit ? "agreedNotes" : "agreed") : p.canEdit ? "editable" : "readOnly";
  const buttons = (
    <>
      <Button
        size="small"
        component={RouterLink}
        to={`/dossiers/${p.item.dossierId}`}
        target="_blank"
        rel="noopener"
        endIcon={<OpenInNewOutlined fontSize="small" />}
        sx={{ whiteSpace: "nowrap", flexShrink: 0 }}
        data-testid="workspace-open-dossier"
      >
        {t("meeting.workspace.openDossier")}
      </Button>
      {p.canLockAll && (
        <Button
          variant="contained"
          color="success"
          startIcon={<LockOutlined />}
          onClick={p.onLockAll}
          data-testid="lock-dossier"
          sx={{ whiteSpace: "nowrap", flexShrink: 0 }}
        >
          {t("meeting.workspace.lockDossier")}
        </Button>
      )}
    </>
  );
  return (
    <>
      <Paper
        variant="outlined"
        sx={{
          px: p.phone ? 1.5 : 2,
          py: p.phone ? 0.75 : 1.25,
          position: "sticky",
          top: { xs: 60, sm: 72 },
          zIndex: 3,
          // The gap between the app bar and the stuck header is painted with the page's own background, so the
          // rows scrolling underneath do not show through it half cut.
          boxShadow: (theme) => `0 -12px 0 0 ${theme.palette.background.default}`,
        }}
        data-testid="workspace-header"
      >
        <Stack direction="row" spacing={1.5} sx={{ alignItems: "center" }}>
          <Box sx={{ flexGrow: 1, minWidth: 0 }}>
            <Typography
              variant={p.phone ? "subtitle1" : "h6"}
              component="h2"
              noWrap
              data-testid="workspace-unit"
            >
              {p.item.unit.name}
            </Typography>
            {!p.phone && (
              <Typography variant="body2" color="text.secondary" data-testid="workspace-mode">
                {t(`meeting.workspace.${mode}`)}
              </Typography>
            )}
          </Box>
          <LiveStatusChip />
          {!p.phone && buttons}
        </Stack>
        {p.closeCode !== null && (
          <Alert
            severity={p.closeCode === COLLAB_CLOSE.recused ? "warning" : "error"}
            sx={{ mt: 1.5 }}
            data-testid="collab-closed"
          >
            {t(
              FINAL_CLOSES.has(p.closeCode)
                ? `meeting.collab.close.${p.closeCode}`
                : "meeting.collab.close.other",
              {
                code: p.closeCode,
              },
            )}
          </Alert>
        )}
        {p.error && (
          <Alert severity="error" sx={{ mt: 1.5 }} onClose={p.onDismissError}>
            {p.error}
          </Alert>
        )}
      </Paper>
      {p.phone && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: "center", flexWrap: "wrap" }}>
          <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
            {t(`meeting.workspace.${mode}`)}
          </Typography>
          {buttons}
        </Stack>
      )}
    </>
  );
}
