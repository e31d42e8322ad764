import { Step, StepLabel, Stepper, Typography } from "@mui/material";
import { DOSSIER_STATUSES, type DossierStatus } from "@ca/shared";
import { useTranslation } from "react-i18next";

/** The dossier's states in their only order (DESIGN §2), the current one in bold. */
export function StatusStepper({ status, dense }: { status: DossierStatus; dense?: boolean }) {
  const { t } = useTranslation();
  const step = DOSSIER_STATUSES.indexOf(status);
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
