/**
 * Browser end-to-end: the screens that list a period's dossiers follow it live. The chair keeps the training period's
 * dossier list open while Sở Nội vụ's head submits through the API; without a reload the chair's row for it moves to
 * "submitted" (the council's period room hears `period:update`, the list refetches at most once a second,
 * docs/client.md), and the list is not blanked while it refetches. Expects client/dist.
 */
import type { TDossierSummary, TPeriod } from "@ca/shared";
import { serverAndBrowser, signedInPeople } from "./support/suite";
import { fillAndSubmit, ok, personViaApi } from "./support/workflow";

const suite = serverAndBrowser();
const { opened, signedIn } = signedInPeople(suite);

describe("lists of the period's dossiers follow it live", () => {
  it("the chair's dossier list shows Sở Nội vụ submitted, with no reload, as soon as its head submits", async () => {
    const base = suite.server.baseUrl;
    const head = await personViaApi(base, "head.snv", opened);
    const training = (await ok<{ data: TPeriod[] }>(await head.get("/api/periods"))).data.find(
      (p) => p.kind === "training",
    )!;
    const snv = (
      await ok<{ data: TDossierSummary[] }>(await head.get(`/api/periods/${training.id}/dossiers`))
    ).data.find((d) => d.unit.code === "snv")!;
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
    const before = await row.count();
    if (before) expect(await row.locator("[data-status]").getAttribute("data-status")).toBe("draft");

    await fillAndSubmit(head, snv.id);
    await row.locator('[data-status="self_submitted"]').waitFor({ timeout: 10_000 });
    // 0 blanked, on the same page (undefined after a reload).
    expect(await chair.evaluate("window.stillTheSamePage === true ? window.blanked : 'reloaded'")).toBe(0);
  });
});
