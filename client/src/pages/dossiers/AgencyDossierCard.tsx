import { Box, Button, Card, CardContent, Divider, Stack, Typography } from "@mui/material";
import ArrowForward from "@mui/icons-material/ArrowForward";
import AccountBalanceOutlined from "@mui/icons-material/AccountBalanceOutlined";
import type { TDossierSummary } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { Link as RouterLink } from "react-router-dom";
import { StatusChip } from "../../components/StatusChip";
import { StatusStepper } from "../../components/StatusStepper";
import { formatDateTime } from "../../format/dates";
import { officialStageOf } from "../../format/officialStage";
import { showPoints } from "../../format/points";
import { currentLang } from "../../i18n";

function Figure({
  label,
  value,
  strong,
  testId,
}: {
  label: string;
  value: string;
  strong?: boolean;
  testId?: string;
}) {
  return (
    <Box sx={{ minWidth: 160 }} data-testid={testId}>
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
  const stage = officialStageOf(dossier.status, false);
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
        <Box sx={{ mb: 3 }}>
          <StatusStepper status={dossier.status} />
        </Box>
        <Divider sx={{ mb: 2 }} />
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: "wrap", alignItems: "center" }}>
          <Figure label={t("dossiers.selfTotal")} value={showPoints(dossier.selfTotal, lang)} />
          {/* The agency's own card: no appraised figure before a council round has closed. */}
          <Figure
            label={t(`officialStage.${stage}`)}
            value={stage === "none" ? t("officialStage.notYet") : showPoints(dossier.officialTotal, lang)}
            strong={stage !== "none"}
            testId="agency-official"
          />
          <Box sx={{ flexGrow: 1 }} />
          <Button
            variant="contained"
            size="large"
            endIcon={<ArrowForward />}
            component={RouterLink}
            to={`/dossiers/${dossier.id}`}
            data-testid="open-dossier"
          >
            {t("dossiers.open")}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}
