import { Box, Button, Chip, Paper, Stack, Typography } from "@mui/material";
import FilterListOutlined from "@mui/icons-material/FilterListOutlined";
import { useTranslation } from "react-i18next";
import { useScrollCue } from "../../../hooks/useScrollCue";
import { SaveStateChip } from "./SaveStateChip";
import type { SaveState } from "./useSelfDrafts";

export interface SelfFilter {
  missingEvidence: boolean;
  unscored: boolean;
}

interface Props {
  filter: SelfFilter;
  onChange: (f: SelfFilter) => void;
  counts: { missingEvidence: number; unscored: number };
  overall: SaveState;
  onExpandAll: () => void;
  onCollapseAll: () => void;
}

/** The self-assessment's toolbar: the overall save state, the two filters with their counts, expand/collapse. */
export function SelfFilters({ filter, onChange, counts, overall, onExpandAll, onCollapseAll }: Props) {
  const { t } = useTranslation();
  const cue = useScrollCue<HTMLDivElement>();
  const toggle = (key: keyof SelfFilter, count: number, label: string) => (
    <Chip
      clickable
      icon={<FilterListOutlined />}
      color={filter[key] ? "primary" : "default"}
      variant={filter[key] ? "filled" : "outlined"}
      label={`${label} (${count})`}
      onClick={() => onChange({ ...filter, [key]: !filter[key] })}
      aria-pressed={filter[key]}
      data-testid={`filter-${key}`}
    />
  );
  return (
    // On a phone the sticky bar stays one row high (it scrolls sideways): the save state and the two filters;
    // the hint and expand/collapse wait for a wider screen.
    <Paper
      variant="outlined"
      sx={{
        px: { xs: 1, sm: 2 },
        py: { xs: 0.75, sm: 1.5 },
        mb: 2,
        position: "sticky",
        top: { xs: 56, sm: 64 },
        zIndex: 2,
      }}
      data-testid="self-toolbar"
    >
      <Stack
        ref={cue.ref}
        direction="row"
        spacing={{ xs: 1, sm: 1.5 }}
        useFlexGap
        data-more={cue.more}
        sx={{
          alignItems: "center",
          flexWrap: { xs: "nowrap", sm: "wrap" },
          overflowX: { xs: "auto", sm: "visible" },
          // More past the right edge: the row fades out there, so it reads as one that scrolls.
          ...(cue.more && {
            maskImage: "linear-gradient(to right, #000 calc(100% - 40px), transparent)",
          }),
        }}
      >
        <SaveStateChip state={overall} overall testId="save-overall" />
        <Typography variant="body2" color="text.secondary" sx={{ display: { xs: "none", md: "block" } }}>
          {t("self.autosaveHint")}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        {toggle("missingEvidence", counts.missingEvidence, t("self.filter.missingEvidence"))}
        {toggle("unscored", counts.unscored, t("self.filter.unscored"))}
        <Button size="small" onClick={onExpandAll} sx={{ display: { xs: "none", sm: "inline-flex" } }}>
          {t("indexSets.expandAll")}
        </Button>
        <Button size="small" onClick={onCollapseAll} sx={{ display: { xs: "none", sm: "inline-flex" } }}>
          {t("indexSets.collapseAll")}
        </Button>
      </Stack>
    </Paper>
  );
}
