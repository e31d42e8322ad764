import { memo, useState } from "react";
import { alpha, Box, IconButton, Stack, Tooltip, Typography } from "@mui/material";
import ChatBubbleOutline from "@mui/icons-material/ChatBubbleOutline";
import LockOutlined from "@mui/icons-material/LockOutlined";
import PlaceOutlined from "@mui/icons-material/PlaceOutlined";
import { scoreProblemMessage, type TAdjustment, type TLeafReview, type TProjectionLeaf } from "@ca/shared";
import type * as Y from "yjs";
import { useTranslation } from "react-i18next";
import { showMax, toCenti } from "../../format/points";
import { currentLang } from "../../i18n";
import type { AnswerBody } from "../dossier/kinds/answers";
import { LEAF_GRID, LEAF_GRID_PHONE } from "./leaf/grid";
import { ProposalCell } from "./leaf/ProposalCell";
import { ProposalInput } from "./leaf/ProposalInput";
import { StageCells } from "./leaf/StageCells";
import { NoteField } from "./NoteField";

export interface LeafRowProps {
  leaf: TProjectionLeaf;
  /** The leaf's title in the interface language (the projection carries the Vietnamese one only). */
  title: string;
  adjustment: TAdjustment | undefined;
  review: TLeafReview | undefined;
  note: Y.Text | undefined;
  byName: string | null;
  canEdit: boolean;
  /** A survey leaf takes its points from the survey: the meeting does not adjust it. */
  survey: boolean;
  canLock: boolean;
  selected: boolean;
  chairHere: boolean;
  /** A phone's stacked layout instead of the columns (docs/client.md, "Phones"). */
  phone: boolean;
  /** `answer`: the level or figures proposed on a leaf of that kind (docs/scoring-kinds.md). */
  onPropose: (code: string, centi: number, answer?: AnswerBody) => void;
  onWithdraw: (code: string) => void;
  onLock: (code: string) => void;
  onSelect: (code: string) => void;
}

/** One criterion in the meeting: official score, the live proposal and who made it, the server's verdict, notes. */
export const LeafRow = memo(function LeafRow(p: LeafRowProps) {
  const { leaf, adjustment, review, phone } = p;
  const { t } = useTranslation();
  const lang = currentLang();
  const [notesOpen, setNotesOpen] = useState(false);
  const locked = review?.state === "locked" || leaf.locked;
  const agreed =
    review?.state === "locked" ? review.score : leaf.agreed === null ? null : toCenti(leaf.agreed);
  const invalid =
    review?.state === "invalid"
      ? scoreProblemMessage(review.problem, review.vars, lang)
      : leaf.valid === false
        ? leaf.reason
        : null;
  const vars = { max: showMax(toCenti(leaf.maxPoints), lang), step: showMax(toCenti(leaf.step), lang) };
  const noteFilled = (p.note?.length ?? 0) > 0;
  const showNotes = (notesOpen || p.selected) && p.note;
  const entry = p.canEdit && !locked && !p.survey;

  const actions = (
    <Stack direction="row" spacing={0} sx={{ justifyContent: "flex-end" }}>
      <Tooltip title={t("meeting.leaf.notes")}>
        <IconButton
          size="small"
          color={noteFilled ? "primary" : "default"}
          aria-label={t("meeting.leaf.notes")}
          onClick={(e) => {
            e.stopPropagation();
            setNotesOpen((o) => !o);
          }}
          data-testid={`mleaf-notes-toggle-${leaf.code}`}
        >
          <ChatBubbleOutline fontSize="small" />
        </IconButton>
      </Tooltip>
      {p.canLock && !locked && !p.survey && (
        <Tooltip title={t("meeting.leaf.lock")}>
          <IconButton
            size="small"
            aria-label={t("meeting.leaf.lock")}
            onClick={() => p.onLock(leaf.code)}
            data-testid={`mleaf-lock-${leaf.code}`}
          >
            <LockOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
      )}
    </Stack>
  );
  const proposal = (
    <ProposalCell
      leaf={leaf}
      adjustment={adjustment}
      byName={p.byName}
      survey={p.survey}
      locked={locked}
      agreed={agreed}
      invalid={invalid}
      canEdit={p.canEdit}
      onWithdraw={p.onWithdraw}
    />
  );
  const input = entry && <ProposalInput leaf={leaf} onPropose={p.onPropose} />;

  return (
    <Box
      id={`meeting-leaf-${leaf.code}`}
      data-testid={`mleaf-${leaf.code}`}
      data-locked={locked || undefined}
      data-selected={p.selected || undefined}
      onClick={() => !p.selected && p.onSelect(leaf.code)}
      sx={{
        px: phone ? 1.5 : 2,
        py: 1,
        borderTop: 1,
        borderColor: "divider",
        borderLeft: 4,
        borderLeftColor: p.chairHere ? "primary.main" : p.selected ? "primary.light" : "transparent",
        bgcolor: (th) =>
          p.selected ? th.palette.action.hover : locked ? alpha(th.palette.success.main, 0.06) : undefined,
        cursor: p.selected ? undefined : "pointer",
      }}
    >
      <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.75 }}>
        <Box component="span" sx={{ color: "text.secondary", mr: 1, fontVariantNumeric: "tabular-nums" }}>
          {leaf.code}
        </Box>
        {p.title}
        {p.chairHere && (
          <Tooltip title={t("meeting.leaf.chairHere")}>
            <PlaceOutlined color="primary" sx={{ fontSize: 18, ml: 0.5, verticalAlign: "text-bottom" }} />
          </Tooltip>
        )}
        <Box component="span" sx={{ color: "text.secondary", fontWeight: 400, ml: 1, fontSize: 12 }}>
          {t("meeting.leaf.max", vars)}
        </Box>
      </Typography>
      {phone ? (
        <>
          <Box sx={{ display: "grid", gridTemplateColumns: LEAF_GRID_PHONE, columnGap: 0.5 }}>
            <StageCells leaf={leaf} survey={p.survey} phone />
          </Box>
          <Stack
            direction="row"
            spacing={1}
            sx={{ mt: 0.75, alignItems: "center", "& > :first-of-type": { pl: 0.5, flexGrow: 1 } }}
          >
            {proposal}
            {actions}
          </Stack>
          {input && <Box sx={{ mt: 0.75 }}>{input}</Box>}
        </>
      ) : (
        <Box sx={{ display: "grid", gridTemplateColumns: LEAF_GRID, columnGap: 1, alignItems: "start" }}>
          <StageCells leaf={leaf} survey={p.survey} phone={false} />
          {proposal}
          <Box>{input}</Box>
          {actions}
        </Box>
      )}
      {showNotes && p.note && (
        <Box sx={{ mt: 1 }} onClick={(e) => e.stopPropagation()}>
          <NoteField text={p.note} readOnly={!p.canEdit} testId={`mleaf-notes-${leaf.code}`} />
        </Box>
      )}
    </Box>
  );
});
