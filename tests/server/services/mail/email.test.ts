import { startTestApp, type TestApp } from "../../../support/testApp";
import { trainingDossier } from "../../../support/workflow";
import { loopbackSmtp } from "../../../support/smtp";

const smtp = loopbackSmtp();
const received = smtp.received;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({
    env: { SMTP_URL: await smtp.start(), PUBLIC_URL: "http://thamdinh.example.vn" },
  });
});
afterAll(async () => {
  await app.close();
  await smtp.stop();
});

it("e-mails a reminder to the unit's accounts that have an address, besides the in-app notification", async () => {
  const { admin, period, dossierId } = await trainingDossier(app, "snv");
  const users = (await admin.get("/api/users")).body.data as { id: string; username: string }[];
  const editor = users.find((u) => u.username === "editor.snv")!;
  expect(
    (await admin.patch(`/api/users/${editor.id}`).send({ email: "chuyenvien.snv@phuyen.gov.vn" })).status,
  ).toBe(200);
  const res = await admin
    .post(`/api/periods/${period.id}/reminders`)
    .send({ dossierIds: [dossierId], message: "Đề nghị hoàn thành tự đánh giá trước hạn" });
  expect(res.status).toBe(201);
  for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect(received).toHaveLength(1);
  expect(received[0].to).toEqual(["chuyenvien.snv@phuyen.gov.vn"]);
  const text = received[0].data.replace(/=\r?\n/g, "");
  expect(text).toContain(`http://thamdinh.example.vn/dossiers/${dossierId}`);
  // head.snv has no address: in-app only.
  const head = await app.login("head.snv");
  expect((await head.get("/api/notifications")).body.data[0]).toMatchObject({
    kind: "reminder",
    payload: { message: "Đề nghị hoàn thành tự đánh giá trước hạn" },
  });
});
