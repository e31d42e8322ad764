import * as S from "@ca/shared";
import { list, one, type Operation } from "./operation";

const meeting = one(S.ZMeeting, { abilities: true });

/** Council meetings (the Yjs documents' REST side) and the council's agreements. */
export const MEETING_OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/periods/{periodId}/meetings",
    summary: "The chair plans a meeting: title, when, and the dossiers of its agenda in order (chair, admin)",
    body: S.ZMeetingCreate,
    status: 201,
    response: meeting,
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/meetings",
    summary: "The period's council meetings",
    response: list(S.ZMeetingSummary),
  },
  {
    method: "get",
    path: "/api/meetings/{meetingId}",
    summary:
      "A meeting with its agenda, the Yjs room and recused members of each dossier, and the caller's abilities",
    response: meeting,
  },
  {
    method: "post",
    path: "/api/meetings/{meetingId}/start",
    summary:
      "Start the meeting: the documents become editable by the council; snapshot 'start' (chair, admin)",
    response: meeting,
  },
  {
    method: "post",
    path: "/api/meetings/{meetingId}/end",
    summary: "End the meeting: snapshot 'end'; the documents become read-only (chair, admin)",
    response: meeting,
  },
  {
    method: "post",
    path: "/api/meetings/{meetingId}/lock",
    summary:
      "Lock agreed scores: the listed leaves of the dossier (all without codes); proposals become agreed scores, all locked → agreed (chair, admin)",
    body: S.ZMeetingLock,
    response: one(S.ZMeetingProjection),
  },
  {
    method: "post",
    path: "/api/meetings/{meetingId}/focus",
    summary: "Move the meeting tracker to a dossier and leaf; broadcast as meeting:focus (chair, admin)",
    body: S.ZMeetingFocusInput,
    response: meeting,
  },
  {
    method: "get",
    path: "/api/meetings/{meetingId}/dossiers/{dossierId}/projection",
    summary:
      "Per leaf the official score, the live proposal and its verdict; official and provisional totals",
    response: one(S.ZMeetingProjection),
  },
  {
    method: "post",
    path: "/api/meetings/{meetingId}/dossiers/{dossierId}/lock",
    summary: "The same lock as POST /api/meetings/{meetingId}/lock, with the dossier in the path",
    body: S.ZMeetingLockInput,
    response: one(S.ZMeetingProjection),
  },
  {
    method: "get",
    path: "/api/meetings/{meetingId}/dossiers/{dossierId}/snapshots",
    summary: "The document's snapshots at meeting milestones (start, each lock, end)",
    response: list(S.ZSnapshotSummary),
  },
  {
    method: "get",
    path: "/api/meetings/{meetingId}/dossiers/{dossierId}/snapshots/{snapshotId}",
    summary: "One snapshot, read-only: proposals, notes per leaf, minutes",
    response: one(S.ZSnapshot),
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/agreements",
    summary: "The council's agreements on each unit type's ranking, with minutes and the frozen ranking",
    response: list(S.ZAgreement),
  },
  {
    method: "post",
    path: "/api/periods/{periodId}/agreements",
    summary:
      "Record the council's agreement on a unit type's ranking once all its dossiers are agreed (chair, admin)",
    body: S.ZAgreementCreate,
    status: 201,
    response: one(S.ZAgreement),
  },
];
