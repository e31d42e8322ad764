/**
 * Browser end-to-end: the screens that list a period's dossiers follow it live. The chair keeps the training period's
 * dossier list open while Sở Nội vụ's head submits through the API; without a reload the chair's row for it moves to
 * "submitted" (the council's period room hears `period:update`, the list refetches at most once a second,
 * docs/client.md), and the list is not blanked while it refetches. And Sở Tài chính's head, on its landing, sees the
 * card's self total move as its editor scores a criterion (the dossier's room hears `dossier:update`). Expects
 * client/dist.
 */
import type { TDossierDetail, TDossierSummary, TPeriod } from "@ca/shared";
import { serverAndBrowser, signedInPeople } from "./support/suite";
import { answerFor } from "../support/kindAnswers";
import { fillAndSubmit, ok, personViaApi } from "./support/workflow";

const suite = serverAndBrowser();
const { opened, signedIn } = signedInPeople(suite);

/** A unit's account through the API, the training period and the unit's dossier in it. */
async function trainingDossierAs(username: string, unitCode: string) {
  const api = await personViaApi(suite.server.baseUrl, username, opened);
  const training = (await ok<{ data: TPeriod[] }>(await api.get("/api/periods"))).data.find(
    (p) => p.kind === "training",
  )!;
  const dossier = (
    await ok<{ data: TDossierSummary[] }>(await api.get(`/api/periods/${training.id}/dossiers`))
  ).data.find((d) => d.unit.code === unitCode)!;
  return { api, training, dossier };
}

describe("lists of the period's dossiers follow it live", () => {
  it("the chair's dossier list shows Sở Nội vụ submitted, with no reload, as soon as its head submits", async () => {
    const base = suite.server.baseUrl;
    const { api: head, training, dossier: snv } = await trainingDossierAs("head.snv", "snv");
    expect(snv.status).toBe("draft");

    const chair = await signedIn("chair");
    await chair.goto(`${base}/periods/${training.id}/dossiers`);
    await chair.getByTestId("dossier-row").first().waitFor({ timeout: 20_000 });
    const row = chair.getByTestId("dossier-row").filter({ hasText: snv.unit.name });
    // A marker on the page, gone if it were reloaded; and a watch on the list while the refetches run: it must
    // never be replaced by the loading state. (Scripts as text: the tests compile without the DOM's types.)
    await chair.evaluate(`(() => {
      window.stillTheSamePage = true;
      window.blanked = 0;
      new MutationObserver(() => {
        if (!document.querySelector('[data-testid="dossier-row"]')) window.blanked++;
      }).observe(document.body, { childList: true, subtree: true });
    })()`);
    // The council reads drafts too: the row is there, as a draft, before the submission.
    expect(await row.locator("[data-status]").getAttribute("data-status")).toBe("draft");

    await fillAndSubmit(head, snv.id);
    await row.locator('[data-status="self_submitted"]').waitFor({ timeout: 10_000 });
    // 0 blanked, on the same page (undefined after a reload).
    expect(await chair.evaluate("window.stillTheSamePage === true ? window.blanked : 'reloaded'")).toBe(0);
  });

  it("an agency's landing card follows its own dossier: the head sees the total move as the editor scores", async () => {
    const base = suite.server.baseUrl;
    const { api: editor, training, dossier: stc } = await trainingDossierAs("editor.stc", "stc");
    const detail = (await ok<{ data: TDossierDetail }>(await editor.get(`/api/dossiers/${stc.id}`))).data;
    const leaf = detail.leaves.find(
      (l) => l.method === "self" && l.applicable && l.kind === "points" && l.maxPoints > 0,
    )!;

    const head = await signedIn("head.stc");
    await head.goto(`${base}/periods/${training.id}/dossiers`);
    const card = head.getByTestId("agency-dossier-card");
    await card.waitFor({ timeout: 20_000 });
    const before = await card.textContent();
    await head.evaluate("window.stillTheSamePage = true");

    await ok(
      await editor.put(`/api/dossiers/${stc.id}/items/${leaf.code}/self`, {
        data: { ...answerFor(leaf, leaf.maxPoints), note: "Theo báo cáo năm" },
      }),
    );
    // Polled from here (the page's CSP forbids the evaluated predicate waitForFunction would poll with).
    const until = Date.now() + 10_000;
    while ((await card.textContent()) === before && Date.now() < until) await head.waitForTimeout(100);
    expect(await card.textContent()).not.toBe(before);
    expect(await head.evaluate("window.stillTheSamePage === true")).toBe(true);
  });
});
