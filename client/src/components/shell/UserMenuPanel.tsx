import { Box, Chip, Divider, ListItemIcon, Menu, MenuItem, Stack, Typography } from "@mui/material";
import Logout from "@mui/icons-material/Logout";
import { useTranslation } from "react-i18next";
import { useMe } from "../../auth/AuthProvider";
import { LanguageSwitch } from "../LanguageSwitch";

interface Props {
  anchor: HTMLElement | null;
  onClose: () => void;
  onLogout: () => void;
}

/** The user menu's popup: loaded on the first click, so the menu machinery stays out of every first route (P9). */
export default function UserMenuPanel({ anchor, onClose, onLogout }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Menu
      anchorEl={anchor}
      open={Boolean(anchor)}
      onClose={onClose}
      anchorOrigin={{ vertical: "bottom", horizontal: "right" }}
      transformOrigin={{ vertical: "top", horizontal: "right" }}
      slotProps={{ paper: { sx: { width: 320, mt: 1, border: 1, borderColor: "divider" } } }}
    >
      <Box sx={{ px: 2, py: 1.5 }}>
        <Typography variant="subtitle1">{me.fullName}</Typography>
        <Typography variant="body2" color="text.secondary">
          {t("user.username")}: {me.username}
        </Typography>
        {me.unit && (
          <Typography variant="body2" color="text.secondary">
            {t("user.unit")}: {me.unit.name}
          </Typography>
        )}
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ mt: 1, flexWrap: "wrap" }}>
          {me.roles.map((r) => (
            <Chip key={r} size="small" color="primary" variant="outlined" label={t(`roles.${r}`)} />
          ))}
        </Stack>
      </Box>
      <Divider />
      <Box sx={{ px: 2, py: 1.5 }}>
        <Typography variant="caption" color="text.secondary" sx={{ display: "block", mb: 0.5 }}>
          {t("lang.label")}
        </Typography>
        <LanguageSwitch />
      </Box>
      <Divider />
      <MenuItem onClick={onLogout} data-testid="logout">
        <ListItemIcon>
          <Logout fontSize="small" />
        </ListItemIcon>
        {t("auth.logout")}
      </MenuItem>
    </Menu>
  );
}
