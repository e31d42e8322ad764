import { Box, Paper, Typography } from "@mui/material";
import type { TAdjustment, TLeafReview, TProjectionLeaf } from "@ca/shared";
import type * as Y from "yjs";
import type { AnswerBody } from "../dossier/kinds/answers";
import { LEAF_GRID_MIN, LeafGridHeader } from "./leaf/grid";
import { LeafRow } from "./LeafRow";

/** What a leaf row reads from the shared document, once it is loaded (else from the projection). */
export interface LiveLeaf {
  adjustment: TAdjustment | undefined;
  review: TLeafReview | undefined;
  note: Y.Text | undefined;
  byName: string | null;
}

interface Props {
  area: string;
  title: string;
  leaves: TProjectionLeaf[];
  /** The leaf's title in the interface language. */
  leafTitle: (leaf: TProjectionLeaf) => string;
  live: (leaf: TProjectionLeaf) => LiveLeaf;
  canEdit: boolean;
  canLock: boolean;
  survey: ReadonlySet<string>;
  focusLeaf: string | null;
  chairLeaf: string | null;
  phone: boolean;
  onPropose: (code: string, centi: number, answer?: AnswerBody) => void;
  onWithdraw: (code: string) => void;
  onLock: (code: string) => void;
  onSelect: (code: string) => void;
}

/**
 * One area of the dossier in the meeting: its title, the column labels and a row per leaf. Wide screens keep the
 * columns (scrolling inside the area below 640 px); a phone stacks each row and has no header row.
 */
export function AreaLeaves(p: Props) {
  return (
    <Paper
      variant="outlined"
      data-testid={`marea-${p.area}`}
      sx={{ overflowX: p.phone ? "hidden" : "auto", overflowY: "hidden" }}
    >
      <Box sx={{ minWidth: p.phone ? 0 : LEAF_GRID_MIN }}>
        <Typography variant="subtitle1" component="h3" sx={{ px: 2, pt: 1, pb: 0.5, fontWeight: 600 }}>
          {p.title}
        </Typography>
        {!p.phone && <LeafGridHeader />}
        {p.leaves.map((l) => (
          <LeafRow
            key={l.code}
            leaf={l}
            title={p.leafTitle(l)}
            {...p.live(l)}
            canEdit={p.canEdit}
            survey={p.survey.has(l.code)}
            canLock={p.canLock}
            selected={p.focusLeaf === l.code}
            chairHere={p.chairLeaf === l.code}
            phone={p.phone}
            onPropose={p.onPropose}
            onWithdraw={p.onWithdraw}
            onLock={p.onLock}
            onSelect={p.onSelect}
          />
        ))}
      </Box>
    </Paper>
  );
}
