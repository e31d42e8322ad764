import * as Y from "yjs";
import {
  centiToNumber,
  figuresToView,
  openMeetingDocument,
  readAdjustments,
  type TSnapshot,
} from "@ca/shared";

/** The plain text of the minutes: one paragraph per line (the rich text's structure is not needed to read it). */
function minutesText(fragment: Y.XmlFragment): string {
  const lines: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment | Y.XmlHook) => {
    if (node instanceof Y.XmlText) return void lines.push(node.toString().replace(/<[^>]*>/g, ""));
    if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) {
      const texts = node.toArray().filter((c) => c instanceof Y.XmlText) as Y.XmlText[];
      if (texts.length && texts.length === node.length) {
        lines.push(texts.map((t) => t.toJSON()).join(""));
        return;
      }
      node.toArray().forEach((c) => walk(c as Y.XmlElement));
    }
  };
  walk(fragment);
  return lines.join("\n");
}

/** Decodes a stored snapshot into what the read-only view shows. */
export function presentSnapshot(
  row: { id: string; label: string; createdAt: Date; state: Uint8Array },
  userName: Map<string, string>,
): TSnapshot {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, row.state);
    const md = openMeetingDocument(doc);
    const notes: Record<string, string> = {};
    for (const [code, text] of md.notes)
      if (text instanceof Y.Text && text.length) notes[code] = text.toString();
    return {
      id: row.id,
      label: row.label,
      createdAt: row.createdAt.toISOString(),
      bytes: row.state.byteLength,
      adjustments: [...readAdjustments(md)].map(([code, a]) => ({
        code,
        score: centiToNumber(a.score),
        level: a.level ?? null,
        figures: a.figures ? figuresToView(a.figures) : null,
        by: a.by,
        byName: userName.get(a.by) ?? null,
        at: a.at,
      })),
      notes,
      minutes: minutesText(md.minutes),
    };
  } finally {
    doc.destroy();
  }
}
