import { Box, Chip, Paper, Stack, Typography } from "@mui/material";
import FilterListOutlined from "@mui/icons-material/FilterListOutlined";
import { useTranslation } from "react-i18next";

export interface ReviewFilter {
  mine: boolean;
  requests: boolean;
  pending: boolean;
}

interface Props {
  filter: ReviewFilter;
  onChange: (f: ReviewFilter) => void;
  counts: Record<keyof ReviewFilter, number>;
  showMine: boolean;
  summary: string;
}

/** Filters of the review: my areas, leaves with requests, leaves this round has not scored yet. */
export function ReviewFilters({ filter, onChange, counts, showMine, summary }: Props) {
  const { t } = useTranslation();
  const chip = (key: keyof ReviewFilter) => (
    <Chip
      key={key}
      clickable
      icon={<FilterListOutlined />}
      color={filter[key] ? "primary" : "default"}
      variant={filter[key] ? "filled" : "outlined"}
      label={`${t(`review.filter.${key}`)} (${counts[key]})`}
      onClick={() => onChange({ ...filter, [key]: !filter[key] })}
      aria-pressed={filter[key]}
      data-testid={`review-filter-${key}`}
    />
  );
  return (
    <Paper variant="outlined" sx={{ px: 2, py: 1.5, mb: 2 }}>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: "center", flexWrap: "wrap" }}>
        <Typography variant="body2" color="text.secondary" data-testid="review-summary">
          {summary}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        {showMine && chip("mine")}
        {chip("requests")}
        {chip("pending")}
      </Stack>
    </Paper>
  );
}
