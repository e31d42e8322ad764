import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import vi from "./vi.json";

export type Lang = "vi" | "en";
export const LANGS: readonly Lang[] = ["vi", "en"];
const STORAGE_KEY = "ca.lang";

function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === "en" ? "en" : "vi";
  } catch {
    return "vi"; // storage blocked (private mode): Vietnamese, the default
  }
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: "vi",
  supportedLngs: LANGS as Lang[],
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

document.documentElement.lang = i18n.language;

/** Switches the interface language and remembers the choice on this browser. */
export function setLanguage(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* the choice still applies to this tab */
  }
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

/** The current interface language, narrowed to the two we ship. */
export function currentLang(): Lang {
  return i18n.language === "en" ? "en" : "vi";
}

export default i18n;
