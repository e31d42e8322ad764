import { asc, eq } from "drizzle-orm";
import { centiToNumber } from "@ca/shared";
import {
  type Db,
  type DbOrTx,
  type DomainEvent,
  t,
  answerComment,
  closeRound,
  createMeeting,
  resolveComment,
  saveReview,
  submitExplanation,
  submitSelfAssessment,
  SAMPLE_PDF,
  SampleDocumentStore,
} from "@ca/server/src/seedApi";
import { vnTime } from "./data/periods";
import type { TrainingStage } from "./data/trainingStages";
import { samplePdfRow } from "./sampleFiles";
import { onStep, random, unitQuality } from "./sampleHistory";
import { sampleRecord } from "./sampleKinds";
import { answerFor, dossiersToBring, type Leaf, type TrainingCouncil } from "./trainingDossiers";

/**
 * The training period's dossiers at every stage of the plan on the day the sample loads (docs/domain.md §2), so
 * that each role rehearses its own step at once: the demo agencies (Sở Nội vụ, Sở Tài chính, TP Tuy Hòa) start as
 * drafts, to practise the self-assessment themselves; every other unit's dossier stands at a later stage.
 *
 * Every step that moves a dossier or speaks to the other side runs through the server's own command, as a route
 * would call it: the submission with its signed report, the requests for explanation, both rounds' closing, the
 * answers, the explanation, the resolutions, round 2's reviews, the meeting. The per-leaf rows under them — self
 * scores, evidence files, the council's own round-1 leaves — are written in bulk, as the 2023 history is: through
 * their commands they were some 1,100 more calls, which made the sample load ten times slower (docs/architecture.md
 * "Start and the sample"). The submission command then checks them as it checks anyone's: every self leaf
 * scored and evidenced, or no submission.
 */
const LATER: Record<TrainingStage, number> = {
  selfAssessing: 0,
  submitted: 1,
  explanationRequested: 2,
  explained: 3,
  onAgenda: 4,
};

/**
 * Brings the training period's dossiers to their stages (data/trainingStages.ts) inside the sample's transaction
 * (each command a savepoint), with times on the days before `now`; creates the planned training meeting, chaired
 * by the chair, with the round-2 dossiers on its agenda. Returns the commands' events.
 */
export async function loadSampleTraining(
  tx: DbOrTx,
  o: { periodId: string; now: Date; council: TrainingCouncil },
): Promise<DomainEvent[]> {
  const db = tx as unknown as Db;
  const events: DomainEvent[] = [];
  const run = async <R extends { events: DomainEvent[] }>(p: Promise<R>) => {
    const r = await p;
    events.push(...r.events);
    return r;
  };
  const vnNow = new Date(o.now.getTime() + 7 * 3_600_000);
  // A wall-clock time in Vietnam `offset` days from the load day: every step lies inside the windows it needs.
  const day = (offset: number, h: number, m = 0) =>
    vnTime(vnNow.getUTCFullYear(), vnNow.getUTCMonth() + 1, vnNow.getUTCDate() + offset, h, m);
  const store = new SampleDocumentStore();
  const { chair, finance, home, wg } = o.council;
  const reviewerOf = (leaf: Leaf) => {
    const area = leaf.code.split(".")[0];
    return area === "5" ? finance : area === "3" || area === "4" ? home : chair;
  };

  const dossiers = await dossiersToBring(tx, o.periodId);
  // The units' own people: one head per unit, locked (no password), who acted for it in the sample.
  const heads = await tx
    .insert(t.users)
    .values(
      dossiers.map((d) => ({
        username: `mau.${d.code}`,
        fullName: `Thủ trưởng ${d.name} (tài khoản mẫu)`,
        roles: ["agency_head"],
        unitId: d.unitId,
        passwordHash: "!",
        disabledAt: o.now,
      })),
    )
    .returning();

  // What the council finds on each leaf, on its step; the agency scores itself a step or two higher at times.
  const plans = dossiers.map((d) => {
    const quality = unitQuality(d.code);
    return new Map(
      d.leaves.map((l) => {
        const rng = random(`training:${d.code}:${l.code}`);
        const extra = l.code.startsWith("B.") || l.code.startsWith("P.");
        const found = extra ? 0 : onStep(l.maxPoints * (quality + (rng() - 0.5) * 0.14), l.maxPoints, l.step);
        const claimed = onStep(found + l.step * Math.floor(rng() * 3), l.maxPoints, l.step);
        return [l.code, { found, claimed, draw: rng() }];
      }),
    );
  });

  // The per-leaf rows: self scores (areas 1 and 2 only for those still self-assessing), evidence on every self leaf
  // of a submitted dossier, and the council's own leaves of round 1 (its criteria, bonus and penalty).
  const scoreRows: (typeof t.scores.$inferInsert)[] = [];
  const fileRows: (typeof t.files.$inferInsert)[] = [];
  dossiers.forEach((d, k) => {
    const head = heads.find((h) => h.unitId === d.unitId)!;
    const later = LATER[d.stage];
    const row = (l: Leaf, stage: "self" | "round1", points: number, authorId: string, at: Date) => {
      const record = sampleRecord(l, points, plans[k].get(l.code)!.draw);
      return { dossierId: d.id, itemId: l.id, stage, ...record, authorId, updatedAt: at };
    };
    d.leaves
      .filter((l) => l.method === "self" && (later > 0 || /^[12]\./.test(l.code)))
      .forEach((l, i) => {
        const note = `Căn cứ báo cáo kết quả thực hiện nhiệm vụ năm (tiêu chí ${l.code}).`;
        const at = day(later > 0 ? -6 : -2, 8, i);
        scoreRows.push({ ...row(l, "self", plans[k].get(l.code)!.claimed, head.id, at), note });
        if (later > 0 && l.evidenceRequired)
          fileRows.push({
            ...samplePdfRow(d.id, "evidence", `minh-chung-${d.code}-${l.code}.pdf`, day(-6, 14), l.id),
            uploadedBy: head.id,
          });
      });
    if (later >= LATER.explanationRequested)
      for (const l of d.leaves.filter((x) => x.method === "council"))
        scoreRows.push(row(l, "round1", plans[k].get(l.code)!.found, chair.id, day(-4, 9)));
  });
  await tx.insert(t.scores).values(scoreRows);
  await tx.insert(t.files).values(fileRows);

  const agenda: { id: string; listed: number }[] = [];
  for (const [k, d] of dossiers.entries()) {
    if (d.stage === "selfAssessing") continue;
    const head = { id: heads.find((h) => h.unitId === d.unitId)!.id, username: `mau.${d.code}` };
    const plan = plans[k];
    const self = d.leaves.filter((l) => l.method === "self");
    const answer = (l: Leaf, points: number) => ({
      ...NONE,
      ...answerFor(l, points, plan.get(l.code)!.draw),
    });

    // Step 6 ends: the head submits with the signed report.
    const report = { bytes: SAMPLE_PDF, name: `bao-cao-tu-danh-gia-${d.code}-da-ky.pdf` };
    await run(submitSelfAssessment({ db, store, actor: head, dossierId: d.id, report, now: day(-5, 16) }));
    // Waiting for round 1; the working group has drafted area 1 of one of them, for a member to confirm.
    if (d.stage === "submitted") {
      if (d.code === "vp-ubnd")
        for (const l of self.filter((x) => x.code.startsWith("1.")))
          await run(
            saveReview({
              db,
              actor: wg,
              dossierId: d.id,
              code: l.code,
              review: {
                round: 1,
                ...answer(l, plan.get(l.code)!.found),
                comment: "",
                requestExplanation: false,
              },
              now: day(-1, 10),
            }),
          );
      continue;
    }

    // Step 7, round 1: two self-scored leaves found lower, each with a request to explain from the member of
    // that area (areas 3 and 5); then the chair closes the round.
    const requested = [self.find((l) => l.code.startsWith("3.")), self.find((l) => l.code.startsWith("5."))]
      .filter((l): l is Leaf => !!l)
      .map((l) => ({ leaf: l, round1: Math.max(0, plan.get(l.code)!.claimed - 2 * l.step) }));
    for (const r of requested)
      await run(
        saveReview({
          db,
          actor: reviewerOf(r.leaf),
          dossierId: d.id,
          code: r.leaf.code,
          review: {
            round: 1,
            ...answer(r.leaf, r.round1),
            comment: `Đề nghị đơn vị bổ sung tài liệu kiểm chứng cho tiêu chí ${r.leaf.code}: số liệu tự chấm chưa khớp báo cáo định kỳ.`,
            requestExplanation: true,
          },
          now: day(-4, 10),
        }),
      );
    await run(closeRound({ db, actor: chair, dossierId: d.id, round: 1 }));
    if (d.stage === "explanationRequested") continue;

    // Step 8: the agency answers each request (proposing its own score back where the leaf takes points) and
    // submits the signed explanation.
    const requests = await tx
      .select()
      .from(t.comments)
      .where(eq(t.comments.dossierId, d.id))
      .orderBy(asc(t.comments.body))
      .then((rows) => rows.filter((c) => c.kind === "request"));
    for (const c of requests) {
      const leaf = d.leaves.find((l) => l.id === c.itemId)!;
      await run(
        answerComment({
          db,
          actor: head,
          commentId: c.id,
          input: {
            answer:
              "Đơn vị đã bổ sung báo cáo trích xuất số liệu và văn bản kèm theo; đề nghị Hội đồng xem xét giữ điểm tự chấm.",
            proposedScore: leaf.scoringKind === "points" ? centiToNumber(plan.get(leaf.code)!.claimed) : null,
            proposedLevel: null,
            proposedFigures: null,
          },
          now: day(-3, 9),
        }),
      );
    }
    const explanation = { bytes: SAMPLE_PDF, name: `bao-cao-giai-trinh-${d.code}-da-ky.pdf` };
    await run(
      submitExplanation({ db, store, actor: head, dossierId: d.id, report: explanation, now: day(-3, 15) }),
    );
    if (d.stage === "explained") continue;

    // Step 9, round 2: the requests resolved, a step given back on each, round 2 closed; onto the meeting's agenda.
    for (const c of requests)
      await run(resolveComment({ db, actor: chair, commentId: c.id, now: day(-2, 9) }));
    for (const r of requested)
      await run(
        saveReview({
          db,
          actor: reviewerOf(r.leaf),
          dossierId: d.id,
          code: r.leaf.code,
          review: {
            round: 2,
            ...answer(r.leaf, r.round1 + r.leaf.step),
            comment: "",
            requestExplanation: false,
          },
          now: day(-2, 10),
        }),
      );
    await run(closeRound({ db, actor: chair, dossierId: d.id, round: 2 }));
    agenda.push({ id: d.id, listed: Number(d.listed) });
  }

  // The training meeting, planned for the next morning: the chair may open it on the load day already.
  await run(
    createMeeting({
      db,
      actor: chair,
      periodId: o.periodId,
      input: {
        title: "Phiên họp tập huấn của Hội đồng thẩm định",
        startsAt: day(1, 8).toISOString(),
        agenda: agenda.sort((a, b) => a.listed - b.listed).map((a) => a.id),
      },
    }),
  );
  return events;
}

const NONE = { score: null, level: null, figures: null };
