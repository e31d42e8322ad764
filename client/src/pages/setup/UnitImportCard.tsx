import { useRef, useState } from "react";
import {
  Alert,
  Button,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import UploadFile from "@mui/icons-material/UploadFile";
import type { TUnitImportResult } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { setupApi } from "../../api/setup";
import { ErrorRows, errorRowsOf, type ErrorRow } from "./ErrorRows";

/** The admin imports units, heads and deputies, and accounts from one workbook: all rows or none. */
export function UnitImportCard() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TUnitImportResult | null>(null);
  const [rows, setRows] = useState<ErrorRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function upload(file: File) {
    setBusy(true);
    setResult(null);
    setRows(null);
    setError(null);
    try {
      setResult(await setupApi.importUnits(file));
    } catch (err) {
      const named = errorRowsOf(err);
      if (named) setRows(named);
      else setError((err as Error).message);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  return (
    <Card variant="outlined" data-testid="unit-import">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {t("setup.import")}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t("setup.importHint")}
        </Typography>
        <Stack direction="row" spacing={2}>
          <Button variant="outlined" href="/api/units/import/template">
            {t("setup.downloadTemplate")}
          </Button>
          <Button
            variant="contained"
            startIcon={<UploadFile />}
            disabled={busy}
            onClick={() => input.current?.click()}
          >
            {t("setup.chooseFile")}
          </Button>
          <input
            ref={input}
            type="file"
            hidden
            accept=".xlsx"
            data-testid="unit-file"
            onChange={(e) => e.target.files?.[0] && upload(e.target.files[0])}
          />
        </Stack>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
        {rows && <ErrorRows title={t("setup.importErrors")} rows={rows} />}
        {result && (
          <Alert severity="success" sx={{ mt: 2 }} data-testid="import-done">
            {t("setup.imported", {
              units: result.units.length,
              leaders: result.leaders,
              accounts: result.accounts.length,
            })}
            {result.accounts.length > 0 && (
              <>
                <Typography variant="body2" sx={{ mt: 1 }}>
                  {t("setup.passwords")}
                </Typography>
                <Button
                  size="small"
                  sx={{ my: 1 }}
                  href={`data:text/csv;charset=utf-8,${encodeURIComponent(
                    "\uFEFFusername,unit,password\n" +
                      result.accounts
                        .map((a) => `${a.username},${a.unitCode},${a.initialPassword}`)
                        .join("\n"),
                  )}`}
                  download="mat-khau-ban-dau.csv"
                >
                  CSV
                </Button>
                <Table size="small" stickyHeader sx={{ display: "block", maxHeight: 260, overflow: "auto" }}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t("setup.username")}</TableCell>
                      <TableCell>{t("setup.unit")}</TableCell>
                      <TableCell>{t("setup.password")}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {result.accounts.map((a) => (
                      <TableRow key={a.username}>
                        <TableCell>{a.username}</TableCell>
                        <TableCell>{a.unitCode}</TableCell>
                        <TableCell sx={{ fontFamily: "monospace" }}>{a.initialPassword}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </>
            )}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
