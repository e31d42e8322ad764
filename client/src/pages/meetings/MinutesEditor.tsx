import { useEffect } from "react";
import { Box, Button, ButtonGroup, Typography } from "@mui/material";
import FormatBold from "@mui/icons-material/FormatBold";
import FormatItalic from "@mui/icons-material/FormatItalic";
import FormatListBulleted from "@mui/icons-material/FormatListBulleted";
import FormatListNumbered from "@mui/icons-material/FormatListNumbered";
import Title from "@mui/icons-material/Title";
import Collaboration from "@tiptap/extension-collaboration";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import type * as Y from "yjs";
import { useTranslation } from "react-i18next";

/**
 * The meeting minutes: rich text on the document's shared XmlFragment (tiptap + Yjs). Loaded as its own chunk:
 * only people who open a meeting download the editor.
 */
export default function MinutesEditor({
  fragment,
  editable,
  emptyText,
}: {
  fragment: Y.XmlFragment;
  editable: boolean;
  /** Said instead of an empty grey box when the minutes are read-only and have no content. */
  emptyText: string;
}) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      // Yjs keeps the history of a shared document; the editor's own undo would fight it.
      extensions: [StarterKit.configure({ undoRedo: false }), Collaboration.configure({ fragment })],
      editable,
      editorProps: {
        attributes: { "data-testid": "minutes-editor", "aria-label": t("meeting.minutes.heading") },
      },
    },
    [fragment],
  );
  useEffect(() => editor?.setEditable(editable), [editor, editable]);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: !!e?.isActive("bold"),
      italic: !!e?.isActive("italic"),
      heading3: !!e?.isActive("heading", { level: 3 }),
      bullet: !!e?.isActive("bulletList"),
      ordered: !!e?.isActive("orderedList"),
      empty: e?.isEmpty ?? true,
    }),
  });
  const button = (key: keyof NonNullable<typeof active>, icon: React.ReactNode, run: () => void) => (
    <Button
      variant={active?.[key] ? "contained" : "outlined"}
      onClick={run}
      aria-label={t(`meeting.minutes.${key}`)}
      title={t(`meeting.minutes.${key}`)}
    >
      {icon}
    </Button>
  );
  const blank = !editable && editor && active?.empty;
  return (
    <Box>
      {blank && (
        <Typography variant="body2" color="text.secondary" data-testid="minutes-empty">
          {emptyText}
        </Typography>
      )}
      {editable && editor && (
        <ButtonGroup size="small" sx={{ mb: 1 }}>
          {button("bold", <FormatBold fontSize="small" />, () => editor.chain().focus().toggleBold().run())}
          {button("italic", <FormatItalic fontSize="small" />, () =>
            editor.chain().focus().toggleItalic().run(),
          )}
          {button("heading3", <Title fontSize="small" />, () =>
            editor.chain().focus().toggleHeading({ level: 3 }).run(),
          )}
          {button("bullet", <FormatListBulleted fontSize="small" />, () =>
            editor.chain().focus().toggleBulletList().run(),
          )}
          {button("ordered", <FormatListNumbered fontSize="small" />, () =>
            editor.chain().focus().toggleOrderedList().run(),
          )}
        </ButtonGroup>
      )}
      <Box
        sx={{
          display: blank ? "none" : undefined,
          border: 1,
          borderColor: "divider",
          borderRadius: 1,
          px: 2,
          py: 1,
          minHeight: 140,
          bgcolor: editable ? "background.paper" : "action.hover",
          "& .ProseMirror": { outline: "none", minHeight: 120 },
          "& .ProseMirror p": { my: 0.75 },
        }}
      >
        <EditorContent editor={editor} />
      </Box>
    </Box>
  );
}
