import { Box, Breadcrumbs, Chip, Link, Paper, Stack, Typography } from "@mui/material";
import type { TIndexItem, TUnitType } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { Link as RouterLink, useParams } from "react-router-dom";
import { indexSetsApi } from "../../api/indexSets";
import { unitsApi } from "../../api/units";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/States";
import { showMax, toCenti } from "../../format/points";
import { useApi } from "../../hooks/useApi";
import { currentLang } from "../../i18n";
import { IndexTree } from "./IndexTree";

function leaves(items: readonly TIndexItem[]): TIndexItem[] {
  return items.flatMap((i) => (i.children.length ? leaves(i.children) : [i]));
}

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 150 }}>
      <Typography variant="h5" component="div" sx={{ fontVariantNumeric: "tabular-nums" }}>
        {value}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Paper>
  );
}

/** One index set: its tree with per-area maxima, the 100-point total, and the bonus/penalty items. */
export default function IndexSetDetailPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const { indexSetId = "" } = useParams();
  const set = useApi((signal) => indexSetsApi.get(indexSetId, signal), [indexSetId]);
  const types = useApi((signal) => unitsApi.types(signal).catch(() => [] as TUnitType[]), []);

  if (set.error) return <ErrorState error={set.error} onRetry={set.reload} />;
  if (set.loading || !set.data) return <LoadingState />;
  const s = set.data;
  const ut = types.data?.find((x) => x.code === s.unitType);
  const scorable = leaves(s.areas);
  const count = (m: TIndexItem["method"]) => scorable.filter((l) => l.method === m).length;

  return (
    <Box data-testid="index-set-detail">
      <Breadcrumbs sx={{ mb: 1 }}>
        <Link component={RouterLink} to="/index-sets" underline="hover" color="inherit">
          {t("nav.indexSets")}
        </Link>
        <Typography color="text.primary">{s.code}</Typography>
      </Breadcrumbs>
      <PageHeader
        title={s.name}
        subtitle={
          <Stack
            direction="row"
            spacing={1}
            component="span"
            useFlexGap
            sx={{ flexWrap: "wrap", alignItems: "center" }}
          >
            <Chip size="small" label={`${t("indexSets.code")}: ${s.code}`} />
            <Chip size="small" label={t("indexSets.versionValue", { v: s.version })} />
            <Chip
              size="small"
              color="primary"
              variant="outlined"
              label={ut ? (lang === "en" ? ut.nameEn : ut.name) : s.unitType}
            />
          </Stack>
        }
      />
      <Stack direction={{ xs: "column", md: "row" }} spacing={2} sx={{ mb: 3 }}>
        <Figure label={t("indexSets.areas")} value={s.areas.length} />
        <Figure label={t("indexSets.leaves")} value={scorable.length} />
        <Figure
          label={t("indexSets.byMethod")}
          value={`${count("self")} · ${count("survey")} · ${count("council")}`}
        />
        <Figure label={t("indexSets.bonusCap")} value={showMax(toCenti(s.bonusCap), lang)} />
        <Figure label={t("indexSets.penaltyCap")} value={showMax(toCenti(s.penaltyCap), lang)} />
      </Stack>
      <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>
        {t("indexSets.treeTitle")}
      </Typography>
      <IndexTree items={s.areas} totalLabel={t("indexSets.total")} testId="index-tree" />
      {s.extras.length > 0 && (
        <>
          <Typography variant="h6" component="h2" sx={{ mt: 4, mb: 0.5 }}>
            {t("indexSets.extrasTitle")}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
            {t("indexSets.extrasText")}
          </Typography>
          <IndexTree items={s.extras} testId="index-extras" />
        </>
      )}
    </Box>
  );
}
