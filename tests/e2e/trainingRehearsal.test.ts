/**
 * Browser end-to-end for issue 14 point 6 — the training period rehearses the whole plan, meeting included, on
 * the day the sample loads, without anyone moving a window: an agency finds its dossier awaiting its explanation;
 * the chair starts the sample's planned training meeting, whose agenda holds dossiers that closed round 2, and a
 * council member opens one and proposes a change. Training results never reach the public page. Expects
 * client/dist.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import type { TDossierDetail, TDossierSummary, TMeetingAgendaItem, TPeriod } from "@ca/shared";
import { answerFor } from "../support/kindAnswers";
import { serverAndBrowser, signedInPeople } from "./support/suite";
import { fillAndSubmit, ok, personViaApi } from "./support/workflow";

const ARTIFACTS = path.join(__dirname, "artifacts");
const suite = serverAndBrowser();
const { opened, signedIn } = signedInPeople(suite);

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `e2e-training-${name}.png`), fullPage: false });

describe("the training period rehearses the whole plan on the day it loads", () => {
  it("an explanation to give, and the planned training meeting where a member proposes a change", async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const base = suite.server.baseUrl;
    const chairApi = await personViaApi(base, "chair", opened);
    const training = (await ok<{ data: TPeriod[] }>(await chairApi.get("/api/periods"))).data.find(
      (p) => p.kind === "training",
    )!;
    const adminApi = await personViaApi(base, "admin", opened);
    const all = (
      await ok<{ data: TDossierSummary[] }>(await adminApi.get(`/api/periods/${training.id}/dossiers`))
    ).data;
    const idOf = (code: string) => all.find((d) => d.unit.code === code)!.id;

    // Tuy Hòa submits; round 1 asks it to explain a criterion and closes: no window moved by anyone.
    const tuyhoa = idOf("tp-tuyhoa");
    const detail: TDossierDetail = await fillAndSubmit(
      await personViaApi(base, "head.tuyhoa", opened),
      tuyhoa,
    );
    const leaf = detail.leaves.find((l) => l.method === "self" && l.applicable && l.kind === "points")!;
    await ok(
      await chairApi.put(`/api/dossiers/${tuyhoa}/items/${leaf.code}/review`, {
        data: { round: 1, ...answerFor(leaf, leaf.maxPoints), comment: "Đề nghị bổ sung số liệu quý IV" },
      }),
    );
    await ok(await chairApi.post(`/api/dossiers/${tuyhoa}/transition`, { data: { to: "round1_done" } }));
    const head = await signedIn("head.tuyhoa");
    await head.goto(`${base}/periods/${training.id}/dossiers`);
    await head.getByTestId("agency-dossier-card").waitFor({ timeout: 20_000 });
    await head.getByTestId("open-dossier").click();
    await head.waitForURL(/\/dossiers\//);
    const countdown = head.getByTestId("window-countdown");
    await countdown.waitFor({ timeout: 20_000 });
    // The explanation window is open for the agency now: it can answer today.
    await expect(countdown.locator("[data-state]").getAttribute("data-state")).resolves.toBe("open");
    await expect(countdown.textContent()).resolves.toContain("Giải trình");
    await shot(head, "agency-explanation-1440");

    // The sample's planned training meeting holds dossiers that closed round 2: the chair starts it.
    const planned = (
      await ok<{ data: { id: string; status: string }[] }>(
        await chairApi.get(`/api/periods/${training.id}/meetings`),
      )
    ).data.find((m) => m.status === "planned")!;
    await ok(await chairApi.post(`/api/meetings/${planned.id}/start`));
    const meeting = (
      await ok<{ data: { id: string; agenda: TMeetingAgendaItem[] } }>(
        await chairApi.get(`/api/meetings/${planned.id}`),
      )
    ).data;
    expect(meeting.agenda.length).toBeGreaterThan(1);
    const onAgenda = meeting.agenda[0];
    const dossierDetail = (
      await ok<{ data: TDossierDetail }>(await chairApi.get(`/api/dossiers/${onAgenda.dossierId}`))
    ).data;
    const discussed = dossierDetail.leaves.find(
      (l) => l.method === "self" && l.applicable && l.kind === "points",
    )!;
    await ok(
      await chairApi.post(`/api/meetings/${meeting.id}/focus`, {
        data: { dossierId: onAgenda.dossierId, leafCode: discussed.code },
      }),
    );

    // A council member opens it: the training dossier is on the agenda, and the member proposes a change.
    const member = await signedIn("member.finance");
    await member.goto(`${base}/meetings/${meeting.id}`);
    await member.locator('[data-testid="meeting-page"][data-status="running"]').waitFor({ timeout: 20_000 });
    await member.getByTestId(`agenda-${onAgenda.unit.code}`).waitFor();
    await member
      .locator(`[data-testid="meeting-page"][data-dossier="${onAgenda.dossierId}"]`)
      .waitFor({ timeout: 20_000 });
    // A value other than the one the dossier holds, so the proposal shows as a change.
    const target =
      discussed.official === discussed.maxPoints ? discussed.maxPoints - discussed.step : discussed.maxPoints;
    const proposed = Math.round(target * 100) / 100;
    await member.getByTestId(`mleaf-input-${discussed.code}`).fill(String(proposed).replace(".", ","));
    await member.getByTestId(`mleaf-propose-${discussed.code}`).click();
    await member
      .getByTestId(`mleaf-proposed-${discussed.code}`)
      .getByText(proposed.toFixed(2).replace(".", ","))
      .waitFor({ timeout: 20_000 });
    await shot(member, "meeting-1440");

    // A training period is never on the public page.
    const listed = (await (await fetch(`${base}/api/public/periods`)).json()) as { data: { id: string }[] };
    expect(listed.data.map((p) => p.id)).not.toContain(training.id);
  });
});
