import { Stack } from "@mui/material";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader";
import { NewPeriodCard } from "./NewPeriodCard";
import { PeriodIndexSetsCard } from "./PeriodIndexSetsCard";
import { UnitImportCard } from "./UnitImportCard";

/**
 * The admin's setup of a year: a new period (from a template or last year's), the unit import, and which index set
 * each period applies to each unit type.
 */
export default function SetupPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("setup.title")} subtitle={t("setup.subtitle")} />
      <Stack spacing={3}>
        <NewPeriodCard />
        <UnitImportCard />
        <PeriodIndexSetsCard />
      </Stack>
    </>
  );
}
