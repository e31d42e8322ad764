import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { startTestApp, type TestApp } from "../support/testApp";
import { trainingDossier } from "../support/workflow";

// A real SMTP server on loopback receives what the app sends (no mock of the mail transport).
const received: { to: string[]; data: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    let data = "";
    stream.on("data", (c: Buffer) => (data += c.toString("utf8")));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
      callback();
    });
  },
});

let app: TestApp;
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  app = await startTestApp({
    env: { SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: "http://thamdinh.example.vn" },
  });
});
afterAll(async () => {
  await app.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
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
