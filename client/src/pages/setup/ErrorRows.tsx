import { Alert, Table, TableBody, TableCell, TableHead, TableRow } from "@mui/material";
import { useTranslation } from "react-i18next";

export interface ErrorRow {
  sheet?: string;
  row: number;
  field: string;
  message: string;
}

/** The rows a refused file or mapping names, one line each (nothing was written). */
export function ErrorRows({ title, rows }: { title: string; rows: readonly ErrorRow[] }) {
  const { t } = useTranslation();
  return (
    <Alert severity="error" sx={{ mt: 2 }} data-testid="import-errors">
      {title}
      <Table size="small" sx={{ mt: 1 }}>
        <TableHead>
          <TableRow>
            {rows.some((r) => r.sheet) && <TableCell>{t("setup.sheet")}</TableCell>}
            <TableCell>{t("setup.row")}</TableCell>
            <TableCell>{t("setup.field")}</TableCell>
            <TableCell>{t("setup.message")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={i}>
              {rows.some((x) => x.sheet) && <TableCell>{r.sheet}</TableCell>}
              <TableCell>{r.row}</TableCell>
              <TableCell>{r.field}</TableCell>
              <TableCell>{r.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Alert>
  );
}

/** The rows of an `import_failed` answer, if that is what the error is. */
export function errorRowsOf(err: unknown): ErrorRow[] | null {
  const e = err as { code?: string; details?: { rows?: ErrorRow[] } };
  return e?.code === "import_failed" && Array.isArray(e.details?.rows) ? e.details!.rows! : null;
}
