import type { ReactNode } from "react";
import { Box, Divider, Link, Paper, Stack, Typography } from "@mui/material";
import PictureAsPdfOutlined from "@mui/icons-material/PictureAsPdfOutlined";
import AccountBalanceOutlined from "@mui/icons-material/AccountBalanceOutlined";
import { formatPoints, type Bp, type Centi, type TDossierDetail } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { useMe } from "../../auth/AuthProvider";
import { personaOf } from "../../auth/persona";
import { LiveStatusChip } from "../../components/LiveStatusChip";
import { officialStageOf, round1Progress } from "../../format/officialStage";
import { formatDateTime } from "../../format/dates";
import { StatusChip } from "../../components/StatusChip";
import { StatusStepper } from "../../components/StatusStepper";
import { currentLang } from "../../i18n";
import { centiOf } from "./model";
import { WindowCountdown } from "./WindowCountdown";

export interface TotalFigures {
  total: Centi;
  index: Bp | null;
}

function Figure({
  label,
  value,
  testId,
  strong,
  absent,
  note,
}: {
  label: string;
  value: TotalFigures;
  testId: string;
  strong?: boolean;
  /** Said instead of a figure that does not exist yet (no council round closed). */
  absent?: { text: string; hint: string };
  /** A line under the index (how much of the round the figure covers). */
  note?: string;
}) {
  const lang = currentLang();
  return (
    <Box
      sx={{ minWidth: { xs: 120, md: 150 } }}
      data-testid={testId}
      data-absent={absent ? "true" : undefined}
    >
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography
        variant={absent ? "h6" : "h5"}
        component="div"
        title={absent?.hint}
        sx={{
          fontVariantNumeric: "tabular-nums",
          color: absent ? "text.secondary" : strong ? "primary.dark" : "text.primary",
        }}
        data-testid={`${testId}-value`}
      >
        {absent ? absent.text : formatPoints(value.total, lang)}
      </Typography>
      {!absent && (
        <Typography variant="caption" color="text.secondary" sx={{ fontVariantNumeric: "tabular-nums" }}>
          {value.index === null ? "—" : `${formatPoints(value.index, lang)} %`}
        </Typography>
      )}
      {!absent && note && (
        <Typography variant="caption" color="text.secondary" component="div" data-testid={`${testId}-note`}>
          {note}
        </Typography>
      )}
    </Box>
  );
}

/** Totals as the API sends them (decimal points, index a percentage), in exact hundredths. */
export function figuresOf(t: TDossierDetail["selfTotals"]): TotalFigures {
  return { total: centiOf(t.total) ?? 0, index: centiOf(t.index) };
}

interface Props {
  detail: TDossierDetail;
  /** The running self totals while the agency types (else the saved ones). */
  selfFigures?: TotalFigures;
  actions?: ReactNode;
}

/** Unit, period, where the dossier stands, the current window and both totals. */
export function DossierHeader({ detail, selfFigures, actions }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const stage = officialStageOf(detail.status, personaOf(me.roles) !== "agency");
  const round1 = stage === "round1_scoring" ? round1Progress(detail.leaves) : null;
  return (
    // On a phone the header is compact (no emblem, both totals on one line), so the first leaves show on the
    // first screen.
    <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 }, mb: 2 }} data-testid="dossier-header">
      <Stack
        direction={{ xs: "column", md: "row" }}
        spacing={2}
        useFlexGap
        sx={{ alignItems: { md: "center" } }}
      >
        <Box
          sx={{
            p: 1.5,
            borderRadius: 2,
            bgcolor: "primary.light",
            color: "primary.main",
            display: { xs: "none", md: "flex" },
          }}
        >
          <AccountBalanceOutlined />
        </Box>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography variant="h5" component="h1" data-testid="dossier-unit">
            {detail.unit.name}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t("dossier.subtitle", { period: detail.period.name })}
          </Typography>
        </Box>
        <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
          <LiveStatusChip />
          <span data-testid="dossier-status" data-status={detail.status}>
            <StatusChip status={detail.status} size="medium" />
          </span>
        </Stack>
      </Stack>
      <Box sx={{ my: { xs: 1.5, md: 2.5 } }}>
        <StatusStepper status={detail.status} dense />
      </Box>
      <Divider sx={{ mb: { xs: 1.5, md: 2 } }} />
      <Stack
        direction="row"
        spacing={{ xs: 2, md: 4 }}
        useFlexGap
        sx={{ flexWrap: "wrap", alignItems: "center" }}
      >
        <Figure
          label={t("dossier.selfTotal")}
          value={selfFigures ?? figuresOf(detail.selfTotals)}
          testId="self-total"
        />
        <Figure
          label={t(`officialStage.${stage}`)}
          value={figuresOf(detail.officialTotals)}
          testId="official-total"
          strong
          absent={
            stage === "none"
              ? { text: t("officialStage.notYet"), hint: t("officialStage.notYetHint") }
              : round1?.scored === 0
                ? { text: t("officialStage.notScored"), hint: t("officialStage.notScoredHint") }
                : undefined
          }
          note={round1 && round1.scored < round1.of ? t("officialStage.scoredOf", round1) : undefined}
        />
        <WindowCountdown detail={detail} />
        <Box sx={{ flexGrow: 1 }} />
        {actions && (
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap" }}>
            {actions}
          </Stack>
        )}
      </Stack>
      {detail.reports.length > 0 && (
        <Stack
          direction="row"
          spacing={2}
          useFlexGap
          sx={{ mt: 2, alignItems: "center", flexWrap: "wrap" }}
          data-testid="signed-reports"
        >
          <Typography variant="body2" color="text.secondary">
            {t("dossier.reports")}
          </Typography>
          {detail.reports.map((r) => (
            <Stack key={r.id} direction="row" spacing={0.5} sx={{ alignItems: "center" }}>
              <PictureAsPdfOutlined fontSize="small" color="error" />
              <Link href={r.url} download={r.name} variant="body2" underline="hover">
                {t(`dossier.reportKind.${r.purpose}`, { defaultValue: r.name })}
              </Link>
              <Typography variant="caption" color="text.secondary">
                {formatDateTime(r.uploadedAt)}
              </Typography>
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
