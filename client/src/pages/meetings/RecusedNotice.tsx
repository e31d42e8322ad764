import { Paper, Stack, Typography } from "@mui/material";
import BlockOutlined from "@mui/icons-material/BlockOutlined";
import { useTranslation } from "react-i18next";

/** What a recused member sees instead of the dossier: nothing of the council's work, not even a connection (S3). */
export function RecusedNotice({ unitName }: { unitName: string }) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 5, textAlign: "center" }} data-testid="meeting-recused">
      <Stack spacing={1.5} sx={{ alignItems: "center" }}>
        <BlockOutlined color="error" sx={{ fontSize: 48 }} />
        <Typography variant="h6">{t("meeting.recused.title")}</Typography>
        <Typography color="text.secondary">{t("meeting.recused.text", { unit: unitName })}</Typography>
      </Stack>
    </Paper>
  );
}
