import { useMemo, useState } from "react";
import {
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  TableSortLabel,
  Link,
} from "@mui/material";
import { Link as RouterLink } from "react-router-dom";
import {
  dossierDeadline,
  DOSSIER_STATUSES,
  type TDossierSummary,
  type TMilestone,
  type TUnitType,
  type TUnitExtensionRow,
} from "@ca/shared";
import { useTranslation } from "react-i18next";
import { StatusChip } from "../../components/StatusChip";
import { formatDateTime } from "../../format/dates";
import { officialStageOf } from "../../format/officialStage";
import { showPoints, toCenti } from "../../format/points";
import { currentLang } from "../../i18n";

/** The dossier has an appraised figure: a council round has closed on it. */
const appraised = (d: TDossierSummary) => officialStageOf(d.status, false) !== "none";
const officialOf = (d: TDossierSummary) => (appraised(d) ? d.officialTotal : null);

type SortKey = "unit" | "unitType" | "status" | "selfTotal" | "officialTotal";

interface Props {
  dossiers: readonly TDossierSummary[];
  unitTypes: readonly TUnitType[];
  /** The period's timeline and the extensions granted, for each unit's current deadline. */
  milestones: readonly TMilestone[];
  extensions: readonly TUnitExtensionRow[];
}

// Scores compare as hundredths; a missing score sorts below every real one.
const byScore = (v: number | null) => (v === null ? -Infinity : toCenti(v));

/** The dossiers of a period: unit, type, state, the current step's deadline for the unit, self and official totals. */
export function DossierTable({ dossiers, unitTypes, milestones, extensions }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [sort, setSort] = useState<{ key: SortKey; dir: "asc" | "desc" }>({ key: "unitType", dir: "asc" });
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(50);

  const typeRank = (code: string) => unitTypes.findIndex((u) => u.code === code);
  const unitTypeName = (code: string) => {
    const ut = unitTypes.find((u) => u.code === code);
    return ut ? (lang === "en" ? ut.nameEn : ut.name) : code;
  };

  const sorted = useMemo(() => {
    const collator = new Intl.Collator("vi");
    const cmp: Record<SortKey, (a: TDossierSummary, b: TDossierSummary) => number> = {
      unit: (a, b) => collator.compare(a.unit.name, b.unit.name),
      unitType: (a, b) => typeRank(a.unit.unitType) - typeRank(b.unit.unitType),
      status: (a, b) => DOSSIER_STATUSES.indexOf(a.status) - DOSSIER_STATUSES.indexOf(b.status),
      selfTotal: (a, b) => byScore(a.selfTotal) - byScore(b.selfTotal),
      officialTotal: (a, b) => byScore(officialOf(a)) - byScore(officialOf(b)),
    };
    const sign = sort.dir === "asc" ? 1 : -1;
    // Server order (the province's own unit order) breaks ties, so equal keys keep a familiar sequence.
    return dossiers
      .map((d, i) => ({ d, i }))
      .sort((x, y) => sign * cmp[sort.key](x.d, y.d) || x.i - y.i)
      .map((x) => x.d);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- typeRank derives from unitTypes
  }, [dossiers, sort, unitTypes]);

  const visible = sorted.slice(page * rowsPerPage, page * rowsPerPage + rowsPerPage);
  // Score headers may wrap onto two lines so that long English labels do not push the table sideways.
  const header = (key: SortKey, label: string, align: "left" | "right" = "left") => (
    <TableCell
      align={align}
      sortDirection={sort.key === key ? sort.dir : false}
      sx={align === "right" ? { whiteSpace: "normal", width: 130 } : undefined}
    >
      <TableSortLabel
        active={sort.key === key}
        direction={sort.key === key ? sort.dir : "asc"}
        onClick={() => setSort((s) => ({ key, dir: s.key === key && s.dir === "asc" ? "desc" : "asc" }))}
      >
        {label}
      </TableSortLabel>
    </TableCell>
  );

  return (
    <Paper variant="outlined">
      <TableContainer>
        <Table size="small" data-testid="dossier-table">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 56 }}>{t("common.no")}</TableCell>
              {header("unit", t("dossiers.unit"))}
              {header("unitType", t("dossiers.unitType"))}
              {header("status", t("dossiers.status"))}
              <TableCell>{t("dossiers.deadline")}</TableCell>
              {header("selfTotal", t("dossiers.selfTotal"), "right")}
              {header("officialTotal", t("dossiers.officialTotal"), "right")}
              <TableCell>{t("dossiers.updatedAt")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {visible.map((d, i) => (
              <TableRow key={d.id} hover data-testid="dossier-row">
                <TableCell sx={{ color: "text.secondary" }}>{page * rowsPerPage + i + 1}</TableCell>
                <TableCell sx={{ minWidth: 200 }}>
                  <Link
                    component={RouterLink}
                    to={`/dossiers/${d.id}`}
                    variant="body2"
                    underline="hover"
                    sx={{ fontWeight: 600 }}
                    data-testid="dossier-link"
                  >
                    {d.unit.name}
                  </Link>
                </TableCell>
                <TableCell sx={{ color: "text.secondary", whiteSpace: "nowrap" }}>
                  {unitTypeName(d.unit.unitType)}
                </TableCell>
                <TableCell>
                  <StatusChip status={d.status} />
                </TableCell>
                <DeadlineCell
                  due={dossierDeadline(
                    d.status,
                    milestones,
                    extensions.filter((e) => e.dossierId === d.id),
                  )}
                />
                <TableCell align="right" sx={{ fontVariantNumeric: "tabular-nums" }}>
                  {showPoints(d.selfTotal, lang)}
                </TableCell>
                {/* No appraised figure before a council round has closed: the column would repeat the self score. */}
                <TableCell
                  align="right"
                  sx={{ fontVariantNumeric: "tabular-nums", fontWeight: 600 }}
                  title={appraised(d) ? undefined : t("officialStage.notYet")}
                >
                  {appraised(d) ? showPoints(d.officialTotal, lang) : "—"}
                </TableCell>
                <TableCell sx={{ color: "text.secondary", whiteSpace: "nowrap" }}>
                  {formatDateTime(d.updatedAt)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {sorted.length > 25 && (
        <TablePagination
          component="div"
          count={sorted.length}
          page={Math.min(page, Math.max(0, Math.ceil(sorted.length / rowsPerPage) - 1))}
          onPageChange={(_e, p) => setPage(p)}
          rowsPerPage={rowsPerPage}
          onRowsPerPageChange={(e) => {
            setRowsPerPage(Number(e.target.value));
            setPage(0);
          }}
          rowsPerPageOptions={[25, 50, 100]}
        />
      )}
    </Paper>
  );
}

/** The unit's deadline for the step its dossier waits for, "gia hạn" when an extension moved it. */
function DeadlineCell({ due }: { due: { deadline: string; extendedFrom: string | null } | null }) {
  const { t } = useTranslation();
  return (
    <TableCell sx={{ whiteSpace: "nowrap", color: "text.secondary" }} data-testid="dossier-deadline">
      {due ? formatDateTime(due.deadline) : "—"}
      {due?.extendedFrom && (
        <Chip
          size="small"
          color="info"
          variant="outlined"
          label={t("dossiers.deadlineExtended")}
          title={t("window.extendedFrom", { date: formatDateTime(due.extendedFrom) })}
          sx={{ ml: 1, height: 20 }}
        />
      )}
    </TableCell>
  );
}
