/**
 * Browser end-to-end for the dialogs that send one thing to the server (client/src/components/ActionDialog.tsx,
 * docs/client.md "Guarded actions"): a refusal of the server stays in the open dialog, in Vietnamese, beside the
 * field it names, and nothing is written; a correction then goes through and closes the dialog; a consequential
 * action asks first. As the admin, at 1440×900 and on a phone. Expects client/dist.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import type { TUnit } from "@ca/shared";
import { serverAndBrowser, signedInPeople } from "./support/suite";
import { ok, personViaApi } from "./support/workflow";

const ARTIFACTS = path.join(__dirname, "artifacts");
const suite = serverAndBrowser();
const { opened, signedIn } = signedInPeople(suite);

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `e2e-dialog-${name}.png`), fullPage: false });

async function unitsNamed(base: string, name: string): Promise<TUnit[]> {
  const api = await personViaApi(base, "admin", opened);
  const units = (await ok<{ data: TUnit[] }>(await api.get("/api/units"))).data;
  return units.filter((u) => u.name === name);
}

describe("dialogs that send one thing", () => {
  beforeAll(() => fs.mkdirSync(ARTIFACTS, { recursive: true }));

  it("a unit whose code exists is refused in the dialog, named at the field; the corrected one is created", async () => {
    const base = suite.server.baseUrl;
    const admin = await signedIn("admin");
    await admin.goto(`${base}/units`);
    await admin.getByTestId("unit-create").click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByTestId("unit-code").fill("snv"); // Sở Nội vụ's code
    await dialog.getByTestId("unit-name").fill("Ban Quản lý thử nghiệm");
    await dialog.getByTestId("unit-short-name").fill("BQL thử");
    await dialog.getByTestId("unit-save").click();
    await expect(dialog.getByRole("alert").textContent()).resolves.toContain("Mã đơn vị đã tồn tại.");
    // The field the server named is marked with its rule, and the dialog is still open with what was typed.
    await expect(dialog.getByTestId("unit-code").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(
      dialog
        .locator("#" + (await dialog.getByTestId("unit-code").getAttribute("aria-describedby")))
        .textContent(),
    ).resolves.toBe("Mã đơn vị đã tồn tại.");
    await expect(dialog.getByTestId("unit-name").inputValue()).resolves.toBe("Ban Quản lý thử nghiệm");
    await shot(admin, "unit-refused-1440");
    expect(await unitsNamed(base, "Ban Quản lý thử nghiệm")).toHaveLength(0);

    await dialog.getByTestId("unit-code").fill("bql-thu");
    await dialog.getByTestId("unit-save").click();
    await dialog.waitFor({ state: "detached", timeout: 10_000 });
    await admin.getByTestId("units-table").getByText("Ban Quản lý thử nghiệm").waitFor({ timeout: 10_000 });
    expect(await unitsNamed(base, "Ban Quản lý thử nghiệm")).toHaveLength(1);
  });

  it("a password reset says the two passwords differ before sending; the account is disabled only after asking", async () => {
    const base = suite.server.baseUrl;
    const admin = await signedIn("admin", { width: 390, height: 844 });
    await admin.goto(`${base}/accounts`);
    const row = admin.getByTestId("account-row").filter({ hasText: "editor.stc" });
    await row.getByRole("button", { name: "Đặt lại mật khẩu" }).click();
    const dialog = admin.getByRole("dialog");
    const [password, confirm] = [
      dialog.locator('input[type="password"]').nth(0),
      dialog.locator('input[type="password"]').nth(1),
    ];
    await password.fill("MatKhauMoi2026");
    await confirm.fill("MatKhauKhac2026");
    await dialog.getByRole("button", { name: "Đặt lại", exact: true }).click();
    await dialog.getByText("Hai mật khẩu không khớp.").waitFor({ timeout: 5_000 });
    await shot(admin, "reset-mismatch-390");
    await dialog.getByRole("button", { name: "Hủy" }).click();
    await dialog.waitFor({ state: "detached" });

    await row.getByRole("button", { name: "Khóa tài khoản" }).click();
    const ask = admin.getByRole("dialog");
    await ask.getByTestId("confirm").waitFor();
    // Nothing happened yet: the account still signs in.
    const stillIn = await personViaApi(base, "editor.stc", opened);
    expect((await stillIn.get("/api/me")).status()).toBe(200);
    await ask.getByTestId("confirm").click();
    await ask.waitFor({ state: "detached", timeout: 10_000 });
    await expect(personViaApi(base, "editor.stc", opened)).rejects.toThrow();
  });
});
