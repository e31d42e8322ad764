import * as S from "@ca/shared";
import { one, type Operation } from "./operation";

/** Classification beyond bands (docs/periods-and-classification.md): quotas, tie-breaks, caps, ties at cuts. */
export const CLASSIFICATION_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/periods/{periodId}/classification",
    summary:
      "Bands, quotas, tie-break order, the council's band caps and the quota cuts a tie straddles (council side)",
    response: one(S.ZClassificationState),
  },
  {
    method: "put",
    path: "/api/periods/{periodId}/classification",
    summary: "Set the period's band quotas and tie-break order (admin, audited with the reason)",
    body: S.ZClassificationConfigInput,
    response: one(S.ZClassificationState),
  },
  {
    method: "post",
    path: "/api/periods/{periodId}/classification/caps",
    summary:
      "Record the council's cap on a unit's band, with reason and document number (chair, audited; replaces an earlier one)",
    body: S.ZBandCapInput,
    status: 201,
    response: one(S.ZBandCap),
  },
  {
    method: "delete",
    path: "/api/periods/{periodId}/classification/caps/{capId}",
    summary: "Withdraw a band cap, with the reason (chair, audited)",
    body: S.ZBandCapWithdraw,
    status: 204,
  },
  {
    method: "post",
    path: "/api/periods/{periodId}/classification/ties",
    summary:
      "Decide which units of a tie straddling a quota's cut keep the band: exactly the seats left (chair, audited)",
    body: S.ZTieDecisionInput,
    status: 201,
    response: one(S.ZClassificationState),
  },
];
