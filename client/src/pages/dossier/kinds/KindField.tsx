import { Chip, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from "@mui/material";
import type { TLeafView } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { showMax, toCenti } from "../../../format/points";
import { currentLang } from "../../../i18n";
import { checkAnswer } from "./answers";

interface Props {
  leaf: TLeafView;
  /** The draft: a level's code, "numerator/denominator" or a value (see answers.ts). */
  value: string;
  onChange: (text: string) => void;
  onBlur?: () => void;
  /** The server's message when a save failed. */
  error?: string | null;
  disabled?: boolean;
  /** A caption above the field (what the answer is for, e.g. the figures an explanation proposes). */
  label?: string;
  /** Prefix of the test ids: `level-<code>-<level>`, `numerator-<code>`, `denominator-<code>`, `value-<code>`. */
  code: string;
}

/**
 * The answer a kinded leaf asks for: pick a level (a switch of two for yes/no), or type the figures; the points
 * they give appear beside them, derived by the rule the server applies.
 */
export function KindField({ leaf, value, onChange, onBlur, error, disabled, code, label }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const check = checkAnswer(value, leaf, t);
  const message = error ?? (check.state === "invalid" ? check.message : null);
  const derived = (
    <Chip
      size="small"
      color={check.state === "ok" ? "primary" : "default"}
      variant={check.state === "ok" ? "filled" : "outlined"}
      label={
        check.state === "ok"
          ? t("kind.derived", {
              points: showMax(check.centi, lang),
              max: showMax(toCenti(leaf.maxPoints), lang),
            })
          : t("kind.noPoints", { max: showMax(toCenti(leaf.maxPoints), lang) })
      }
      data-testid={`derived-${code}`}
      sx={{ fontWeight: 700, alignSelf: { xs: "flex-start", md: "flex-end" } }}
    />
  );
  const caption = label && (
    <Typography variant="body2" sx={{ fontWeight: 600 }}>
      {label}
    </Typography>
  );
  if (leaf.kind === "levels" || leaf.kind === "yesno")
    return (
      <Stack spacing={1} sx={{ maxWidth: 320 }}>
        {caption}
        <ToggleButtonGroup
          exclusive
          size="small"
          orientation={leaf.kind === "yesno" ? "horizontal" : "vertical"}
          value={value || null}
          disabled={disabled}
          onChange={(_e, next: string | null) => next !== null && (onChange(next), onBlur?.())}
          aria-label={t("kind.pickLevel")}
        >
          {(leaf.levels ?? []).map((l) => (
            <ToggleButton
              key={l.code}
              value={l.code}
              data-testid={`level-${code}-${l.code}`}
              sx={{ justifyContent: "space-between", textAlign: "left", gap: 1, textTransform: "none" }}
            >
              <span>{(lang === "en" && l.labelEn) || l.label}</span>
              <Typography component="span" variant="caption" sx={{ fontWeight: 700 }}>
                {showMax(toCenti(l.points), lang)}
              </Typography>
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {message && (
          <Typography variant="caption" color="error">
            {message}
          </Typography>
        )}
        {derived}
      </Stack>
    );
  const rate = leaf.rule?.measure === "rate";
  const [num = "", den = ""] = value.split("/");
  const field = (label: string, text: string, testId: string, set: (s: string) => void) => (
    <TextField
      label={label}
      value={text}
      size="small"
      disabled={disabled}
      error={!!message}
      onChange={(e) => set(e.target.value)}
      onBlur={onBlur}
      slotProps={{ htmlInput: { inputMode: "decimal", autoComplete: "off", "data-testid": testId } }}
      sx={{ width: 110 }}
    />
  );
  return (
    <Stack spacing={1} sx={{ alignItems: { md: "flex-end" } }}>
      {caption}
      <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
        {rate ? (
          <>
            {field(t("kind.numerator"), num, `numerator-${code}`, (s) => onChange(`${s}/${den}`))}
            <Typography>/</Typography>
            {field(t("kind.denominator"), den, `denominator-${code}`, (s) => onChange(`${num}/${s}`))}
          </>
        ) : (
          field(t("kind.value"), value, `value-${code}`, onChange)
        )}
      </Stack>
      {message && (
        <Typography variant="caption" color="error" sx={{ maxWidth: 260 }}>
          {message}
        </Typography>
      )}
      {derived}
    </Stack>
  );
}
