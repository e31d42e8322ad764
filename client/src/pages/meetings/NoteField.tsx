import { useEffect, useRef, useState } from "react";
import { TextField } from "@mui/material";
import type * as Y from "yjs";
import { useTranslation } from "react-i18next";
import { applyTextChange, shiftSelection } from "../../collab/textBinding";

/**
 * A plain textarea bound to a leaf's collaborative Y.Text: local typing becomes the smallest delete + insert,
 * remote changes replace the value while the caret keeps its place relative to the text around it.
 */
export function NoteField({ text, readOnly, testId }: { text: Y.Text; readOnly: boolean; testId: string }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(() => text.toString());
  const ref = useRef<HTMLTextAreaElement | null>(null);

  useEffect(() => {
    setValue(text.toString());
    const observer = (event: Y.YTextEvent) => {
      if (event.transaction.local) return;
      const el = ref.current;
      const next = text.toString();
      if (el && document.activeElement === el) {
        // Shift the caret by what was inserted or deleted before it.
        const [start, end] = shiftSelection(event.delta, el.selectionStart, el.selectionEnd);
        setValue(next);
        requestAnimationFrame(() => el.setSelectionRange(start, end));
      } else setValue(next);
    };
    text.observe(observer);
    return () => text.unobserve(observer);
  }, [text]);

  const onChange = (next: string) => {
    applyTextChange(text, next);
    setValue(next);
  };

  return (
    <TextField
      multiline
      minRows={2}
      maxRows={8}
      fullWidth
      size="small"
      placeholder={readOnly ? t("meeting.leaf.notesEmpty") : t("meeting.leaf.notesPlaceholder")}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{
        htmlInput: { readOnly, "data-testid": testId, ref, "aria-label": t("meeting.leaf.notes") },
      }}
    />
  );
}
