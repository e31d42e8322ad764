import {
  type Db,
  type DomainEvent,
  type EventSink,
  appendAudit,
  INDEX_SETS_2023,
  t,
  UNIT_TYPES_2023,
} from "@ca/server/src/seedApi";
import {
  buildConflict,
  buildCouncilMember,
  buildIndexSet,
  buildPeriod,
  buildUnit,
  buildUser,
} from "./builders";
import { loadSampleHistory } from "./sampleHistory";
import { loadSampleSurvey } from "./sampleSurvey";
import { loadSampleSurveyAnswers } from "./sampleSurveyAnswers";
import { loadSampleTraining } from "./sampleTraining";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, SAMPLE_COUNCIL } from "./data/accounts";
import { sampleRules, timeline2023, trainingTimeline } from "./data/periods";
import { DISTRICT_COMMITTEES, leaderName, PROVINCIAL_AGENCIES } from "./data/units";

// The areas each deputy is in charge of, by position in the unit's leadership (docs/domain.md §3 "Heads and deputies").
const DEPUTY_AREAS = [
  ["1", "2", "4"],
  ["3", "5", "6", "7"],
];

/**
 * Loads the sample data (docs/api.md): the province's units with their heads and deputies, both index sets, the
 * 2023 period with the plan's own dates and a training period placed around `now`, the council with its
 * conflict of interest, one dossier per unit per period (the training period's at every stage of the plan, the
 * demo agencies' as drafts), the survey's questionnaires (2023's answered and locked), and the demo accounts.
 * One transaction: all or nothing. The events of the commands it runs go to `effects` once it is committed, as
 * a route's would (events/domainEvents.ts).
 */
export async function loadSample(db: Db, now = new Date(), effects?: EventSink): Promise<void> {
  const events: DomainEvent[] = [];
  await db.transaction(async (tx) => {
    const types = await tx
      .insert(t.unitTypes)
      .values([...UNIT_TYPES_2023])
      .returning();
    const typeId = (code: string) => types.find((x) => x.code === code)!.id;

    const unitIdByCode = new Map<string, string>();
    let n = 0;
    for (const [list, type] of [
      [PROVINCIAL_AGENCIES, "provincial_agency"],
      [DISTRICT_COMMITTEES, "district_committee"],
    ] as const) {
      for (const [i, [code, name, shortName]] of list.entries()) {
        const unit = await buildUnit(tx, {
          code,
          name,
          shortName,
          unitTypeId: typeId(type),
          sortOrder: i + 1,
        });
        unitIdByCode.set(code, unit.id);
        const head = type === "provincial_agency" ? "Giám đốc" : "Chủ tịch UBND";
        const deputy = type === "provincial_agency" ? "Phó Giám đốc" : "Phó Chủ tịch UBND";
        await tx.insert(t.unitLeaders).values([
          { unitId: unit.id, fullName: leaderName(n++), position: "head", title: head, areaCodes: [] },
          ...DEPUTY_AREAS.map((areas) => ({
            unitId: unit.id,
            fullName: leaderName(n++),
            position: "deputy" as const,
            title: deputy,
            areaCodes: type === "district_committee" && areas.includes("7") ? [...areas, "8"] : areas,
          })),
        ]);
      }
    }

    const sets = {
      provincial_agency: await buildIndexSet(tx, {
        unitTypeId: typeId("provincial_agency"),
        ...INDEX_SETS_2023.provincial_agency,
      }),
      district_committee: await buildIndexSet(tx, {
        unitTypeId: typeId("district_committee"),
        ...INDEX_SETS_2023.district_committee,
      }),
    };

    const userIdByName = new Map<string, string>();
    for (const a of DEMO_ACCOUNTS) {
      const unitId = a.unit ? unitIdByCode.get(a.unit)! : null;
      const user = await buildUser(tx, {
        username: a.username,
        fullName: a.fullName,
        roles: a.roles,
        unitId,
        password: DEMO_PASSWORD,
      });
      userIdByName.set(a.username, user.id);
    }

    const periods = [
      await buildPeriod(tx, {
        code: "2023",
        name: "Năm 2023",
        year: 2023,
        kind: "official",
        rules: sampleRules(),
        milestones: timeline2023(),
      }),
      await buildPeriod(tx, {
        code: `tap-huan-${now.getUTCFullYear()}`,
        name: `Kỳ tập huấn (${now.getUTCFullYear()})`,
        year: now.getUTCFullYear(),
        kind: "training",
        rules: sampleRules(),
        milestones: trainingTimeline(now),
      }),
    ];
    for (const period of periods) {
      for (const [typeCode, set] of Object.entries(sets))
        await tx
          .insert(t.periodIndexSets)
          .values({ periodId: period.id, unitTypeId: typeId(typeCode), indexSetId: set.id });
      // One multi-row insert: the sample loads at every test start.
      await tx
        .insert(t.dossiers)
        .values([...unitIdByCode.values()].map((unitId) => ({ periodId: period.id, unitId })));
      for (const seat of SAMPLE_COUNCIL)
        await buildCouncilMember(tx, {
          periodId: period.id,
          userId: userIdByName.get(seat.username)!,
          role: seat.role,
          areaCodes: seat.areaCodes,
        });
      await buildConflict(tx, {
        periodId: period.id,
        userId: userIdByName.get("member.home")!,
        unitId: unitIdByCode.get("snv")!,
        reason: "Giám đốc Sở Nội vụ - đơn vị được thẩm định",
      });
    }
    // Both periods' questionnaires and respondents; 2023's answered and locked before its results are agreed,
    // so that the frozen and published ranking counts the survey points, as the live ranking does.
    await loadSampleSurvey(tx);
    events.push(
      ...(await loadSampleSurveyAnswers(tx, {
        periodId: periods[0].id,
        admin: { id: userIdByName.get("admin")!, username: "admin" },
      })),
    );
    // 2023 is history: complete, agreed in an ended meeting and published (docs/api.md).
    await loadSampleHistory(tx, {
      periodId: periods[0].id,
      chairId: userIdByName.get("chair")!,
      councilId: userIdByName.get("wg")!,
      adminId: userIdByName.get("admin")!,
      chairName: DEMO_ACCOUNTS.find((a) => a.username === "chair")!.fullName,
    });
    // The training period at every stage of the plan, the demo agencies' drafts aside (sampleTraining.ts).
    const person = (username: string) => ({
      id: userIdByName.get(username)!,
      username,
      roles: DEMO_ACCOUNTS.find((a) => a.username === username)!.roles,
    });
    events.push(
      ...(await loadSampleTraining(tx, {
        periodId: periods[1].id,
        now,
        council: {
          chair: person("chair"),
          finance: person("member.finance"),
          home: person("member.home"),
          wg: person("wg"),
        },
      })),
    );
    await appendAudit(tx, {
      actor: null,
      action: "seed.sample_loaded",
      entity: "database",
      newValue: { periods: periods.map((p) => p.code) },
    });
  });
  await effects?.dispatch(events);
}

/** The demo accounts as rows for the start-up table. */
export function demoAccountTable() {
  return DEMO_ACCOUNTS.map((a) => ({
    username: a.username,
    password: DEMO_PASSWORD,
    role: a.roles.join(","),
    who: a.description,
  }));
}
