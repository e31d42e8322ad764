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
    // A marker on the page: gone if the page were reloaded.
    await chair.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    const before = await row.count();
    if (before) expect(await row.locator("[data-status]").getAttribute("data-status")).toBe("draft");

    // Watch the list while the refetches run: it must never be replaced by the loading state.
    await chair.evaluate(() => {
      const w = window as unknown as { blanked: number };
      w.blanked = 0;
      new MutationObserver(() => {
        if (!document.querySelector('[data-testid="dossier-row"]')) w.blanked++;
      }).observe(document.body, { childList: true, subtree: true });
    });

    await fillAndSubmit(head, snv.id);
    await row.locator('[data-status="self_submitted"]').waitFor({ timeout: 10_000 });
    expect(
      await chair.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage),
    ).toBe(true);
    expect(await chair.evaluate(() => (window as unknown as { blanked: number }).blanked)).toBe(0);
  });
});
