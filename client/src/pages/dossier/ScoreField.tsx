import { InputAdornment, TextField } from "@mui/material";
import type { TLeafView } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { showMax } from "../../format/points";
import { currentLang } from "../../i18n";
import { engineLeaf } from "./model";

interface Props {
  leaf: TLeafView;
  value: string;
  onChange: (text: string) => void;
  /** The message of checkScore() when the text is not a valid score. */
  error?: string | null;
  label?: string;
  testId?: string;
  disabled?: boolean;
  onBlur?: () => void;
}

/** A score typed with a decimal comma or point; the range and step show as the helper text. */
export function ScoreField({ leaf, value, onChange, error, label, testId, disabled, onBlur }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const l = engineLeaf(leaf);
  return (
    <TextField
      label={label ?? t("score.label")}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onBlur}
      error={!!error}
      helperText={error || t("score.range", { max: showMax(l.maxPoints, lang), step: showMax(l.step, lang) })}
      slotProps={{
        htmlInput: {
          inputMode: "decimal",
          autoComplete: "off",
          "data-testid": testId,
          "aria-invalid": !!error,
          style: { fontVariantNumeric: "tabular-nums", fontWeight: 600 },
        },
        input: {
          endAdornment: <InputAdornment position="end">/ {showMax(l.maxPoints, lang)}</InputAdornment>,
        },
        formHelperText: { sx: { mx: 0.5 } },
      }}
      sx={{ width: 190, flexShrink: 0 }}
    />
  );
}
