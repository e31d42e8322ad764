import { Box } from "@mui/material";

/** How many characters of a name's end always show: the extension and the words before it that tell files apart. */
const KEPT = 12;

/**
 * A file name that, when it must be cut, is cut in the middle: "bao-cao-quy-…-2026-q4.pdf". Evidence files of one
 * unit often share their start ("minh-chung-1.1.1…") and differ at the end, which a cut at the end would hide.
 * The whole name stays the element's text for copying, screen readers and the tooltip.
 */
export function FileName({ name }: { name: string }) {
  if (name.length <= KEPT + 4) return <>{name}</>;
  const head = name.slice(0, -KEPT);
  const tail = name.slice(-KEPT);
  return (
    <Box component="span" title={name} sx={{ display: "inline-flex", minWidth: 0, maxWidth: "100%" }}>
      <Box component="span" sx={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>
        {head}
      </Box>
      <Box component="span" sx={{ whiteSpace: "pre", flexShrink: 0 }}>
        {tail}
      </Box>
    </Box>
  );
}
