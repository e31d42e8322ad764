import type { ReactElement } from "react";
import {
  Box,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  ListSubheader,
  Typography,
} from "@mui/material";
import FolderOpenOutlined from "@mui/icons-material/FolderOpenOutlined";
import EventNoteOutlined from "@mui/icons-material/EventNoteOutlined";
import AccountBalanceOutlined from "@mui/icons-material/AccountBalanceOutlined";
import ManageAccountsOutlined from "@mui/icons-material/ManageAccountsOutlined";
import FactCheckOutlined from "@mui/icons-material/FactCheckOutlined";
import LeaderboardOutlined from "@mui/icons-material/LeaderboardOutlined";
import TrackChangesOutlined from "@mui/icons-material/TrackChangesOutlined";
import GroupsOutlined from "@mui/icons-material/GroupsOutlined";
import InsightsOutlined from "@mui/icons-material/InsightsOutlined";
import CampaignOutlined from "@mui/icons-material/CampaignOutlined";
import SupervisorAccountOutlined from "@mui/icons-material/SupervisorAccountOutlined";
import PollOutlined from "@mui/icons-material/PollOutlined";
import RuleOutlined from "@mui/icons-material/RuleOutlined";
import AddCircleOutlineOutlined from "@mui/icons-material/AddCircleOutlineOutlined";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router-dom";
import { navOf, pathOf, type NavKey, type Persona } from "../../auth/persona";

const ICONS: Record<NavKey, ReactElement> = {
  dossiers: <FolderOpenOutlined />,
  timeline: <EventNoteOutlined />,
  progress: <TrackChangesOutlined />,
  ranking: <LeaderboardOutlined />,
  meetings: <GroupsOutlined />,
  dashboard: <InsightsOutlined />,
  results: <CampaignOutlined />,
  responsibility: <SupervisorAccountOutlined />,
  survey: <PollOutlined />,
  units: <AccountBalanceOutlined />,
  accounts: <ManageAccountsOutlined />,
  indexSets: <FactCheckOutlined />,
  classification: <RuleOutlined />,
  setup: <AddCircleOutlineOutlined />,
};

// Entries after the period's own pages are the admin's catalogue; a subheader separates them.
const ADMIN_KEYS: readonly NavKey[] = ["setup", "units", "accounts", "indexSets"];

/** The side navigation: what this persona works on, period pages first. */
export function SideNav({
  persona,
  periodId,
  onNavigate,
}: {
  persona: Persona;
  periodId: string | null;
  onNavigate?: () => void;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const keys = navOf(persona);
  const periodKeys = keys.filter((k) => !ADMIN_KEYS.includes(k));
  const adminKeys = keys.filter((k) => ADMIN_KEYS.includes(k));

  const item = (key: NavKey) => {
    const to = pathOf(key, periodId);
    // The meeting and dashboard pages keep their strings under their own i18n keys.
    const label =
      key === "dossiers"
        ? t(`nav.dossiers.${persona}`)
        : key === "meetings"
          ? t("meeting.nav")
          : key === "dashboard"
            ? t("dashboard.nav")
            : key === "survey"
              ? t("survey.nav")
              : key === "results" || key === "responsibility"
                ? t(`results.nav.${key}`)
                : t(`nav.${key}`);
    const selected =
      key === "indexSets"
        ? pathname.startsWith("/index-sets")
        : pathname === to ||
          (key === "dossiers" && pathname.startsWith("/dossiers/")) ||
          (key === "meetings" && pathname.startsWith("/meetings/")) ||
          (key === "survey" && (pathname.startsWith(`${to}/`) || pathname.startsWith("/surveys/")));
    return (
      <ListItemButton
        key={key}
        component={NavLink}
        to={to}
        selected={selected}
        onClick={onNavigate}
        data-testid={`nav-${key}`}
        sx={{
          mx: 1,
          mb: 0.5,
          borderRadius: 1.5,
          "&.Mui-selected": {
            bgcolor: "primary.light",
            color: "primary.dark",
            "& .MuiListItemIcon-root": { color: "primary.main" },
          },
        }}
      >
        <ListItemIcon sx={{ minWidth: 40 }}>{ICONS[key]}</ListItemIcon>
        <ListItemText
          primary={label}
          slotProps={{ primary: { sx: { fontWeight: selected ? 600 : 500, fontSize: 14.5 } } }}
        />
      </ListItemButton>
    );
  };

  return (
    <Box
      component="nav"
      aria-label={t("nav.label")}
      sx={{ display: "flex", flexDirection: "column", height: "100%" }}
    >
      <List
        subheader={
          <ListSubheader sx={{ bgcolor: "transparent", lineHeight: "36px" }}>
            {t("nav.periodSection")}
          </ListSubheader>
        }
      >
        {periodKeys.map(item)}
      </List>
      {adminKeys.length > 0 && (
        <List
          subheader={
            <ListSubheader sx={{ bgcolor: "transparent", lineHeight: "36px" }}>
              {t("nav.adminSection")}
            </ListSubheader>
          }
        >
          {adminKeys.map(item)}
        </List>
      )}
      <Box sx={{ flexGrow: 1 }} />
      <Typography variant="caption" color="text.secondary" sx={{ px: 3, py: 2, display: "block" }}>
        {t("app.owner")}
      </Typography>
    </Box>
  );
}
