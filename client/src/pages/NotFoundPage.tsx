import { Button } from "@mui/material";
import SearchOffOutlined from "@mui/icons-material/SearchOffOutlined";
import { useTranslation } from "react-i18next";
import { Link as RouterLink } from "react-router-dom";
import { EmptyState } from "../components/States";

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<SearchOffOutlined />}
      title={t("errors.notFoundTitle")}
      description={t("errors.notFoundText")}
      action={
        <Button variant="contained" component={RouterLink} to="/">
          {t("common.backHome")}
        </Button>
      }
    />
  );
}
