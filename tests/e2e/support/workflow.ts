import type { APIRequestContext } from "playwright-core";
import { request as playwrightRequest } from "playwright-core";
import type { TDossierDetail } from "@ca/shared";
import { DEMO_PASSWORD } from "../../../seeds/src/data/accounts";
import { answerFor } from "../../support/kindAnswers";

/** A tiny valid PDF: evidence and signed reports. */
export const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
    "trailer<</Root 1 0 R>>\n%%EOF\n",
);

/** A demo account signed in through the API (the Origin a state change needs is sent along). */
export async function personViaApi(
  baseUrl: string,
  username: string,
  opened?: { close: () => Promise<void> }[],
): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL: baseUrl, extraHTTPHeaders: { Origin: baseUrl } });
  opened?.push({ close: () => api.dispose() });
  const res = await api.post("/api/auth/login", { data: { username, password: DEMO_PASSWORD } });
  if (res.status() !== 200) throw new Error(`login ${username} → ${res.status()} ${await res.text()}`);
  return api;
}

/** The JSON of a response that must have succeeded. */
export async function ok<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  if (!res.ok()) throw new Error(`${res.url()} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** An ISO instant without milliseconds, as the milestone routes take it. */
export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * Self-assessment through the API: every self leaf at its maximum (or what `pointsOf` says), with evidence, then the
 * signed report.
 */
export async function fillAndSubmit(
  head: APIRequestContext,
  dossierId: string,
  pointsOf: (leaf: TDossierDetail["leaves"][number]) => number = (leaf) => leaf.maxPoints,
): Promise<TDossierDetail> {
  const detail = (await ok<{ data: TDossierDetail }>(await head.get(`/api/dossiers/${dossierId}`))).data;
  for (const leaf of detail.leaves.filter((l) => l.method === "self" && l.applicable)) {
    await ok(
      await head.put(`/api/dossiers/${dossierId}/items/${leaf.code}/self`, {
        data: { ...answerFor(leaf, pointsOf(leaf)), note: `Căn cứ ${leaf.code}` },
      }),
    );
    if (leaf.evidenceRequired)
      await ok(
        await head.post(`/api/dossiers/${dossierId}/items/${leaf.code}/evidence`, {
          multipart: {
            file: { name: `minh-chung-${leaf.code}.pdf`, mimeType: "application/pdf", buffer: PDF },
          },
        }),
      );
  }
  const report = { name: "bao-cao-da-ky.pdf", mimeType: "application/pdf", buffer: PDF };
  await ok(await head.post(`/api/dossiers/${dossierId}/submit`, { multipart: { signedReport: report } }));
  return detail;
}

/**
 * Self-assessment (every self leaf at its maximum, with evidence), submission, round 1 (the chair scores the
 * council's criteria), explanation, round 2. The period's explanation window must be open.
 */
export async function bringToRound2(
  head: APIRequestContext,
  chair: APIRequestContext,
  dossierId: string,
  /** The chair's own scores on a self-scored leaf: round 1, then round 2 after the explanation. */
  rescore?: { code: string; round1: number; round2: number },
): Promise<TDossierDetail> {
  const detail = await fillAndSubmit(head, dossierId);
  const report = { name: "bao-cao-da-ky.pdf", mimeType: "application/pdf", buffer: PDF };
  // The council's own criteria (and bonus/penalty items) are scored by the chair in round 1: nothing is left
  // without a score to agree on.
  for (const leaf of detail.leaves.filter((l) => l.method === "council" && l.applicable))
    await ok(
      await chair.put(`/api/dossiers/${dossierId}/items/${leaf.code}/review`, {
        data: { round: 1, ...answerFor(leaf, /^[BP]\./.test(leaf.code) ? 0 : leaf.maxPoints), comment: "" },
      }),
    );
  if (rescore)
    await ok(
      await chair.put(`/api/dossiers/${dossierId}/items/${rescore.code}/review`, {
        data: { round: 1, score: rescore.round1, comment: "Thiếu minh chứng giải ngân quý IV" },
      }),
    );
  await ok(await chair.post(`/api/dossiers/${dossierId}/transition`, { data: { to: "round1_done" } }));
  await ok(
    await head.post(`/api/dossiers/${dossierId}/explanation`, { multipart: { signedReport: report } }),
  );
  if (rescore)
    await ok(
      await chair.put(`/api/dossiers/${dossierId}/items/${rescore.code}/review`, {
        data: { round: 2, score: rescore.round2, comment: "Đã bổ sung một phần sau giải trình" },
      }),
    );
  await ok(await chair.post(`/api/dossiers/${dossierId}/transition`, { data: { to: "round2_done" } }));
  return detail;
}
