import { ToggleButton, ToggleButtonGroup } from "@mui/material";
import { useTranslation } from "react-i18next";
import { currentLang, LANGS, setLanguage, type Lang } from "../i18n";

/** Tiếng Việt / English; the choice is remembered on this browser. */
export function LanguageSwitch({ size = "small" }: { size?: "small" | "medium" }) {
  const { t } = useTranslation();
  return (
    <ToggleButtonGroup
      exclusive
      size={size}
      value={currentLang()}
      onChange={(_e, v: Lang | null) => v && setLanguage(v)}
      aria-label={t("lang.label")}
    >
      {LANGS.map((l) => (
        <ToggleButton key={l} value={l} lang={l} sx={{ px: 1.5, py: 0.5, textTransform: "none" }}>
          {t(`lang.${l}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
