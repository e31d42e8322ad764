import { useState, type ReactNode } from "react";
import { Box, Paper, Stack, ToggleButton, ToggleButtonGroup, Typography } from "@mui/material";
import BarChartOutlined from "@mui/icons-material/BarChartOutlined";
import TableRowsOutlined from "@mui/icons-material/TableRowsOutlined";
import { useTranslation } from "react-i18next";

interface Props {
  title: string;
  subtitle?: string;
  testId: string;
  chart: ReactNode;
  table: ReactNode;
  actions?: ReactNode;
  big?: boolean;
}

/** A dashboard card whose chart can be swapped for the same figures as a table (screen readers, exact values). */
export function ChartCard({ title, subtitle, testId, chart, table, actions, big }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<"chart" | "table">("chart");
  return (
    <Paper
      variant="outlined"
      sx={{ p: big ? 3 : 2, height: "100%", display: "flex", flexDirection: "column" }}
      data-testid={testId}
      data-mode={mode}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: "flex-start", mb: 1.5 }}>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography variant={big ? "h5" : "subtitle1"} component="h2" sx={{ fontWeight: 600 }}>
            {title}
          </Typography>
          {subtitle && (
            <Typography
              variant={big ? "body1" : "caption"}
              color="text.secondary"
              data-testid={`${testId}-subtitle`}
            >
              {subtitle}
            </Typography>
          )}
        </Box>
        {actions}
        <ToggleButtonGroup
          size="small"
          exclusive
          value={mode}
          onChange={(_e, v) => v && setMode(v)}
          aria-label={t("dashboard.view")}
        >
          {/* Native titles, not MUI's Tooltip: its Popper alone is 11 KiB of the first route (docs/targets.md P9). */}
          <ToggleButton
            value="chart"
            aria-label={t("dashboard.asChart")}
            title={t("dashboard.asChart")}
            data-testid={`${testId}-chart`}
          >
            <BarChartOutlined fontSize="small" />
          </ToggleButton>
          <ToggleButton
            value="table"
            aria-label={t("dashboard.asTable")}
            title={t("dashboard.asTable")}
            data-testid={`${testId}-table`}
          >
            <TableRowsOutlined fontSize="small" />
          </ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      <Box sx={{ flexGrow: 1, minWidth: 0 }}>{mode === "chart" ? chart : table}</Box>
    </Paper>
  );
}
