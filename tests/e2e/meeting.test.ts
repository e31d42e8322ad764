/**
 * Browser end-to-end: the live council meeting (docs/architecture.md) with four people in their own browsers — the chair,
 * a council member (member.finance, recused on Sở Tài chính, the unit she belongs to), the council's working group
 * (wg, a second member at the table) and the leadership watching the live dashboard. Two training dossiers are
 * brought to round 2 through the API first. Expects client/dist.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { TDossierDetail, TDossierSummary, TPeriod } from "@ca/shared";
import { DEMO_PASSWORD } from "../../seeds/src/data/accounts";
import { launchChromium, loginThroughUi } from "./support/browser";
import { ROOT, startServer, type RunningServer } from "./support/server";
import { bringToRound2, ok, personViaApi as personViaApiAt } from "./support/workflow";

const ARTIFACTS = path.join(__dirname, "artifacts");
const VIEWPORT = { width: 1440, height: 900 };
const LIVE_TIMEOUT = 15_000;
interface PageGlobals {
  __stayed?: boolean;
}

let server: RunningServer;
let browser: Browser;
const opened: { close: () => Promise<void> }[] = [];
const pageErrors: string[] = [];
// Every open page by person, photographed if the test fails (the artifacts say what each screen showed).
const screens: [string, Page][] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, "client", "dist", "index.html")))
    throw new Error("client/dist is missing: run `npm run build` before the e2e tests");
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer(90_000);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const o of opened.reverse()) await o.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
}, 30_000);

const shot = async (page: Page, name: string, fullPage = false) => {
  await page.waitForTimeout(400); // let transitions settle
  await page.screenshot({ path: path.join(ARTIFACTS, `e2e-meeting-${name}.png`), fullPage });
};

async function personInBrowser(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  opened.push(context);
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${username}: ${e.message}`));
  screens.push([username, page]);
  await loginThroughUi(page, server.baseUrl, username, DEMO_PASSWORD);
  await page.waitForURL(/\/periods\/[0-9a-f-]{36}\/dossiers$/, { timeout: 20_000 });
  return { context, page };
}

const personViaApi = (username: string) => personViaApiAt(server.baseUrl, username, opened);

describe("the live council meeting and the leadership dashboard", () => {
  it("plan, start, follow the chair, propose live, dashboard moves, lock", async () => {
    try {
      await scenario();
    } catch (err) {
      for (const [name, page] of screens)
        await page
          .screenshot({ path: path.join(ARTIFACTS, `e2e-meeting-failed-${name}.png`) })
          .catch(() => undefined);
      throw err;
    }
  }, 300_000);
});

async function scenario() {
  {
    const chairApi = await personViaApi("chair");
    const admin = await personViaApi("admin");
    const periods = (await ok<{ data: TPeriod[] }>(await chairApi.get("/api/periods"))).data;
    const training = periods.find((p) => p.kind === "training")!;
    const dossiers = (
      await ok<{ data: TDossierSummary[] }>(await chairApi.get(`/api/periods/${training.id}/dossiers`))
    ).data;
    const snvId = dossiers.find((d) => d.unit.code === "snv")!.id;
    const stcId = dossiers.find((d) => d.unit.code === "stc")!.id;
    const now = Date.now();
    await ok(
      await admin.put(`/api/periods/${training.id}/milestones/explanation`, {
        data: {
          startsAt: new Date(now - 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
          deadline: new Date(now + 3 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
          reason: "Mở giải trình cho phiên họp thử",
        },
      }),
    );
    // A second finance criterion of Sở Nội vụ goes through both rounds below its self-score: the grid's differences.
    const snvLeaves = (await ok<{ data: TDossierDetail }>(await chairApi.get(`/api/dossiers/${snvId}`))).data
      .leaves;
    const other = snvLeaves.filter((l) => l.areaCode === "5" && l.method === "self" && l.applicable)[1]!;
    const snvDetail = await bringToRound2(await personViaApi("head.snv"), chairApi, snvId, {
      code: other.code,
      round1: Math.round((other.maxPoints - 4 * other.step) * 100) / 100,
      round2: Math.round((other.maxPoints - 2 * other.step) * 100) / 100,
    });
    await bringToRound2(await personViaApi("head.stc"), chairApi, stcId);
    // The criterion under discussion: the first self-scored leaf of area 5 (finance), at its maximum now.
    const leaf = snvDetail.leaves.find((l) => l.areaCode === "5" && l.method === "self" && l.applicable)!;

    const chair = await personInBrowser("chair");
    const member = await personInBrowser("member.finance");
    const member2 = await personInBrowser("wg");
    const leader = await personInBrowser("leader");

    // ── The chair plans the meeting through the dialog and starts it ──
    await chair.page.goto(`${server.baseUrl}/periods/${training.id}/meetings`);
    await chair.page.getByTestId("meeting-create").click();
    await chair.page.getByTestId("meeting-title").fill("Phiên họp thống nhất kết quả (tập huấn)");
    await chair.page.getByTestId("agenda-pick-snv").click();
    await chair.page.getByTestId("agenda-pick-stc").click();
    await chair.page.getByTestId("agenda-order").getByText("2. Sở Tài chính").waitFor();
    await shot(chair.page, "01-create");
    await chair.page.getByTestId("meeting-create-submit").click();
    await chair.page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const meetingUrl = chair.page.url();
    await chair.page.locator('[data-testid="meeting-page"][data-status="planned"]').waitFor();
    await chair.page.getByTestId("meeting-start").click();
    await chair.page.getByRole("dialog").getByRole("button", { name: "Bắt đầu họp" }).click();
    await chair.page.locator('[data-testid="meeting-page"][data-status="running"]').waitFor();
    await chair.page.locator('[data-testid="tracker-mode"][data-mode="driving"]').waitFor();

    // ── The member opens the meeting and follows the chair; the leadership opens the dashboard ──
    await member.page.goto(meetingUrl);
    await member.page
      .locator('[data-testid="meeting-page"][data-status="running"]')
      .waitFor({ timeout: 20_000 });
    await member.page.locator('[data-testid="tracker-mode"][data-mode="following"]').waitFor();
    await member2.page.goto(meetingUrl);
    await member2.page
      .locator('[data-testid="meeting-page"][data-status="running"]')
      .waitFor({ timeout: 20_000 });
    await member2.page.locator('[data-testid="tracker-mode"][data-mode="following"]').waitFor();
    await leader.page.goto(`${server.baseUrl}/periods/${training.id}/dashboard`);
    const snvBar = leader.page.locator('[data-testid="race-row"][data-unit="snv"]');
    await snvBar.waitFor({ timeout: 20_000 });
    const totalBefore = Number(await snvBar.getAttribute("data-total"));
    expect(totalBefore).toBeGreaterThan(0);
    await leader.page.evaluate(() => ((globalThis as unknown as PageGlobals).__stayed = true));

    // The chair moves the meeting to Sở Nội vụ and the finance criterion; the member's screen follows.
    await chair.page.getByTestId("agenda-snv").click();
    await chair.page.locator(`[data-testid="meeting-page"][data-dossier="${snvId}"]`).waitFor();
    await chair.page.getByTestId(`mleaf-${leaf.code}`).click();
    await member.page
      .locator(`[data-testid="meeting-page"][data-dossier="${snvId}"]`)
      .waitFor({ timeout: LIVE_TIMEOUT });
    await member.page
      .locator(`[data-testid="mleaf-${leaf.code}"][data-selected="true"]`)
      .waitFor({ timeout: LIVE_TIMEOUT });
    await member.page.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
    for (const m of [member2.page]) {
      await m
        .locator(`[data-testid="meeting-page"][data-dossier="${snvId}"]`)
        .waitFor({ timeout: LIVE_TIMEOUT });
      await m
        .locator(`[data-testid="mleaf-${leaf.code}"][data-selected="true"]`)
        .waitFor({ timeout: LIVE_TIMEOUT });
      await m.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
    }
    // Presence: the chair sees three people connected.
    await chair.page.locator('[data-testid="presence-person"]').nth(2).waitFor({ timeout: LIVE_TIMEOUT });
    // The criteria grid shows every stage: self at the maximum, round 2 below it after the chair's round 2.
    await member.page
      .locator(`[data-testid="mleaf-stage-self-${leaf.code}"][data-official="true"]`)
      .waitFor();
    await member.page
      .locator(`[data-testid="mleaf-stage-round2-${other.code}"][data-official="true"]`)
      .waitFor();
    await member.page
      .getByTestId(`mleaf-delta-round2-${other.code}`)
      .getByText(`−${(2 * other.step).toFixed(2).replace(".", ",")}`)
      .waitFor();

    // ── The member proposes: first off the step (refused while typing), then one step below the maximum ──
    const step = leaf.step;
    const proposed = Math.round((leaf.maxPoints - step) * 100) / 100;
    const input = member.page.getByTestId(`mleaf-input-${leaf.code}`);
    await input.fill(String(proposed + 0.01).replace(".", ","));
    await member.page.getByText(/Điểm phải là bội số của/).waitFor();
    await expect(member.page.getByTestId(`mleaf-propose-${leaf.code}`).isDisabled()).resolves.toBe(true);
    await input.fill(String(proposed).replace(".", ","));
    // The leadership's bar is watched from inside its page: the instant its total changes is recorded there.
    const expectedTotal = String(Math.round((totalBefore - step) * 100) / 100);
    await leader.page.evaluate(`(() => {
      const check = () => {
        const row = document.querySelector('[data-testid="race-row"][data-unit="snv"]');
        if (!window.__movedAt && row?.getAttribute("data-total") === ${JSON.stringify(expectedTotal)})
          window.__movedAt = Date.now();
      };
      new MutationObserver(check).observe(document.body, {
        subtree: true, attributes: true, attributeFilter: ["data-total"], childList: true,
      });
    })()`);
    // The member's page notes the instant of the click itself (not Playwright's checks before it).
    await member.page.evaluate(
      `document.addEventListener("click", () => { window.__clickedAt ??= Date.now(); }, { capture: true })`,
    );
    await member.page.getByTestId(`mleaf-propose-${leaf.code}`).click();
    const proposedAt = Number(await member.page.evaluate("window.__clickedAt"));
    const shown = proposed.toFixed(2).replace(".", ",");
    await member.page.getByTestId(`mleaf-proposed-${leaf.code}`).getByText(shown).waitFor();
    await member.page
      .getByTestId(`mleaf-notes-${leaf.code}`)
      .fill("Đồng ý trừ một bước do thiếu xác nhận của Kho bạc.");

    // The chair sees the proposal, its author and the note live; the provisional total moves.
    await chair.page
      .getByTestId(`mleaf-proposed-${leaf.code}`)
      .getByText(shown)
      .waitFor({ timeout: LIVE_TIMEOUT });
    await chair.page
      .getByTestId(`mleaf-proposal-${leaf.code}`)
      .getByText("Lê Thị Thu Hà", { exact: false })
      .waitFor();
    await expect(chair.page.getByTestId(`mleaf-notes-${leaf.code}`)).toBeDefined();
    await chair.page
      .getByTestId(`mleaf-notes-${leaf.code}`)
      .and(chair.page.locator("textarea"))
      .filter({ hasText: "Kho bạc" })
      .waitFor({ timeout: LIVE_TIMEOUT });
    await chair.page
      .getByTestId("total-delta")
      .getByText(`−${step.toFixed(2).replace(".", ",")}`)
      .waitFor({
        timeout: LIVE_TIMEOUT,
      });
    // The second member sees the first one's proposal and its author.
    await member2.page
      .getByTestId(`mleaf-proposed-${leaf.code}`)
      .getByText(shown)
      .waitFor({ timeout: LIVE_TIMEOUT });
    await member2.page.getByTestId(`mleaf-by-${leaf.code}`).getByText("Lê Thị Thu Hà").waitFor();
    await member2.page
      .getByTestId(`mleaf-delta-live-${leaf.code}`)
      .getByText(`−${step.toFixed(2).replace(".", ",")}`)
      .waitFor();
    await shot(chair.page, "02-chair");
    await shot(member.page, "03-member");
    await member2.page.getByTestId(`mleaf-${leaf.code}`).scrollIntoViewIfNeeded();
    await shot(member2.page, "03b-member2-grid");
    // The grid at 1280 px wide.
    await member2.page.setViewportSize({ width: 1280, height: 800 });
    await shot(member2.page, "03c-grid-1280");
    await member2.page.setViewportSize(VIEWPORT);

    // The leadership dashboard moves without a reload, pushed (not polled: the dashboard has no timer). The speed
    // itself is a figure of `npm run bench` (P2), not of this test: on a loaded 2-core box the push took 1.1 s, so
    // the bound only tells a push from nothing.
    await leader.page
      .locator(`[data-testid="race-row"][data-unit="snv"][data-total="${expectedTotal}"]`)
      .waitFor({ timeout: LIVE_TIMEOUT });
    const movedAt = await leader.page.evaluate(
      () => (globalThis as unknown as { __movedAt?: number }).__movedAt ?? Date.now(),
    );
    const latency = movedAt - proposedAt;
    console.log(`Proposal → leadership dashboard bar moved in ${latency} ms`);
    expect(latency).toBeLessThan(5000);
    await leader.page
      .getByTestId("dash-updated")
      .getByText(/\d{2}:\d{2}:\d{2}/)
      .waitFor();
    // …and says that the bar counts a proposal not agreed yet, so nobody reads it as the result.
    await leader.page
      .locator('[data-testid="race-row"][data-unit="snv"][data-proposed="true"]')
      .waitFor({ timeout: LIVE_TIMEOUT });
    await leader.page
      .getByTestId("ranking-proposed")
      .getByText("tính cả đề xuất của thành viên Hội đồng chưa được chốt")
      .waitFor({ timeout: LIVE_TIMEOUT });

    // ── The second member loses the network, writes a note offline, and it arrives when she is back ──
    const note2 = "Tổ công tác bổ sung: đã đối chiếu với báo cáo của Kho bạc.";
    await member2.context.setOffline(true);
    await member2.page
      .locator('[data-testid="live-status"][data-status="offline"]')
      .waitFor({ timeout: LIVE_TIMEOUT });
    await member2.page
      .getByTestId(`mleaf-notes-${leaf.code}`)
      .and(member2.page.locator("textarea"))
      .fill(note2);
    await member2.page
      .locator('[data-testid="live-status"][data-status="offline"][data-unsynced="1"]')
      .waitFor();
    await member2.page.getByTestId("live-status").getByText("1 thay đổi chưa đồng bộ").waitFor();
    // Leaving now would lose the edit: the page asks first.
    expect(
      await member2.page.evaluate(`(() => {
        const e = new Event("beforeunload", { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      })()`),
    ).toBe(true);
    await shot(member2.page, "08-member2-offline");
    await member2.context.setOffline(false);
    await member2.page
      .locator('[data-testid="live-status"][data-status="connected"][data-unsynced="0"]')
      .waitFor({ timeout: LIVE_TIMEOUT });
    await member.page
      .getByTestId(`mleaf-notes-${leaf.code}`)
      .and(member.page.locator("textarea"))
      .filter({ hasText: "Tổ công tác bổ sung" })
      .waitFor({ timeout: LIVE_TIMEOUT });
    expect(await leader.page.evaluate(() => (globalThis as unknown as PageGlobals).__stayed)).toBe(true);
    await shot(leader.page, "04-dashboard", true);
    await leader.page.getByTestId("dash-ranking-table").click();
    await leader.page.getByTestId("dash-ranking").getByRole("table").waitFor();
    await leader.page.getByTestId("dash-ranking-chart").click();
    await leader.page.getByTestId("dash-big").click();
    await leader.page.locator('[data-testid="dashboard-page"][data-big="true"]').waitFor();
    await shot(leader.page, "05-dashboard-big");
    await leader.page.getByTestId("dash-big").click();
    // Drill-down: the unit's bar → its area profile → its dossier page, in a new tab (the dashboard stays).
    await leader.page.locator('[data-testid="race-row"][data-unit="snv"]').click();
    await leader.page.getByTestId("dash-areas").getByText("Sở Nội vụ").first().waitFor();
    const [dossierTab] = await Promise.all([
      leader.context.waitForEvent("page"),
      leader.page.getByTestId("dash-open-dossier").click(),
    ]);
    await dossierTab.waitForURL(`${server.baseUrl}/dossiers/${snvId}`);
    await dossierTab.getByTestId("dossier-page").waitFor({ timeout: 20_000 });

    // ── The member steps onto Sở Tài chính, where she is recused; then rejoins the chair in one click ──
    await member.page.getByTestId("agenda-stc").click();
    await member.page
      .getByTestId("meeting-recused")
      .getByText("Bạn không tham gia (xung đột lợi ích)")
      .waitFor();
    await member.page.locator('[data-testid="tracker-mode"][data-mode="away"]').waitFor();
    await expect(member.page.locator('[data-testid="meeting-workspace"]').count()).resolves.toBe(0);
    await shot(member.page, "06-member-recused");
    await member.page.getByTestId("tracker-rejoin").click();
    await member.page.locator(`[data-testid="meeting-page"][data-dossier="${snvId}"]`).waitFor();

    // ── The chair locks the whole dossier: the agreed score is the proposal, everyone sees it locked ──
    await chair.page.getByTestId("lock-dossier").click();
    await chair.page.getByRole("dialog").getByRole("button", { name: "Chốt" }).click();
    await chair.page
      .locator('[data-testid="agenda-snv"][data-status="agreed"]')
      .waitFor({ timeout: LIVE_TIMEOUT });
    await chair.page.getByTestId("lock-dossier").waitFor({ state: "detached", timeout: LIVE_TIMEOUT });
    await member.page
      .getByTestId(`mleaf-locked-${leaf.code}`)
      .getByText(`Đã chốt: ${proposed.toFixed(2).replace(".", ",")}`)
      .waitFor({ timeout: LIVE_TIMEOUT });
    await member.page
      .locator('[data-testid="agenda-snv"][data-status="agreed"]')
      .waitFor({ timeout: LIVE_TIMEOUT });
    // No more "you can propose": the scores are locked, the notes stay open.
    await member.page
      .getByTestId("workspace-mode")
      .getByText("Hồ sơ đã thống nhất, điểm đã chốt; bạn vẫn có thể ghi chú.")
      .waitFor({ timeout: LIVE_TIMEOUT });
    await member2.page
      .getByTestId(`mleaf-locked-${leaf.code}`)
      .getByText(`Đã chốt: ${proposed.toFixed(2).replace(".", ",")}`)
      .waitFor({ timeout: LIVE_TIMEOUT });
    await member2.page
      .locator('[data-testid="agenda-snv"][data-status="agreed"]')
      .waitFor({ timeout: LIVE_TIMEOUT });
    await shot(chair.page, "07-chair-locked");
    // The leadership sees Sở Nội vụ agreed: a solid bar, and the status in the table.
    await leader.page.goto(`${server.baseUrl}/periods/${training.id}/dashboard`);
    await leader.page
      .locator('[data-testid="race-row"][data-unit="snv"][data-provisional="false"][data-proposed="false"]')
      .waitFor({ timeout: LIVE_TIMEOUT });
    await shot(leader.page, "09-dashboard-agreed");

    expect(pageErrors).toEqual([]);
  }
}
