import { Box, Card, CardContent, Divider, Stack, Step, StepLabel, Stepper, Typography } from "@mui/material";
import AccountBalanceOutlined from "@mui/icons-material/AccountBalanceOutlined";
import { DOSSIER_STATUSES, type TDossierSummary } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { StatusChip } from "../../components/StatusChip";
import { formatDateTime } from "../../format/dates";
import { showPoints } from "../../format/points";
import { currentLang } from "../../i18n";

function Figure({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Box sx={{ minWidth: 160 }}>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography
        variant="h5"
        component="div"
        sx={{ fontVariantNumeric: "tabular-nums", color: strong ? "primary.dark" : "text.primary" }}
      >
        {value}
      </Typography>
    </Box>
  );
}

/** An agency's own dossier: where it stands in the workflow and its totals so far. */
export function AgencyDossierCard({
  dossier,
  unitTypeName,
}: {
  dossier: TDossierSummary;
  unitTypeName: string;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const step = DOSSIER_STATUSES.indexOf(dossier.status);
  return (
    <Card variant="outlined" data-testid="agency-dossier-card">
      <CardContent sx={{ p: 3 }}>
        <Stack
          direction={{ xs: "column", md: "row" }}
          spacing={2}
          sx={{ alignItems: { md: "center" }, mb: 3 }}
        >
          <Box
            sx={{ p: 1.5, borderRadius: 2, bgcolor: "primary.light", color: "primary.main", display: "flex" }}
          >
            <AccountBalanceOutlined />
          </Box>
          <Box sx={{ flexGrow: 1 }}>
            <Typography variant="h6" component="h2">
              {dossier.unit.name}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {unitTypeName} · {t("dossiers.updatedAtValue", { date: formatDateTime(dossier.updatedAt) })}
            </Typography>
          </Box>
          <StatusChip status={dossier.status} size="medium" />
        </Stack>
        <Stepper activeStep={step} alternativeLabel sx={{ mb: 3, overflowX: "auto", pb: 1 }}>
          {DOSSIER_STATUSES.map((s, i) => (
            <Step key={s} completed={i < step || (i === step && s === "published")}>
              <StepLabel>
                <Typography variant="caption" sx={{ fontWeight: i === step ? 700 : 400 }}>
                  {t(`status.${s}`)}
                </Typography>
              </StepLabel>
            </Step>
          ))}
        </Stepper>
        <Divider sx={{ mb: 2 }} />
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: "wrap" }}>
          <Figure label={t("dossiers.selfTotal")} value={showPoints(dossier.selfTotal, lang)} />
          <Figure
            label={t("dossiers.officialTotal")}
            value={showPoints(dossier.officialTotal, lang)}
            strong
          />
        </Stack>
      </CardContent>
    </Card>
  );
}
