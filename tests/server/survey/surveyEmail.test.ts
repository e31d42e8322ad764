/** Survey links by e-mail when SMTP_URL is set (issue 5): a real SMTP server on loopback receives them. */
import { startTestApp, type TestApp } from "../../support/testApp";
import { trainingSurvey } from "../../support/survey";
import { loopbackSmtp } from "../../support/smtp";

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
