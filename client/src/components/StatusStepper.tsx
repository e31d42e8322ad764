import { Box, LinearProgress, Step, StepLabel, Stepper, Typography, useMediaQuery } from "@mui/material";
import type { Theme } from "@mui/material/styles";
import { DOSSIER_STATUSES, type DossierStatus } from "@ca/shared";
import { useTranslation } from "react-i18next";

/** The dossier's states in their only order (docs/domain.md §2), the current one in bold. */
export function StatusStepper({ status, dense }: { status: DossierStatus; dense?: boolean }) {
  const { t } = useTranslation();
  const step = DOSSIER_STATUSES.indexOf(status);
  // Seven labels do not fit a phone (they broke word by word): there it says which step of how many, and a bar.
  const phone = useMediaQuery((th: Theme) => th.breakpoints.down("sm"));
  if (phone)
    return (
      <Box data-testid="status-stepper" data-compact="true">
        <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
          {t("status.stepOf", { n: step + 1, total: DOSSIER_STATUSES.length, label: t(`status.${status}`) })}
        </Typography>
        <LinearProgress
          variant="determinate"
          value={((step + 1) / DOSSIER_STATUSES.length) * 100}
          aria-label={t(`status.${status}`)}
        />
      </Box>
    );
  return (
    <Stepper
      activeStep={step}
      alternativeLabel
      sx={{ overflowX: "auto", pb: dense ? 0 : 1 }}
      data-testid="status-stepper"
    >
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
  );
}
