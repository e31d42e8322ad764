import { Button } from "@mui/material";
import BlockOutlined from "@mui/icons-material/BlockOutlined";
import { useTranslation } from "react-i18next";
import { Link as RouterLink } from "react-router-dom";
import { EmptyState } from "../components/States";

export default function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<BlockOutlined />}
      title={t("errors.forbiddenTitle")}
      description={t("errors.forbiddenText")}
      action={
        <Button variant="contained" component={RouterLink} to="/">
          {t("common.backHome")}
        </Button>
      }
    />
  );
}
