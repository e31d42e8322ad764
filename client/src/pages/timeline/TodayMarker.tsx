import { Box, Chip, Typography } from "@mui/material";
import Today from "@mui/icons-material/Today";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../format/dates";
import { Rail } from "./MilestoneRow";

/** Where today falls between the steps of the timeline. */
export function TodayMarker({ now, last }: { now: Date; last: boolean }) {
  const { t } = useTranslation();
  return (
    <Box
      data-testid="today-marker"
      sx={{
        display: "grid",
        gridTemplateColumns: { xs: "88px 36px 1fr", sm: "120px 44px 1fr" },
        columnGap: 1,
        mb: 1.5,
      }}
    >
      <Box sx={{ textAlign: "right", pt: 1.25 }}>
        <Typography variant="subtitle2" color="error.main">
          {t("timeline.today")}
        </Typography>
      </Box>
      <Rail color="#c62828" icon={<Today />} last={last} />
      <Box sx={{ display: "flex", alignItems: "center", gap: 1.5, pt: 1 }}>
        <Box sx={{ flexGrow: 1, borderTop: "2px dashed", borderColor: "error.light" }} />
        <Chip size="small" color="error" variant="outlined" label={formatDateTime(now)} />
      </Box>
    </Box>
  );
}
