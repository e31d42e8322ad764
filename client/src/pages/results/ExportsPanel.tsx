import { Button, Paper, Stack, Typography } from "@mui/material";
import DescriptionOutlined from "@mui/icons-material/DescriptionOutlined";
import GridOnOutlined from "@mui/icons-material/GridOnOutlined";
import { useTranslation } from "react-i18next";
import { EXPORTS, exportUrl } from "../../api/results";

/** Download links of the period's exports (the browser sends the session cookie; the server checks `can()`). */
export function ExportsPanel({
  periodId,
  files = EXPORTS,
}: {
  periodId: string;
  files?: readonly (typeof EXPORTS)[number][];
}) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 2.5, mb: 3 }} data-testid="exports-panel">
      <Typography variant="h6" component="h2">
        {t("results.exports.title")}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t("results.exports.hint")}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap" }}>
        {files.map((file) => (
          <Button
            key={file}
            variant="outlined"
            href={exportUrl(periodId, file)}
            download
            startIcon={file.endsWith(".docx") ? <DescriptionOutlined /> : <GridOnOutlined />}
            data-testid={`export-${file}`}
          >
            {t(`results.exports.file.${file.replace(".", "_")}`)}
          </Button>
        ))}
      </Stack>
    </Paper>
  );
}
