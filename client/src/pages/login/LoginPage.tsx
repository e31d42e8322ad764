import { Box, Paper, Stack, Typography } from "@mui/material";
import VerifiedOutlined from "@mui/icons-material/VerifiedOutlined";
import FactCheckOutlined from "@mui/icons-material/FactCheckOutlined";
import GroupsOutlined from "@mui/icons-material/GroupsOutlined";
import EventAvailableOutlined from "@mui/icons-material/EventAvailableOutlined";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../../components/LanguageSwitch";
import { LoginForm } from "./LoginForm";

const FEATURES = [
  { icon: <FactCheckOutlined />, key: "selfAssessment" },
  { icon: <GroupsOutlined />, key: "council" },
  { icon: <EventAvailableOutlined />, key: "timeline" },
] as const;

/** The sign-in screen: who runs the platform on the left, the form on the right. */
export default function LoginPage() {
  const { t } = useTranslation();
  return (
    <Box sx={{ minHeight: "100vh", display: "flex", bgcolor: "background.default" }} data-testid="login-page">
      <Box
        sx={{
          flex: "0 0 46%",
          display: { xs: "none", md: "flex" },
          flexDirection: "column",
          justifyContent: "space-between",
          p: 6,
          color: "common.white",
          background: "linear-gradient(155deg, #0a3880 0%, #0d47a1 55%, #1565c0 100%)",
        }}
      >
        <Stack direction="row" spacing={1.5} sx={{ alignItems: "center" }}>
          <VerifiedOutlined sx={{ color: "#ffd54f", fontSize: 36 }} />
          <Box>
            <Typography
              variant="subtitle2"
              sx={{ letterSpacing: 0.6, textTransform: "uppercase", opacity: 0.9 }}
            >
              {t("app.province")}
            </Typography>
            <Typography variant="body2" sx={{ opacity: 0.8 }}>
              {t("app.department")}
            </Typography>
          </Box>
        </Stack>
        <Box sx={{ maxWidth: 520 }}>
          <Typography variant="h4" component="h1" sx={{ fontSize: "2.1rem", lineHeight: 1.25, mb: 2 }}>
            {t("app.name")}
          </Typography>
          <Typography sx={{ opacity: 0.9, mb: 4 }}>{t("login.tagline")}</Typography>
          <Stack spacing={2}>
            {FEATURES.map((f) => (
              <Stack key={f.key} direction="row" spacing={2} sx={{ alignItems: "flex-start" }}>
                <Box sx={{ color: "#ffd54f", mt: 0.25 }}>{f.icon}</Box>
                <Box>
                  <Typography sx={{ fontWeight: 600 }}>{t(`login.features.${f.key}.title`)}</Typography>
                  <Typography variant="body2" sx={{ opacity: 0.8 }}>
                    {t(`login.features.${f.key}.text`)}
                  </Typography>
                </Box>
              </Stack>
            ))}
          </Stack>
        </Box>
        <Typography variant="caption" sx={{ opacity: 0.7 }}>
          {t("login.footer")}
        </Typography>
      </Box>
      <Box sx={{ flex: 1, display: "flex", flexDirection: "column", p: { xs: 2, sm: 4 } }}>
        <Box sx={{ display: "flex", justifyContent: "flex-end" }}>
          <LanguageSwitch />
        </Box>
        <Box sx={{ flex: 1, display: "flex", alignItems: "center", justifyContent: "center" }}>
          <Box sx={{ width: "100%", maxWidth: 420 }}>
            <Box sx={{ display: { xs: "block", md: "none" }, mb: 3, textAlign: "center" }}>
              <Typography variant="overline" color="primary">
                {t("app.owner")}
              </Typography>
              <Typography variant="h5" component="h1">
                {t("app.name")}
              </Typography>
            </Box>
            <Paper variant="outlined" sx={{ p: { xs: 3, sm: 4 }, borderRadius: 3 }}>
              <LoginForm />
            </Paper>
            <Typography
              variant="caption"
              color="text.secondary"
              sx={{ display: "block", textAlign: "center", mt: 3 }}
            >
              {t("app.owner")}
            </Typography>
          </Box>
        </Box>
      </Box>
    </Box>
  );
}
