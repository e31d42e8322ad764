import { lazy, Suspense, useState } from "react";
import { Avatar, Box, Button, Typography } from "@mui/material";
import ExpandMore from "@mui/icons-material/ExpandMore";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useAuth, useMe } from "../../auth/AuthProvider";

const UserMenuPanel = lazy(() => import("./UserMenuPanel"));

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
  const [opened, setOpened] = useState(false);

  const onLogout = async () => {
    setAnchor(null);
    await logout().catch(() => undefined);
    navigate("/login", { replace: true });
  };

  return (
    <>
      <Button
        color="inherit"
        onClick={(e) => {
          setAnchor(e.currentTarget);
          setOpened(true);
        }}
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
      {/* Mounted from the first click on, so that the menu can close with its transition. */}
      {opened && (
        <Suspense fallback={null}>
          <UserMenuPanel anchor={anchor} onClose={() => setAnchor(null)} onLogout={onLogout} />
        </Suspense>
      )}
    </>
  );
}
