import { lazy, Suspense, useEffect, useState } from "react";
import { Alert, AppBar, Box, Button, IconButton, Paper, Stack, Toolbar, Typography } from "@mui/material";
import EventBusyOutlined from "@mui/icons-material/EventBusyOutlined";
import MenuIcon from "@mui/icons-material/Menu";
import VerifiedOutlined from "@mui/icons-material/VerifiedOutlined";
import { useTranslation } from "react-i18next";
import { Link as RouterLink, Outlet, useLocation, useMatch } from "react-router-dom";
import { ErrorBoundary } from "../ErrorBoundary";
import { useMe } from "../../auth/AuthProvider";
import { personaOf } from "../../auth/persona";
import { usePeriods } from "../../period/PeriodProvider";
import { EmptyState, LoadingState } from "../States";
import { PeriodSelect } from "./PeriodSelect";
import { SideNav } from "./SideNav";
import { UserMenu } from "./UserMenu";

// The bell pulls in the live connection's event handling; it loads after the page itself (docs/targets.md P9).
const NotificationBell = lazy(() => import("./NotificationBell"));
// The phone-sized navigation drawer loads when first opened (it brings MUI's modal machinery).
const MobileNav = lazy(() => import("./MobileNav"));

const DRAWER_WIDTH = 256;

function UnknownPeriod() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<EventBusyOutlined />}
      title={t("period.notFound")}
      description={t("period.notFoundText")}
      action={
        <Button variant="contained" component={RouterLink} to="/">
          {t("common.backHome")}
        </Button>
      }
    />
  );
}

/** The frame of every signed-in page: app bar, side navigation, and the page itself. */
export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const persona = personaOf(me.roles);
  const { periods, defaultPeriodId, remember } = usePeriods();
  const match = useMatch("/periods/:periodId/*");
  const dossierMatch = useMatch("/dossiers/*");
  const urlPeriodId = match?.params.periodId;
  // An address naming a period that does not exist (an old link): say so, and keep the menus on a real one.
  const unknownPeriod = !!urlPeriodId && !!periods && !periods.some((p) => p.id === urlPeriodId);
  const periodId = urlPeriodId && !unknownPeriod ? urlPeriodId : defaultPeriodId;
  // A period opened by its address (a shared link, the back button) becomes the one the menu keeps.
  useEffect(() => {
    if (urlPeriodId && urlPeriodId !== defaultPeriodId && periods?.some((p) => p.id === urlPeriodId))
      remember(urlPeriodId);
  }, [urlPeriodId, defaultPeriodId, periods, remember]);
  const period = periods?.find((p) => p.id === periodId);
  const [mobileOpen, setMobileOpen] = useState(false);
  const [mobileUsed, setMobileUsed] = useState(false);
  const { pathname } = useLocation();

  const nav = <SideNav persona={persona} periodId={periodId} onNavigate={() => setMobileOpen(false)} />;
  return (
    <Box sx={{ display: "flex", minHeight: "100vh" }}>
      <AppBar position="fixed" sx={{ zIndex: (th) => th.zIndex.drawer + 1, bgcolor: "primary.dark" }}>
        <Toolbar sx={{ gap: 2 }}>
          <IconButton
            color="inherit"
            edge="start"
            onClick={() => {
              setMobileOpen(true);
              setMobileUsed(true);
            }}
            sx={{ display: { md: "none" } }}
            aria-label={t("nav.open")}
          >
            <MenuIcon />
          </IconButton>
          <Stack
            direction="row"
            spacing={1.5}
            component={RouterLink}
            to="/"
            sx={{ alignItems: "center", color: "inherit", textDecoration: "none", minWidth: 0 }}
          >
            <VerifiedOutlined sx={{ color: "#ffd54f", fontSize: 30 }} />
            <Box sx={{ minWidth: 0 }}>
              <Typography
                variant="subtitle1"
                component="div"
                noWrap
                sx={{ fontWeight: 700, lineHeight: 1.2 }}
                data-testid="product-name"
              >
                {t("app.name")}
              </Typography>
              <Typography variant="caption" component="div" noWrap sx={{ opacity: 0.8, lineHeight: 1.2 }}>
                {t("app.owner")}
              </Typography>
            </Box>
          </Stack>
          <Box sx={{ flexGrow: 1 }} />
          <Box sx={{ display: { xs: "none", sm: "block" } }}>
            <PeriodSelect periodId={periodId} />
          </Box>
          <Suspense fallback={null}>
            <NotificationBell />
          </Suspense>
          <UserMenu />
        </Toolbar>
      </AppBar>
      {mobileUsed && (
        <Suspense fallback={null}>
          <MobileNav open={mobileOpen} onClose={() => setMobileOpen(false)} width={DRAWER_WIDTH}>
            <Toolbar />
            {nav}
          </MobileNav>
        </Suspense>
      )}
      {/* What MUI's permanent Drawer draws, without the Drawer: importing it brings the modal machinery of the
          temporary one into every first route (docs/targets.md P9). */}
      <Box component="nav" sx={{ display: { xs: "none", md: "block" }, width: DRAWER_WIDTH, flexShrink: 0 }}>
        <Paper
          square
          sx={{
            position: "fixed",
            top: 0,
            left: 0,
            height: "100%",
            width: DRAWER_WIDTH,
            overflowY: "auto",
            boxSizing: "border-box",
            borderRight: 1,
            borderColor: "divider",
            zIndex: (th) => th.zIndex.drawer,
          }}
        >
          <Toolbar />
          {nav}
        </Paper>
      </Box>
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0 }}>
        <Toolbar />
        {period?.kind === "training" && (match || dossierMatch) && (
          <Alert
            severity="warning"
            square
            sx={{ borderBottom: 1, borderColor: "warning.light" }}
            data-testid="training-banner"
          >
            {t("period.trainingBanner", { name: period.name })}
          </Alert>
        )}
        <Box sx={{ p: { xs: 2, md: 3 }, maxWidth: 1400, mx: "auto" }}>
          <ErrorBoundary resetKey={pathname}>
            <Suspense fallback={<LoadingState />}>{unknownPeriod ? <UnknownPeriod /> : <Outlet />}</Suspense>
          </ErrorBoundary>
        </Box>
      </Box>
    </Box>
  );
}
