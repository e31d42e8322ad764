import { Stack, Typography } from "@mui/material";
import type { TLeafView } from "@ca/shared";
import { currentLang } from "../../i18n";
import { MethodBadge } from "../indexSets/MethodBadge";
import { titleIn } from "../../format/titles";

/** A leaf's code, title and scoring method on one line. */
export function LeafTitle({ leaf }: { leaf: TLeafView }) {
  const lang = currentLang();
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: "center", flexWrap: "wrap" }}>
      <Typography variant="body2" sx={{ fontWeight: 700, color: "primary.dark", minWidth: 44 }}>
        {leaf.code}
      </Typography>
      <Typography variant="body1" sx={{ fontWeight: 600 }}>
        {titleIn(leaf, lang)}
      </Typography>
      <MethodBadge method={leaf.method} />
    </Stack>
  );
}
