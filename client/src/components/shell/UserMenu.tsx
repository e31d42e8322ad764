import { useState } from "react";
import {
  Avatar,
  Box,
  Button,
  Chip,
  Divider,
  Menu,
  MenuItem,
  ListItemIcon,
  Stack,
  Typography,
} from "@mui/material";
import Logout from "@mui/icons-material/Logout";
import ExpandMore from "@mui/icons-material/ExpandMore";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useAuth, useMe } from "../../auth/AuthProvider";
import { LanguageSwitch } from "../LanguageSwitch";

/** Initials for the avatar: the last two words of a Vietnamese name carry the given name. */
function initials(name: string): string {
  const words = name
    .replace(/\(.*?\)/g, "")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return (
    words
      .slice(-2)
      .map((w) => w[0]!.toUpperCase())
      .join("") || "?"
  );
}

/** Who is signed in, with their roles and unit; language switch and sign-out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);

  const onLogout = async () => {
    setAnchor(null);
    await logout().catch(() => undefined);
    navigate("/login", { replace: true });
  };

  return (
    <>
      <Button
        color="inherit"
        onClick={(e) => setAnchor(e.currentTarget)}
        endIcon={<ExpandMore />}
        data-testid="user-menu"
        sx={{ pl: 0.5, pr: 1, borderRadius: 6 }}
      >
        <Avatar
          sx={{ width: 32, height: 32, mr: 1, fontSize: 14, bgcolor: "#ffd54f", color: "primary.dark" }}
        >
          {initials(me.fullName)}
        </Avatar>
        <Box sx={{ textAlign: "left", display: { xs: "none", md: "block" }, maxWidth: 280 }}>
          <Typography variant="body2" noWrap sx={{ fontWeight: 600, lineHeight: 1.2 }}>
            {me.fullName}
          </Typography>
          <Typography variant="caption" noWrap sx={{ opacity: 0.85, display: "block", lineHeight: 1.2 }}>
            {me.roles.map((r) => t(`roles.${r}`)).join(", ")}
          </Typography>
        </Box>
      </Button>
      <Menu
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={() => setAnchor(null)}
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
    </>
  );
}
