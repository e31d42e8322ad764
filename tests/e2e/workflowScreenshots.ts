/**
 * Takes the review screenshots of the workflow pages (not a test): the states the e2e test does not pass through —
 * typing errors, the server's 409 lists, drafts awaiting confirmation, the progress monitor with late units, its
 * dialogs, the ranking, the bell, a recused member, English. Starts its own server on a fresh sample database.
 * Usage: npm run build -w client && npx tsx tests/e2e/workflowScreenshots.ts
 */
import fs from "node:fs";
import path from "node:path";
import { request, type APIRequestContext, type Browser, type Page } from "playwright-core";
import type { TDossierDetail, TDossierSummary, TPeriod } from "@ca/shared";
import { launchChromium, loginThroughUi } from "./support/browser";
import { startServer } from "./support/server";

const OUT = path.join(__dirname, "artifacts");
const PASSWORD = "Demo@2023";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  const browser = await launchChromium();
  const base = server.baseUrl;
  try {
    const api = async (username: string): Promise<APIRequestContext> => {
      const ctx = await request.newContext({ baseURL: base, extraHTTPHeaders: { Origin: base } });
      await ctx.post("/api/auth/login", { data: { username, password: PASSWORD } });
      return ctx;
    };
    const json = async <T>(r: Awaited<ReturnType<APIRequestContext["get"]>>) => {
      if (!r.ok()) throw new Error(`${r.url()} ${r.status()} ${await r.text()}`);
      return (await r.json()) as T;
    };
    const admin = await api("admin");
    const periods = (await json<{ data: TPeriod[] }>(await admin.get("/api/periods"))).data;
    const training = periods.find((p) => p.kind === "training")!;
    const dossiers = (
      await json<{ data: TDossierSummary[] }>(await admin.get(`/api/periods/${training.id}/dossiers`))
    ).data;
    const idOf = (code: string) => dossiers.find((d) => d.unit.code === code)!.id;

    const open = async (b: Browser, username: string, url: string, lang = "vi"): Promise<Page> => {
      const ctx = await b.newContext({
        viewport: { width: 1440, height: 900 },
        locale: "vi-VN",
        timezoneId: "Asia/Ho_Chi_Minh",
      });
      const page = await ctx.newPage();
      await loginThroughUi(page, base, username, PASSWORD);
      await page.waitForURL(/\/dossiers$/);
      if (lang !== "vi")
        await page.evaluate(
          (l) =>
            (
              globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
            ).localStorage.setItem("ca.lang", l),
          lang,
        );
      await page.goto(base + url);
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(800);
      return page;
    };
    const shot = async (page: Page, name: string) => {
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(OUT, `wf-${name}.png`) });
      console.log("saved", name);
    };

    // Self-assessment (Sở Tài chính): typing errors, running totals, the server's 409 lists in the dialog.
    const stc = idOf("stc");
    let page = await open(browser, "head.stc", `/dossiers/${stc}`);
    await page.getByTestId("level-1.1.1-yes").click();
    await page.getByTestId("numerator-1.1.2").pressSequentially("19");
    await page.getByTestId("denominator-1.1.2").pressSequentially("0");
    await page.getByTestId("score-1.2").pressSequentially("2,3");
    await page.waitForTimeout(1500);
    await shot(page, "self-typing-errors");
    await page.getByTestId("filter-missingEvidence").click();
    await shot(page, "self-filter-missing-evidence");
    await page.getByTestId("filter-missingEvidence").click();
    await page.getByTestId("denominator-1.1.2").fill("20");
    await page.getByTestId("score-1.2").fill("1,5");
    await page.waitForTimeout(1500);
    // What is missing is said as the dialog opens, before any file is chosen.
    await page.getByTestId("submit-self").click();
    await page.getByTestId("report-missing").waitFor();
    await shot(page, "self-submit-missing");
    await page.getByTestId("missing-code").nth(2).click();
    await page.waitForTimeout(1200);
    await shot(page, "self-jump-to-leaf");
    await page.context().close();

    // English self-assessment.
    page = await open(browser, "head.stc", `/dossiers/${stc}`, "en");
    await shot(page, "self-en");
    await page.context().close();

    // Tuy Hòa submits through the API; the working group drafts, the chair meets the 409 on closing round 1.
    const th = idOf("tp-tuyhoa");
    const headTh = await api("head.tuyhoa");
    const detail = (await json<{ data: TDossierDetail }>(await headTh.get(`/api/dossiers/${th}`))).data;
    for (const leaf of detail.leaves.filter((l) => l.method === "self" && l.applicable)) {
      await json(
        await headTh.put(`/api/dossiers/${th}/items/${leaf.code}/self`, {
          data: { score: leaf.maxPoints, note: "" },
        }),
      );
      if (leaf.evidenceRequired)
        await json(
          await headTh.post(`/api/dossiers/${th}/items/${leaf.code}/evidence`, {
            multipart: { file: { name: `mc-${leaf.code}.pdf`, mimeType: "application/pdf", buffer: PDF } },
          }),
        );
    }
    await json(
      await headTh.post(`/api/dossiers/${th}/submit`, {
        multipart: { signedReport: { name: "bc.pdf", mimeType: "application/pdf", buffer: PDF } },
      }),
    );
    const wg = await api("wg");
    const firstLeaf = detail.leaves.find((l) => l.method === "self" && l.areaCode === "1")!;
    await json(
      await wg.put(`/api/dossiers/${th}/items/${firstLeaf.code}/review`, {
        data: {
          round: 1,
          score: 0,
          comment: "Chưa thấy văn bản ban hành kế hoạch.",
          requestExplanation: false,
        },
      }),
    );
    page = await open(browser, "chair", `/dossiers/${th}`);
    await shot(page, "review-chair-draft");
    await page.getByTestId("close-round").click();
    await page.getByTestId("confirm").click();
    await page.waitForTimeout(1200);
    await shot(page, "review-close-round-409");
    await page.context().close();

    // Leadership reads; a recused member gets the explanation instead of the dossier.
    page = await open(browser, "leader", `/dossiers/${th}`);
    await shot(page, "read-only-leader");
    await page.context().close();
    page = await open(browser, "member.home", `/dossiers/${idOf("snv")}`);
    await shot(page, "recused-403");
    await page.context().close();

    // The progress monitor: on time, then with the self-assessment deadline passed (late units), and its dialogs.
    page = await open(browser, "admin", `/periods/${training.id}/progress`);
    await shot(page, "progress");
    const sa = training.milestones.find((m) => m.key === "self_assessment")!;
    await json(
      await admin.put(`/api/periods/${training.id}/milestones/self_assessment`, {
        data: {
          startsAt: sa.startsAt,
          deadline: iso(Date.now() - 26 * 3_600_000),
          reason: "Ảnh minh họa: quá hạn",
        },
      }),
    );
    await page.reload();
    await page.waitForLoadState("networkidle");
    await page.getByTestId("late-only").click();
    const row = (unit: string) => page.getByTestId("progress-row").filter({ hasText: unit });
    await row("Sở Tài chính").locator("input[type=checkbox]").check();
    await row("Văn phòng UBND tỉnh").locator("input[type=checkbox]").check();
    await shot(page, "progress-late");
    await page.getByTestId("remind").click();
    await shot(page, "progress-reminder-dialog");
    await page.getByTestId("reminder-send").click();
    await page.waitForTimeout(800);
    await row("Sở Tài chính").getByTestId("extend").click();
    await page.getByTestId("extension-until-date").fill("05/12/2026");
    await page.getByTestId("extension-until-time").fill("17:00");
    await page.getByTestId("extension-submit").click();
    await shot(page, "progress-extension-reason-missing");
    await page.getByTestId("extension-reason").fill("Đơn vị có văn bản xin gia hạn do thay đổi nhân sự");
    await shot(page, "progress-extension-dialog");
    await page.getByTestId("extension-submit").click();
    await page.getByTestId("snackbar").waitFor();
    await shot(page, "progress-extended");
    await page.context().close();

    // The ranking, and the bell of a unit that got a reminder.
    page = await open(browser, "leader", `/periods/${training.id}/ranking`);
    await shot(page, "ranking");
    await page.context().close();
    page = await open(browser, "head.stc", `/periods/${training.id}/dossiers`);
    await page.getByTestId("notification-bell").click();
    await shot(page, "notifications");
    await page.getByTestId("notification").first().click();
    await page.getByTestId("dossier-page").waitFor();
    await shot(page, "notification-opened-extended");
    await page.context().close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
