import i18n from "i18next";
import { initReactI18next } from "react-i18next";
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

// Vietnamese, the default and the fallback, ships with the app; English is fetched only by those who pick it
// (its strings are a sixth of the first route's budget, docs/targets.md P9).
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  partialBundledLanguages: true,
  lng: "vi",
  fallbackLng: "vi",
  supportedLngs: LANGS as Lang[],
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

/** Loads a language's strings once (Vietnamese is always there). */
async function load(lang: Lang): Promise<void> {
  if (lang === "vi" || i18n.hasResourceBundle(lang, "translation")) return;
  const { default: en } = await import("./en.json");
  i18n.addResourceBundle("en", "translation", en);
}

/** Switches to a language once its strings are there; Vietnamese stays on if they cannot be fetched. */
async function apply(lang: Lang): Promise<void> {
  await load(lang).catch(() => undefined);
  const next = i18n.hasResourceBundle(lang, "translation") ? lang : "vi";
  document.documentElement.lang = next;
  await i18n.changeLanguage(next);
}

/** Resolves when the remembered language is ready: the app renders after it, so English never flashes by in Vietnamese. */
export const languageReady: Promise<void> = apply(storedLang());

/** Switches the interface language and remembers the choice on this browser. */
export function setLanguage(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* the choice still applies to this tab */
  }
  void apply(lang);
}

/** The current interface language, narrowed to the two we ship. */
export function currentLang(): Lang {
  return i18n.language === "en" ? "en" : "vi";
}

export default i18n;
