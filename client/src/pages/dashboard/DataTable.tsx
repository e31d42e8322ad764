import type { ReactNode } from "react";
import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from "@mui/material";

/** The plain table behind a chart: a header row and rows of cells, numbers right-aligned. */
export function DataTable({
  head,
  rows,
  testId,
  big,
}: {
  head: string[];
  rows: ReactNode[][];
  testId?: string;
  big?: boolean;
}) {
  return (
    <TableContainer sx={{ maxHeight: big ? "none" : 420 }}>
      <Table
        size="small"
        stickyHeader
        data-testid={testId}
        sx={big ? { "& td, & th": { fontSize: 18 } } : undefined}
      >
        <TableHead>
          <TableRow>
            {head.map((h, i) => (
              <TableCell key={h} align={i === 0 ? "left" : "right"}>
                {h}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((cells, r) => (
            <TableRow key={r}>
              {cells.map((c, i) => (
                <TableCell
                  key={i}
                  align={i === 0 ? "left" : "right"}
                  sx={{ fontVariantNumeric: "tabular-nums" }}
                >
                  {c}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
