import type { ReactNode } from "react";
import { Accordion, AccordionDetails, AccordionSummary, Box, Chip, Stack, Typography } from "@mui/material";
import ExpandMore from "@mui/icons-material/ExpandMore";
import { formatPoints, type Bp, type Centi } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { showMax } from "../../format/points";
import { currentLang } from "../../i18n";
import type { AreaGroup } from "./model";
import { titleIn } from "../../format/titles";

export interface AreaFigures {
  achieved: Centi;
  applicableMax: Centi;
  index: Bp | null;
}

interface Props {
  group: AreaGroup;
  figures?: AreaFigures;
  expanded: boolean;
  onToggle: () => void;
  /** Small chips after the title (e.g. "2 chưa chấm"). */
  badges?: ReactNode;
  children: ReactNode;
}

/** One area (lĩnh vực) of the index tree, with its achieved points, applicable maximum and sub-index. */
export function AreaSection({ group, figures, expanded, onToggle, badges, children }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const title =
    group.code === "B"
      ? t("area.bonus")
      : group.code === "P"
        ? t("area.penalty")
        : `${group.code}. ${titleIn(group, lang)}`;
  return (
    <Accordion
      expanded={expanded}
      onChange={onToggle}
      disableGutters
      variant="outlined"
      slotProps={{ transition: { unmountOnExit: true } }}
      data-testid={`area-${group.code}`}
      sx={{ "&::before": { display: "none" }, "&:not(:last-of-type)": { borderBottom: 0 } }}
    >
      <AccordionSummary expandIcon={<ExpandMore />} sx={{ bgcolor: "#f8f9fc", minHeight: 56 }}>
        <Stack
          direction="row"
          spacing={2}
          useFlexGap
          sx={{ alignItems: "center", width: "100%", pr: 1, flexWrap: "wrap" }}
        >
          <Typography variant="subtitle1" sx={{ flexGrow: 1, minWidth: 240 }}>
            {title}
          </Typography>
          {badges}
          {figures && (
            <Box sx={{ textAlign: "right", minWidth: 150 }} data-testid={`area-${group.code}-figures`}>
              <Typography variant="body2" sx={{ fontWeight: 700, fontVariantNumeric: "tabular-nums" }}>
                {formatPoints(figures.achieved, lang)} / {showMax(figures.applicableMax, lang)}
              </Typography>
              {figures.index !== null && (
                <Chip
                  size="small"
                  label={`${formatPoints(figures.index, lang)} %`}
                  sx={{ height: 20, fontSize: 12, fontVariantNumeric: "tabular-nums" }}
                />
              )}
            </Box>
          )}
        </Stack>
      </AccordionSummary>
      <AccordionDetails sx={{ p: 0 }}>{children}</AccordionDetails>
    </Accordion>
  );
}
