import {
  Button,
  Checkbox,
  Chip,
  Link,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from "@mui/material";
import MoreTimeOutlined from "@mui/icons-material/MoreTimeOutlined";
import type { TProgressRow } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { Link as RouterLink } from "react-router-dom";
import { StatusChip } from "../../components/StatusChip";
import { useNow } from "../../hooks/useNow";
import { DeadlineCell } from "./DeadlineCell";

interface Props {
  rows: readonly TProgressRow[];
  selected: ReadonlySet<string>;
  onSelect: (next: Set<string>) => void;
  onExtend: (row: TProgressRow) => void;
}

// Count headers may wrap so that the table fits a laptop screen without scrolling sideways.
const NUM_HEAD = { whiteSpace: "normal", width: 96, lineHeight: 1.3 } as const;

const count = (n: number) => (n > 0 ? <strong>{n}</strong> : <span style={{ color: "#9aa3b2" }}>0</span>);

/** One row per dossier: state, what is missing, the next deadline, and whether the unit is late. */
export function ProgressTable({ rows, selected, onSelect, onExtend }: Props) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const all = rows.length > 0 && rows.every((r) => selected.has(r.dossierId));
  const some = rows.some((r) => selected.has(r.dossierId));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  return (
    <Paper variant="outlined">
      <TableContainer>
        <Table size="small" data-testid="progress-table">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Checkbox
                  checked={all}
                  indeterminate={some && !all}
                  onChange={() => onSelect(all ? new Set() : new Set(rows.map((r) => r.dossierId)))}
                  slotProps={{ input: { "aria-label": t("progress.selectAll") } }}
                />
              </TableCell>
              <TableCell>{t("dossiers.unit")}</TableCell>
              <TableCell>{t("dossiers.status")}</TableCell>
              <TableCell align="right" sx={NUM_HEAD}>
                {t("progress.unscored")}
              </TableCell>
              <TableCell align="right" sx={NUM_HEAD}>
                {t("progress.missingEvidence")}
              </TableCell>
              <TableCell align="right" sx={NUM_HEAD}>
                {t("progress.openRequests")}
              </TableCell>
              <TableCell>{t("progress.nextDeadline")}</TableCell>
              <TableCell>{t("progress.late")}</TableCell>
              <TableCell align="right">{t("common.actions")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow
                key={r.dossierId}
                hover
                selected={selected.has(r.dossierId)}
                data-testid="progress-row"
                data-late={r.late || undefined}
                sx={r.late ? { "& > td:first-of-type": { boxShadow: "inset 3px 0 0 #d32f2f" } } : undefined}
              >
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={selected.has(r.dossierId)}
                    onChange={() => toggle(r.dossierId)}
                    slotProps={{ input: { "aria-label": r.unit.name } }}
                  />
                </TableCell>
                <TableCell sx={{ minWidth: 200 }}>
                  <Link
                    component={RouterLink}
                    to={`/dossiers/${r.dossierId}`}
                    underline="hover"
                    sx={{ fontWeight: 600 }}
                  >
                    {r.unit.name}
                  </Link>
                </TableCell>
                <TableCell>
                  <StatusChip status={r.status} />
                </TableCell>
                <TableCell align="right">{count(r.unscored)}</TableCell>
                <TableCell align="right">{count(r.missingEvidence)}</TableCell>
                <TableCell align="right">{count(r.openRequests)}</TableCell>
                <TableCell>
                  <DeadlineCell next={r.nextDeadline} late={r.late} now={now} />
                </TableCell>
                <TableCell>
                  {r.late ? (
                    <Chip size="small" color="error" label={t("progress.lateChip")} data-testid="late-chip" />
                  ) : (
                    <Chip size="small" variant="outlined" label={t("progress.onTime")} />
                  )}
                </TableCell>
                <TableCell align="right">
                  <Button
                    size="small"
                    startIcon={<MoreTimeOutlined />}
                    onClick={() => onExtend(r)}
                    data-testid="extend"
                    sx={{ whiteSpace: "nowrap" }}
                  >
                    {t("extension.open")}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}
