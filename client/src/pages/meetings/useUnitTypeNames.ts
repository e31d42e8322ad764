import type { TUnitType } from "@ca/shared";
import { unitsApi } from "../../api/units";
import { useApi } from "../../hooks/useApi";
import { currentLang } from "../../i18n";

/** The unit types in their catalogue order, with a name in the reader's language (the code while loading). */
export function useUnitTypeNames(): { name: (code: string) => string; order: (code: string) => number } {
  const types = useApi((signal) => unitsApi.types(signal).catch(() => [] as TUnitType[]), []);
  const lang = currentLang();
  return {
    name: (code) => {
      const ut = types.data?.find((u) => u.code === code);
      return ut ? (lang === "en" ? ut.nameEn : ut.name) : code;
    },
    order: (code) => {
      const i = (types.data ?? []).findIndex((u) => u.code === code);
      return i === -1 ? 99 : i;
    },
  };
}
