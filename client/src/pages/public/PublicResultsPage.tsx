import { useEffect } from "react";
import { AppBar, Box, Chip, Container, MenuItem, Stack, TextField, Toolbar, Typography } from "@mui/material";
import VerifiedOutlined from "@mui/icons-material/VerifiedOutlined";
import LeaderboardOutlined from "@mui/icons-material/LeaderboardOutlined";
import { useTranslation } from "react-i18next";
import { Link as RouterLink, useNavigate, useParams } from "react-router-dom";
import { resultsApi } from "../../api/results";
import { LanguageSwitch } from "../../components/LanguageSwitch";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { formatDate } from "../../format/dates";
import { useApi } from "../../hooks/useApi";
import { currentLang } from "../../i18n";
import { PublishedTable } from "../results/PublishedTable";

/**
 * The public results (docs/domain.md §1 "public"): no sign-in, outside the signed-in shell. Only what the admin published
 * to everyone — ranking, classification and each unit's score card by area — labelled as final.
 */
export default function PublicResultsPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const navigate = useNavigate();
  const { periodId } = useParams();
  const periods = useApi((signal) => resultsApi.publicPeriods(signal), []);
  const selected = periodId ?? periods.data?.[0]?.id;
  const results = useApi(
    (signal) => (selected ? resultsApi.publicResults(selected, signal) : Promise.resolve(null)),
    [selected],
  );
  useEffect(() => {
    document.title = `${t("results.public.title")} — ${t("app.name")}`;
  }, [t]);

  let body;
  if (periods.error) body = <ErrorState error={periods.error} onRetry={periods.reload} />;
  else if (!periods.data) body = <LoadingState />;
  else if (!selected)
    body = (
      <EmptyState
        icon={<LeaderboardOutlined />}
        title={t("results.public.none")}
        description={t("results.public.noneHint")}
      />
    );
  // A period whose results are not (yet) public is not an error: say so plainly.
  else if (results.error?.code === "not_found")
    body = (
      <EmptyState
        icon={<LeaderboardOutlined />}
        title={t("results.public.notPublished")}
        description={t("results.public.noneHint")}
      />
    );
  else if (results.error) body = <ErrorState error={results.error} onRetry={results.reload} />;
  else if (!results.data) body = <LoadingState />;
  else {
    const r = results.data;
    body = (
      <>
        <Stack
          direction={{ xs: "column", sm: "row" }}
          spacing={2}
          sx={{ mb: 3, alignItems: { sm: "center" } }}
        >
          <Box sx={{ flexGrow: 1 }}>
            <Typography variant="h4" component="h1" sx={{ fontWeight: 700, fontSize: { xs: 24, sm: 34 } }}>
              {t("results.public.heading", { period: r.periodName })}
            </Typography>
            <Typography color="text.secondary" sx={{ mt: 0.5 }}>
              {t("results.public.subtitle", { number: r.documentNumber, date: formatDate(r.publishedAt) })}
            </Typography>
          </Box>
          <Chip
            icon={<VerifiedOutlined />}
            color="success"
            label={t("results.final")}
            data-testid="final-label"
            sx={{ fontWeight: 600, px: 1 }}
          />
        </Stack>
        {r.unitTypes.map((u) => (
          <PublishedTable key={u.code} title={lang === "en" ? u.nameEn : u.name} rows={u.rows} />
        ))}
        <Typography variant="body2" color="text.secondary">
          {t("results.public.note")}
        </Typography>
      </>
    );
  }

  return (
    <Box sx={{ minHeight: "100vh", bgcolor: "background.default" }}>
      <AppBar position="static" color="primary" elevation={0}>
        <Toolbar sx={{ gap: { xs: 1, sm: 2 }, flexWrap: { xs: "wrap", sm: "nowrap" }, py: { xs: 1, sm: 0 } }}>
          <Box sx={{ flexGrow: 1, minWidth: 0, flexBasis: { xs: "100%", sm: "auto" } }}>
            <Typography variant="subtitle2" sx={{ opacity: 0.85, lineHeight: 1.2 }}>
              {t("app.province")}
            </Typography>
            {/* A phone wraps the title onto two lines rather than cutting it. */}
            <Typography
              variant="h6"
              component="div"
              sx={{ lineHeight: 1.3, fontSize: { xs: 17, sm: 20 }, whiteSpace: { sm: "nowrap" } }}
            >
              {t("results.public.title")}
            </Typography>
          </Box>
          {periods.data && periods.data.length > 1 && (
            <TextField
              select
              size="small"
              value={selected ?? ""}
              onChange={(e) => navigate(`/public/results/${e.target.value}`)}
              label={t("results.public.period")}
              sx={{
                minWidth: { xs: 0, sm: 180 },
                flexGrow: { xs: 1, sm: 0 },
                bgcolor: "background.paper",
                borderRadius: 1,
              }}
            >
              {periods.data.map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {p.name}
                </MenuItem>
              ))}
            </TextField>
          )}
          <Box sx={{ bgcolor: "background.paper", borderRadius: 1 }}>
            <LanguageSwitch />
          </Box>
        </Toolbar>
      </AppBar>
      <Container maxWidth="lg" sx={{ py: { xs: 2, sm: 4 }, px: { xs: 1.5, sm: 3 } }}>
        {body}
        <Typography variant="body2" sx={{ mt: 4 }}>
          <RouterLink to="/login">{t("results.public.signIn")}</RouterLink>
        </Typography>
      </Container>
    </Box>
  );
}
