import { Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from "@mui/material";
import { useTranslation } from "react-i18next";
import type { ImportRowError } from "../../api/indexSets";
import { importMessage } from "./importMessages";

/** The spreadsheet's problems row by row, so the admin can fix the file and import again. */
export function ImportErrorTable({ rows }: { rows: readonly ImportRowError[] }) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined">
      <TableContainer sx={{ maxHeight: 320 }}>
        <Table size="small" stickyHeader data-testid="import-errors">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 90 }}>{t("indexSets.import.row")}</TableCell>
              <TableCell sx={{ width: 140 }}>{t("indexSets.import.field")}</TableCell>
              <TableCell>{t("indexSets.import.problem")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r, i) => (
              <TableRow key={`${r.row}-${r.field}-${i}`}>
                <TableCell sx={{ fontVariantNumeric: "tabular-nums", fontWeight: 600 }}>
                  {r.row === 0 ? t("indexSets.import.wholeFile") : r.row}
                </TableCell>
                <TableCell>
                  {r.field ? t(`indexSets.import.fields.${r.field}`, { defaultValue: r.field }) : "—"}
                </TableCell>
                <TableCell>{importMessage(r.message, r.field, t)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}
