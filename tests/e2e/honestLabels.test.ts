/**
 * Browser end-to-end for issue 14 point 2 — rankings and totals say only what is true: during self-assessment an
 * agency's own score is never called appraised; a submitted dossier whose round 1 has not opened is not said to
 * be under appraisal; the classification chart says how many units still wait; tied units say they share the
 * rank; the council's round-1 figure says "not scored" until a round-1 score is confirmed. In the training period
 * of a fresh sample. Expects client/dist.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import type { TDossierSummary, TPeriod } from "@ca/shared";
import { serverAndBrowser, signedInPeople } from "./support/suite";
import { fillAndSubmit, isoSeconds, ok, personViaApi } from "./support/workflow";

const ARTIFACTS = path.join(__dirname, "artifacts");
const suite = serverAndBrowser();
const { opened, signedIn } = signedInPeople(suite);

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `e2e-labels-${name}.png`), fullPage: false });

describe("labels that follow the stage that exists", () => {
  it("no appraised score before the council's, no round 1 before its window, waiting units and ties said", async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const base = suite.server.baseUrl;
    const headApi = await personViaApi(base, "head.snv", opened);
    const periods = (await ok<{ data: TPeriod[] }>(await headApi.get("/api/periods"))).data;
    const training = periods.find((p) => p.kind === "training")!;
    const all = (
      await ok<{ data: TDossierSummary[] }>(await headApi.get(`/api/periods/${training.id}/dossiers`))
    ).data;
    const snv = all.find((d) => d.unit.code === "snv")!;
    // One criterion scored by the head: the agency's own 2,75 must not read as an appraised score.
    const first = "1.2"; // scored by points (1.1.1 is a yes/no leaf since the sample took its kinds)
    await ok(
      await headApi.put(`/api/dossiers/${snv.id}/items/${first}/self`, { data: { score: 0.75, note: "" } }),
    );

    const head = await signedIn("head.snv");
    await head.goto(`${base}/periods/${training.id}/dossiers`);
    const card = head.getByTestId("agency-official");
    await card.waitFor({ timeout: 20_000 });
    await expect(card.textContent()).resolves.toContain("Chưa thẩm định");
    await head.goto(`${base}/dossiers/${snv.id}`);
    await head.locator('[data-testid="dossier-page"][data-mode="self"]').waitFor({ timeout: 20_000 });
    await expect(head.getByTestId("official-total-value").textContent()).resolves.toBe("Chưa thẩm định");
    await shot(head, "self-assessment");

    // Submitted, round 1 not open yet: no "đang thẩm định". (The sample opens every training step at once, to
    // rehearse the plan; the admin moves round 1 ahead as an official timeline has it.)
    const adminApi = await personViaApi(base, "admin", opened);
    const round1 = training.milestones.find((m) => m.key === "round1")!;
    await ok(
      await adminApi.put(`/api/periods/${training.id}/milestones/round1`, {
        data: {
          startsAt: isoSeconds(Date.now() + 2 * 86_400_000),
          deadline: round1.deadline,
          reason: "Vòng 1 mở sau khi hết hạn tự đánh giá",
        },
      }),
    );
    await fillAndSubmit(headApi, snv.id);
    await head.reload();
    const note = head.getByTestId("read-only-note");
    await note.waitFor({ timeout: 20_000 });
    await expect(note.textContent()).resolves.toMatch(/bắt đầu thẩm định lần 1 từ \d{2}\/\d{2}\/\d{4}/);
    await expect(note.textContent()).resolves.not.toContain("đang thẩm định");
    await expect(head.getByTestId("official-total-value").textContent()).resolves.toBe("Chưa thẩm định");
    await shot(head, "submitted");

    // A second agency submits the same scores: both are ranked on their self totals and share a rank.
    const stcApi = await personViaApi(base, "head.stc", opened);
    const theirs = (
      await ok<{ data: TDossierSummary[] }>(await stcApi.get(`/api/periods/${training.id}/dossiers`))
    ).data;
    await fillAndSubmit(stcApi, theirs.find((d) => d.unit.code === "stc")!.id);
    const chair = await signedIn("chair");
    // The council's round-1 figure with nothing of round 1 confirmed is not the agency's total renamed.
    await chair.goto(`${base}/dossiers/${snv.id}`);
    const official = chair.getByTestId("official-total-value");
    await official.waitFor({ timeout: 20_000 });
    await expect(official.textContent()).resolves.toBe("Chưa chấm");
    await expect(chair.getByTestId("official-total").textContent()).resolves.toContain(
      "Điểm thẩm định lần 1 (đang chấm)",
    );
    await shot(chair, "round1-not-scored");
    // Closing round 1 now is the chair's call, but the dialog says what it means for the criteria left unscored.
    await chair.getByTestId("close-round").click();
    const warning = chair.getByTestId("confirm-warning");
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toMatch(/Còn \d+ tiêu chí Hội đồng chưa chấm lần 1/);
    await chair.waitForTimeout(400); // the dialog's fade-in, for the screenshot
    await shot(chair, "close-round-unscored");
    await chair.getByRole("dialog").getByRole("button", { name: "Hủy" }).click();
    await chair.getByRole("dialog").waitFor({ state: "hidden" });
    await chair.goto(`${base}/periods/${training.id}/ranking`);
    // (The sample's other training units have scores of their own and may tie among themselves too.)
    const tiedRow = (name: string) =>
      chair
        .getByTestId("ranking-row")
        .filter({ hasText: name })
        .filter({ has: chair.getByTestId("rank-tie") });
    await tiedRow("Sở Nội vụ").waitFor({ timeout: 20_000 });
    await tiedRow("Sở Tài chính").waitFor({ timeout: 20_000 });
    const rankOf = async (name: string) =>
      (await tiedRow(name).getByTestId("rank-tie").getAttribute("title"))!;
    await expect(rankOf("Sở Nội vụ")).resolves.toContain("theo tên");
    await expect(rankOf("Sở Nội vụ")).resolves.toBe(await rankOf("Sở Tài chính"));
    // The units nothing is scored of are unranked, never tied at a rank with 0,00.
    await expect(chair.getByTestId("rank-unranked").count()).resolves.toBeGreaterThan(0);
    await shot(chair, "ranking-self-assessment");

    // The leadership's classification chart says how many units are still waiting.
    const leader = await signedIn("leader");
    await leader.goto(`${base}/periods/${training.id}/dashboard`);
    const subtitle = leader.getByTestId("dash-classes-subtitle");
    await subtitle.waitFor({ timeout: 20_000 });
    await expect(subtitle.textContent()).resolves.toMatch(/\d+ đơn vị chưa có kết quả thẩm định/);
  }, 240_000);
});
