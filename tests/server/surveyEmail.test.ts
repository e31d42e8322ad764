/** Survey links by e-mail when SMTP_URL is set (issue 5): a real SMTP server on loopback receives them. */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { startTestApp, type TestApp } from "../support/testApp";
import { trainingSurvey } from "../support/survey";

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

it("e-mails the single-use link to a respondent with an address, only when asked", async () => {
  const admin = await app.login("admin");
  const { survey } = await trainingSurvey(admin);
  const added = await admin
    .post(`/api/surveys/${survey.id}/respondents`)
    .send({ fullName: "Lê Thị Đại Biểu", organisation: "HĐND tỉnh", email: "daibieu@phuyen.gov.vn" });
  expect(added.status).toBe(201);
  const quiet = await admin
    .post(`/api/surveys/${survey.id}/links`)
    .send({ respondentIds: [added.body.data.id], sendEmail: false });
  expect(quiet.body.data[0].emailed).toBe(false);
  const res = await admin
    .post(`/api/surveys/${survey.id}/links`)
    .send({ respondentIds: [added.body.data.id], sendEmail: true });
  expect(res.status).toBe(200);
  const [link] = res.body.data as { url: string; emailed: boolean }[];
  expect(link.emailed).toBe(true);
  expect(link.url).toMatch(/^http:\/\/thamdinh\.example\.vn\/s\/[A-Za-z0-9_-]{43}$/);
  for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect(received).toHaveLength(1);
  expect(received[0].to).toEqual(["daibieu@phuyen.gov.vn"]);
  expect(received[0].data.replace(/=\r?\n/g, "")).toContain(link.url);
  // The e-mailed link is the one that works; the earlier (quiet) one was replaced.
  expect((await app.anonymous().get(`/api/survey/${link.url.split("/").pop()}`)).status).toBe(200);
  expect((await app.anonymous().get(`/api/survey/${quiet.body.data[0].url.split("/").pop()}`)).status).toBe(
    404,
  );
});
