/** The visibility rule (docs/visibility.md): The period's downloadable exports. */
import { rule, same, type FieldTable } from "../rule";

/**
 * The period's exports (GET /api/periods/:id/exports/…): one row per dossier, every stage of every unit. Nobody
 * gets them row by row, so only the classes that see every column of every dossier at every status and can never
 * be recused download them: the admin and leadership (resultsPolicy `export`).
 */
export const EXPORTS: Readonly<Record<string, FieldTable>> = Object.fromEntries(
  Object.entries({
    "ranking.xlsx": [
      "auditHead",
      "rank",
      "unitCode",
      "unit",
      "total",
      "max",
      "index",
      "classification",
      "areas",
      "why",
    ],
    "matrix.xlsx": [
      "auditHead",
      "rank",
      "unitCode",
      "unit",
      "status",
      "total",
      "index",
      "leaf",
      "self",
      "round1",
      "round2",
      "agreed",
      "official",
      // Beside a kinded leaf's points: each stage's level or figures (docs/scoring-kinds.md).
      "answers",
    ],
    "report.docx": ["document"],
    "minutes.docx": ["document"],
    "responsibility.xlsx": [
      "auditHead",
      "unitRank",
      "unit",
      "unitIndex",
      "unitClassification",
      "leader",
      "position",
      "areas",
      "areaIndex",
      "index",
      "classification",
      "flags",
    ],
  }).map(([name, columns]) => [
    name,
    { name, fields: same(columns, rule({ admin: true, leadership: true })) } satisfies FieldTable,
  ]),
);
