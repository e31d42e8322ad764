import { alpha, Box, Typography } from "@mui/material";
import type { TProjectionLeaf } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { showPoints, toCenti } from "../../../format/points";
import { currentLang } from "../../../i18n";
import { answerDraft, answerText } from "../../dossier/kinds/answers";
import { BASE, changedAnswer, Delta, officialStage, STAGES } from "./grid";

/**
 * A leaf's scores before the meeting, one cell per stage (self, round 1, the agency's proposal, round 2), the
 * official one highlighted, each with its level or figures and its difference; a survey leaf shows its survey
 * points across the four cells. `phone`: each cell carries its own label (there is no header row).
 */
export function StageCells({
  leaf,
  survey,
  phone,
}: {
  leaf: TProjectionLeaf;
  survey: boolean;
  phone: boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  if (survey)
    return (
      <Box
        sx={{ gridColumn: "span 4", textAlign: phone ? "left" : "right", pr: 0.5 }}
        data-testid={`mleaf-official-${leaf.code}`}
      >
        <Typography variant="caption" color="text.secondary" sx={{ mr: 1 }}>
          {t("meeting.stages.survey")}
        </Typography>
        <Typography component="span" sx={{ fontWeight: 700, fontVariantNumeric: "tabular-nums" }}>
          {showPoints(leaf.stages.survey ?? leaf.official, lang)}
        </Typography>
      </Box>
    );
  const official = officialStage(leaf);
  return (
    <>
      {STAGES.map((s) => {
        const value = leaf.stages[s];
        const base = BASE[s] ? leaf.stages[BASE[s]] : null;
        const isOfficial = s === official;
        const delta = value !== null && base !== null ? toCenti(value) - toCenti(base) : 0;
        const answer = leaf.answers[s];
        return (
          <Box
            key={s}
            sx={{
              textAlign: "right",
              px: 0.5,
              py: 0.25,
              minWidth: 0,
              borderRadius: 0.75,
              bgcolor: (th) => (isOfficial ? alpha(th.palette.primary.main, 0.08) : undefined),
            }}
            data-testid={`mleaf-stage-${s}-${leaf.code}`}
            data-official={isOfficial || undefined}
            data-stage={s}
            title={`${t(`meeting.stages.${s}`)}${isOfficial ? ` (${t("meeting.leaf.official")})` : ""}`}
          >
            {phone && (
              <Typography
                variant="caption"
                color="text.secondary"
                component="div"
                noWrap
                sx={{ lineHeight: 1.2 }}
              >
                {t(`meeting.stages.${s}`)}
              </Typography>
            )}
            <Typography
              sx={{
                fontWeight: isOfficial ? 700 : 400,
                fontSize: 14,
                fontVariantNumeric: "tabular-nums",
                color: value === null ? "text.disabled" : s === "proposed" ? "secondary.main" : undefined,
                fontStyle: s === "proposed" ? "italic" : undefined,
              }}
            >
              {showPoints(value, lang)}
            </Typography>
            {answer && (
              <Typography
                variant="caption"
                component="div"
                noWrap
                title={answerText(leaf, answer, lang) ?? undefined}
                data-testid={`mleaf-answer-${s}-${leaf.code}`}
                data-changed={changedAnswer(leaf, s) || undefined}
                sx={{
                  fontVariantNumeric: "tabular-nums",
                  ...(changedAnswer(leaf, s) && {
                    bgcolor: "warning.light",
                    fontWeight: 700,
                    borderRadius: 0.5,
                  }),
                }}
              >
                {/* A yes/no answer by its label ("Có / Đạt"), a level or figures as typed ("B", "16/20"). */}
                {leaf.kind === "yesno" ? answerText(leaf, answer, lang) : answerDraft(answer, lang)}
              </Typography>
            )}
            <Delta
              centi={delta}
              testId={`mleaf-delta-${s}-${leaf.code}`}
              title={t(`meeting.stages.vs.${s}`)}
            />
          </Box>
        );
      })}
    </>
  );
}
