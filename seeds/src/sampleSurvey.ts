import { and, eq } from "drizzle-orm";
import { DEFAULT_SURVEY_OPTIONS } from "@ca/shared";
import { type DbOrTx, t } from "@ca/server/src/seedApi";
import { leaderName } from "./data/units";

/**
 * How many sample respondents each group gets: the 2023 plan surveyed dozens (enough for the period's minimum of
 * responses once some answer "don't know"); a handful shows the flow in the training period.
 */
const SAMPLE_RESPONDENTS = {
  official: { delegates: 20, non_state: 24 },
  training: { delegates: 12, non_state: 15 },
} as const;
const ORGANISATIONS = {
  delegates: ["Tổ đại biểu HĐND tỉnh", "Ban Pháp chế HĐND tỉnh", "Ban Kinh tế - Ngân sách HĐND tỉnh"],
  non_state: [
    "Công ty TNHH Hải Đăng",
    "Hợp tác xã Hòa Thắng",
    "Hộ kinh doanh cá thể",
    "Hiệp hội Doanh nghiệp tỉnh",
  ],
};

/** "Cơ quan cấp tỉnh" → "cơ quan cấp tỉnh", but "UBND cấp huyện" stays (an acronym keeps its capitals). */
const lowerFirst = (name: string) => (/^.\p{Ll}/u.test(name) ? name[0].toLowerCase() + name.slice(1) : name);

/** The sub-criterion (e.g. "7.1") of the leaves each group rates: delegates the first, non-state the second. */
const GROUP_SUFFIX = { delegates: ".1.", non_state: ".2." } as const;

/**
 * Sample survey (seed plan step 5): for every period and unit type, one questionnaire per respondent group whose
 * questions are the survey leaves of the index set, rating every unit of the type, with a respondent list. Links
 * are not issued here: the admin issues them (tokens are shown only once); the 2023 answers and lock come from
 * sampleSurveyAnswers.ts.
 */
export async function loadSampleSurvey(db: DbOrTx): Promise<void> {
  await db.transaction(async (tx) => {
    const periods = await tx.select().from(t.periods);
    const links = await tx.select().from(t.periodIndexSets);
    const types = await tx.select().from(t.unitTypes);
    const unitRows = await tx.select().from(t.units).where(eq(t.units.active, true));
    let n = 500;
    for (const period of periods)
      for (const link of links.filter((l) => l.periodId === period.id)) {
        const items = await tx
          .select()
          .from(t.indexItems)
          .where(and(eq(t.indexItems.indexSetId, link.indexSetId), eq(t.indexItems.method, "survey")));
        const parents = new Set(items.map((i) => i.parentId));
        const leaves = items.filter((i) => !parents.has(i.id)).sort((a, b) => a.sortOrder - b.sortOrder);
        const type = types.find((x) => x.id === link.unitTypeId)!;
        const unitIds = unitRows
          .filter((u) => u.unitTypeId === type.id)
          .sort((a, b) => a.sortOrder - b.sortOrder)
          .map((u) => u.id);
        for (const group of ["delegates", "non_state"] as const) {
          const own = leaves.filter((l) => l.code.includes(GROUP_SUFFIX[group]));
          if (!own.length || !unitIds.length) continue;
          const who = group === "delegates" ? "đại biểu HĐND tỉnh" : "tổ chức, cá nhân ngoài nhà nước";
          const [q] = await tx
            .insert(t.surveyQuestionnaires)
            .values({
              periodId: period.id,
              unitTypeId: type.id,
              respondentGroup: group,
              title: `Phiếu khảo sát ${who} về ${lowerFirst(type.name)} - ${period.name}`,
              intro:
                "Xin Quý vị cho biết đánh giá của mình về từng đơn vị. Phiếu không ghi tên người trả lời; " +
                "mỗi đường dẫn chỉ dùng được một lần.",
              options: DEFAULT_SURVEY_OPTIONS.map((o) => ({ ...o })),
              unitIds,
            })
            .returning();
          await tx.insert(t.surveyQuestions).values(
            own.map((leaf, i) => ({
              questionnaireId: q.id,
              itemCode: leaf.code,
              text: `Đánh giá của Quý vị về tiêu chí “${leaf.title}” của đơn vị`,
              textEn: `Your rating of the unit on "${leaf.titleEn}"`,
              sortOrder: i + 1,
            })),
          );
          await tx.insert(t.surveyRespondents).values(
            Array.from(
              { length: SAMPLE_RESPONDENTS[period.kind === "official" ? "official" : "training"][group] },
              (_, i) => ({
                questionnaireId: q.id,
                fullName: leaderName(n++),
                organisation: ORGANISATIONS[group][i % ORGANISATIONS[group].length],
                email: null,
              }),
            ),
          );
        }
      }
  });
}
