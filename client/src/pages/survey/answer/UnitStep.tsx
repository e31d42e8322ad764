import {
  FormControl,
  FormControlLabel,
  FormLabel,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  Typography,
} from "@mui/material";
import type { TSurveyPublic } from "@ca/shared";
import { wordingIn } from "../../../format/titles";
import { currentLang } from "../../../i18n";

interface Props {
  survey: TSurveyPublic;
  unit: TSurveyPublic["units"][number];
  answers: Record<string, string>;
  onAnswer: (questionId: string, option: string) => void;
}

/** One unit's questions, one radio group each: large touch targets for a phone. */
export function UnitStep({ survey, unit, answers, onAnswer }: Props) {
  const lang = currentLang();
  return (
    <Stack spacing={2}>
      <Typography variant="h6" component="h2" data-testid="survey-unit-name">
        {unit.name}
      </Typography>
      {survey.questions.map((q, i) => (
        <Paper key={q.id} variant="outlined" sx={{ p: 2 }}>
          <FormControl fullWidth>
            <FormLabel id={`q-${q.id}`} sx={{ color: "text.primary", fontWeight: 600, mb: 1 }}>
              {i + 1}. {wordingIn(q, lang)}
            </FormLabel>
            <RadioGroup
              aria-labelledby={`q-${q.id}`}
              value={answers[`${unit.id}/${q.id}`] ?? ""}
              onChange={(e) => onAnswer(q.id, e.target.value)}
            >
              {survey.options.map((o) => (
                <FormControlLabel
                  key={o.code}
                  value={o.code}
                  control={<Radio data-testid={`answer-${i}-${o.code}`} />}
                  label={
                    (o.dontKnow ? "" : `${o.code}. `) + wordingIn({ text: o.label, textEn: o.labelEn }, lang)
                  }
                  sx={{ minHeight: 44, color: o.dontKnow ? "text.secondary" : undefined }}
                />
              ))}
            </RadioGroup>
          </FormControl>
        </Paper>
      ))}
    </Stack>
  );
}
