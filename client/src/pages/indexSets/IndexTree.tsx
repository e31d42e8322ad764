import { useState } from "react";
import {
  Box,
  Button,
  IconButton,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from "@mui/material";
import ChevronRight from "@mui/icons-material/ChevronRight";
import ExpandMore from "@mui/icons-material/ExpandMore";
import WarningAmberOutlined from "@mui/icons-material/WarningAmberOutlined";
import CheckCircle from "@mui/icons-material/CheckCircle";
import type { TIndexItem } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { showMax, toCenti } from "../../format/points";
import { currentLang } from "../../i18n";
import { EvidenceIcon, MethodBadge } from "./MethodBadge";
import { titleIn } from "../../format/titles";

interface Row {
  item: TIndexItem;
  depth: number;
}

function flatten(
  items: readonly TIndexItem[],
  collapsed: ReadonlySet<string>,
  depth = 0,
  out: Row[] = [],
): Row[] {
  for (const item of items) {
    out.push({ item, depth });
    if (!collapsed.has(item.id)) flatten(item.children, collapsed, depth + 1, out);
  }
  return out;
}

function allParents(items: readonly TIndexItem[], out: string[] = []): string[] {
  for (const i of items) if (i.children.length) out.push(i.id, ...allParents(i.children));
  return out;
}

/** Sum of the children's maxima in hundredths: an area's points must equal what its criteria add up to. */
const childrenSum = (item: TIndexItem) => item.children.reduce((s, c) => s + toCenti(c.maxPoints), 0);

interface Props {
  items: readonly TIndexItem[];
  /** The total line under the tree (the areas add up to 100); omitted for bonus/penalty. */
  totalLabel?: string;
  testId?: string;
}

/** The index tree (areas → criteria → sub-criteria) with maxima, scoring method and evidence flags. */
export function IndexTree({ items, totalLabel, testId }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const rows = flatten(items, collapsed);
  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const total = items.reduce((s, i) => s + toCenti(i.maxPoints), 0);

  return (
    <Paper variant="outlined">
      <Stack
        direction="row"
        spacing={1}
        sx={{ p: 1, justifyContent: "flex-end", borderBottom: 1, borderColor: "divider" }}
      >
        <Button size="small" onClick={() => setCollapsed(new Set())}>
          {t("indexSets.expandAll")}
        </Button>
        <Button size="small" onClick={() => setCollapsed(new Set(allParents(items)))}>
          {t("indexSets.collapseAll")}
        </Button>
      </Stack>
      <TableContainer>
        <Table size="small" data-testid={testId}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 110 }}>{t("indexSets.code")}</TableCell>
              <TableCell>{t("indexSets.itemTitle")}</TableCell>
              <TableCell sx={{ width: 120 }}>{t("indexSets.methodLabel")}</TableCell>
              <TableCell sx={{ width: 90 }} align="center">
                {t("indexSets.evidence")}
              </TableCell>
              <TableCell sx={{ width: 120 }} align="right">
                {t("indexSets.maxPoints")}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(({ item, depth }) => {
              const parent = item.children.length > 0;
              const mismatch =
                parent &&
                item.kind !== "bonus" &&
                item.kind !== "penalty" &&
                childrenSum(item) !== toCenti(item.maxPoints);
              const top = depth === 0;
              return (
                <TableRow
                  key={item.id}
                  hover
                  data-kind={item.kind}
                  sx={top ? { bgcolor: "#f3f6fb" } : undefined}
                >
                  <TableCell sx={{ pl: 1 + depth * 2.5, whiteSpace: "nowrap", fontWeight: top ? 700 : 500 }}>
                    <Box sx={{ display: "flex", alignItems: "center", minHeight: 26 }}>
                      {parent ? (
                        <IconButton
                          size="small"
                          onClick={() => toggle(item.id)}
                          aria-label={t("indexSets.toggle")}
                          sx={{ mr: 0.5, p: 0.25 }}
                        >
                          {collapsed.has(item.id) ? (
                            <ChevronRight fontSize="small" />
                          ) : (
                            <ExpandMore fontSize="small" />
                          )}
                        </IconButton>
                      ) : (
                        <Box component="span" sx={{ width: 26, flexShrink: 0 }} />
                      )}
                      {item.code}
                    </Box>
                  </TableCell>
                  <TableCell sx={{ fontWeight: top ? 700 : depth === 1 ? 500 : 400 }}>
                    {titleIn(item, lang)}
                  </TableCell>
                  <TableCell>{!parent && <MethodBadge method={item.method} />}</TableCell>
                  <TableCell align="center">{!parent && item.evidenceRequired && <EvidenceIcon />}</TableCell>
                  <TableCell
                    align="right"
                    sx={{
                      fontVariantNumeric: "tabular-nums",
                      fontWeight: top ? 700 : 400,
                      whiteSpace: "nowrap",
                    }}
                  >
                    {mismatch && (
                      <Tooltip title={t("indexSets.sumMismatch", { sum: showMax(childrenSum(item), lang) })}>
                        <WarningAmberOutlined
                          color="warning"
                          fontSize="small"
                          sx={{ verticalAlign: "middle", mr: 0.5 }}
                        />
                      </Tooltip>
                    )}
                    {showMax(toCenti(item.maxPoints), lang)}
                  </TableCell>
                </TableRow>
              );
            })}
            {totalLabel && (
              <TableRow data-testid="index-total" sx={{ bgcolor: "primary.light" }}>
                <TableCell />
                <TableCell sx={{ fontWeight: 700 }}>{totalLabel}</TableCell>
                <TableCell colSpan={2}>
                  {total === 10000 ? (
                    <Stack direction="row" spacing={0.5} sx={{ alignItems: "center", color: "success.main" }}>
                      <CheckCircle fontSize="small" />
                      <Typography variant="caption">{t("indexSets.totalOk")}</Typography>
                    </Stack>
                  ) : (
                    <Stack direction="row" spacing={0.5} sx={{ alignItems: "center", color: "error.main" }}>
                      <WarningAmberOutlined fontSize="small" />
                      <Typography variant="caption">{t("indexSets.totalWrong")}</Typography>
                    </Stack>
                  )}
                </TableCell>
                <TableCell
                  align="right"
                  sx={{ fontWeight: 800, fontSize: 16 }}
                  data-testid="index-total-value"
                >
                  {showMax(total, lang)}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}
