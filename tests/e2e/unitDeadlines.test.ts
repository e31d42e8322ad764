/**
 * Browser end-to-end for issue 14 point 5 — a unit's countdown honours its extension everywhere: the admin extends
 * Sở Tài chính's self-assessment by four days in the training period of a fresh sample; its head sees the extended
 * date on the landing's countdown, the timeline and the dossier page; the admin's overview shows it on that unit's
 * row (and the period's date on the others), and the progress monitor too. Expects client/dist.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import type { TDossierSummary, TPeriod } from "@ca/shared";
import { serverAndBrowser, signedInPeople } from "./support/suite";
import { isoSeconds, ok, personViaApi } from "./support/workflow";

const ARTIFACTS = path.join(__dirname, "artifacts");
const suite = serverAndBrowser();
const { opened, signedIn } = signedInPeople(suite);

/** dd/mm/yyyy in Vietnam time, as the screens write dates. */
const vnDate = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Ho_Chi_Minh",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(new Date(iso));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `e2e-deadlines-${name}.png`), fullPage: false });

describe("a unit's deadline is the same on every screen", () => {
  it("the extended self-assessment date on the landing, the timeline, the dossier page, the admin's overview and the progress list", async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const base = suite.server.baseUrl;
    const admin = await personViaApi(base, "admin", opened);
    const training = (await ok<{ data: TPeriod[] }>(await admin.get("/api/periods"))).data.find(
      (p) => p.kind === "training",
    )!;
    const selfStep = training.milestones.find((m) => m.key === "self_assessment")!;
    const dossiers = (
      await ok<{ data: TDossierSummary[] }>(await admin.get(`/api/periods/${training.id}/dossiers`))
    ).data;
    const stc = dossiers.find((d) => d.unit.code === "stc")!;
    const until = isoSeconds(Date.parse(selfStep.deadline) + 4 * 86_400_000);
    await ok(
      await admin.post(`/api/dossiers/${stc.id}/extensions`, {
        data: {
          milestoneKey: "self_assessment",
          until,
          reason: "Đơn vị có văn bản xin gia hạn do thiên tai",
        },
      }),
    );
    const extended = vnDate(until);
    const general = vnDate(selfStep.deadline);
    expect(extended).not.toBe(general);

    // The agency's landing: the countdown runs to the unit's deadline, and says it is an extension.
    const head = await signedIn("head.stc");
    await head.goto(`${base}/periods/${training.id}/dossiers`);
    const date = head.getByTestId("countdown-date");
    await date.waitFor({ timeout: 20_000 });
    await head.getByTestId("countdown-extended").waitFor({ timeout: 20_000 });
    await expect(date.textContent()).resolves.toContain(extended);
    await expect(head.getByTestId("countdown-extended").textContent()).resolves.toContain(general);
    await shot(head, "landing-1440");

    // The dossier page: the same date.
    await head.goto(`${base}/dossiers/${stc.id}`);
    const due = head.getByTestId("window-deadline");
    await due.waitFor({ timeout: 20_000 });
    await expect(due.textContent()).resolves.toContain(extended);

    // The agency's timeline page counts down to the same date.
    await head.goto(`${base}/periods/${training.id}/timeline`);
    await head.getByTestId("countdown-extended").waitFor({ timeout: 20_000 });
    await expect(head.getByTestId("countdown-date").textContent()).resolves.toContain(extended);

    // On a phone too.
    const phone = await signedIn("head.stc", { width: 390, height: 844 });
    await phone.goto(`${base}/periods/${training.id}/dossiers`);
    await phone.getByTestId("countdown-extended").waitFor({ timeout: 20_000 });
    await expect(phone.getByTestId("countdown-date").textContent()).resolves.toContain(extended);
    await shot(phone, "landing-390");

    // The admin's overview (the council reads dossiers once submitted): Sở Tài chính's row has the extended date,
    // Sở Nội vụ's the period's; and the progress monitor says the same.
    const office = await signedIn("admin");
    await office.goto(`${base}/periods/${training.id}/dossiers`);
    await office.getByTestId("dossier-table").waitFor({ timeout: 20_000 });
    const snv = dossiers.find((d) => d.unit.code === "snv")!;
    const rowOf = (name: string) =>
      office.getByTestId("dossier-row").filter({ hasText: name }).getByTestId("dossier-deadline");
    await expect(rowOf(stc.unit.name).textContent()).resolves.toContain(extended);
    await expect(rowOf(snv.unit.name).textContent()).resolves.toContain(general);
    await shot(office, "admin-list-1440");
    await office.goto(`${base}/periods/${training.id}/progress`);
    const progressRow = office.getByTestId("progress-row").filter({ hasText: stc.unit.name });
    await progressRow.waitFor({ timeout: 20_000 });
    await expect(progressRow.textContent()).resolves.toContain(extended);
    await shot(office, "progress-1440");

    // The progress rows come from the server's copy of the same rule.
    const progress = (
      await ok<{ data: { dossierId: string; nextDeadline: { deadline: string } | null }[] }>(
        await admin.get(`/api/periods/${training.id}/progress`),
      )
    ).data;
    expect(progress.find((r) => r.dossierId === stc.id)!.nextDeadline!.deadline).toBe(
      new Date(until).toISOString(),
    );
  });
});
