/**
 * Why a unit has its band, as one record every screen and export reads (docs/periods-and-classification.md): from
 * the reasons `classifyUnits` gives (index, then rule and council overrides, then quotas), the last one settles the
 * basis; the last override and the quota are both kept, so a footnote can name each.
 */
import type { ClassificationBand } from "./classify";
import { overrideReason, type ClassificationWhy } from "./classify";
import type { BandReason } from "./quota";

/** The why of a classified unit; null for a unit without a band (nothing applies, or not appraised). */
export function whyOfReasons(
  band: string | null,
  reasons: readonly BandReason[],
  bands: readonly ClassificationBand[],
): ClassificationWhy | null {
  if (band === null) return null;
  const byIndex = reasons.find((r) => r.kind === "index");
  const override = [...reasons].reverse().find((r) => r.kind === "override");
  const last = reasons.at(-1);
  const basis = !last || last.kind === "index" ? "index" : last.kind;
  // The first quota names the band the unit lost; a cascade (dropped again by the next band's quota) keeps it.
  const firstQuota = reasons.find((r) => r.kind === "quota");
  return {
    basis,
    bandByIndex: byIndex?.band ?? null,
    override:
      override === undefined
        ? null
        : override.source === "rule"
          ? { source: "rule", ...overrideReason(override.rule, bands), documentNumber: null }
          : {
              source: "council",
              reason: override.reason,
              // The chair's words are recorded once, as written; the English field carries them with a lead-in.
              reasonEn: `Council decision: ${override.reason}`,
              documentNumber: override.documentNumber,
            },
    quota:
      firstQuota?.kind !== "quota"
        ? null
        : { from: firstQuota.from, seats: firstQuota.seats, tieAtCut: firstQuota.tieAtCut },
  };
}

function labelOf(code: string, bands: readonly ClassificationBand[], locale: "vi" | "en"): string {
  const band = bands.find((b) => b.code === code);
  return (locale === "vi" ? band?.label : band?.labelEn) ?? code;
}

/**
 * The footnote of a band, in the reader's language: empty when the index alone set it; otherwise the council's or
 * the period's override with its reason (and document number), and the quota with the band it took away.
 */
export function whyFootnote(
  why: ClassificationWhy | null,
  bands: readonly ClassificationBand[],
  locale: "vi" | "en" = "vi",
): string {
  if (!why || (why.override === null && !why.quota)) return "";
  const parts: string[] = [];
  if (why.override) {
    const reason = locale === "vi" ? why.override.reason : why.override.reasonEn;
    const doc = why.override.documentNumber;
    if (why.override.source === "council")
      parts.push(
        locale === "vi"
          ? `Hội đồng quyết định${doc ? ` (${doc})` : ""}: ${reason}`
          : `${reason}${doc ? ` (${doc})` : ""}`,
      );
    else parts.push(reason);
  }
  if (why.quota) {
    const from = labelOf(why.quota.from, bands, locale);
    const seats = why.quota.seats;
    if (why.quota.tieAtCut)
      parts.push(
        locale === "vi"
          ? `Đồng hạng tại ngưỡng hạn mức "${from}" (${seats} suất): chờ Hội đồng quyết định.`
          : `Tied at the cut of the "${from}" quota (${seats} seats): awaiting the council's decision.`,
      );
    else
      parts.push(
        locale === "vi"
          ? `Vượt hạn mức "${from}" (tối đa ${seats} đơn vị): xuống mức liền dưới theo thứ hạng.`
          : `Over the "${from}" quota (at most ${seats} units): moved down one level in rank order.`,
      );
  }
  return parts.join(" ");
}
