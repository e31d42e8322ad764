import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Typography,
} from "@mui/material";
import type { TSurveySummary } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { wordingIn } from "../../format/titles";
import { currentLang } from "../../i18n";

/** The questionnaire as respondents will see it: questions with their index leaf, options with weights. */
export function PreviewDialog({ survey, onClose }: { survey: TSurveySummary; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{survey.title}</DialogTitle>
      <DialogContent dividers>
        {survey.intro && <Typography sx={{ mb: 2, whiteSpace: "pre-line" }}>{survey.intro}</Typography>}
        <Typography variant="subtitle2">{t("survey.preview.questions")}</Typography>
        <List dense>
          {survey.questions.map((q, i) => (
            <ListItem key={q.id} disableGutters>
              <ListItemText
                primary={`${i + 1}. ${wordingIn(q, currentLang())}`}
                secondary={t("survey.preview.leaf", { code: q.itemCode })}
              />
            </ListItem>
          ))}
        </List>
        <Typography variant="subtitle2" sx={{ mt: 1 }}>
          {t("survey.preview.options")}
        </Typography>
        <List dense>
          {survey.options.map((o) => (
            <ListItem key={o.code} disableGutters>
              <ListItemText
                primary={`${o.code}. ${o.label}`}
                secondary={
                  o.weight === null
                    ? t("survey.preview.excluded")
                    : t("survey.preview.weight", { weight: o.weight })
                }
              />
            </ListItem>
          ))}
        </List>
        <Typography variant="subtitle2" sx={{ mt: 1 }}>
          {t("survey.preview.units", { n: survey.units.length })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {survey.units.map((u) => u.name).join(" · ")}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t("common.close")}</Button>
      </DialogActions>
    </Dialog>
  );
}
