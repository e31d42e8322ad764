import { useCallback, useEffect, useState } from "react";

/** Answers by "unitId/questionId", and the step the respondent was on. */
export interface AnswerDraft {
  answers: Record<string, string>;
  step: number;
}

// The draft is kept on this device only, under a key derived from the token, so that a respondent who closes the
// page (or loses the connection) resumes where they stopped; nothing reaches the server before the final submit.
const keyOf = (token: string) => `ca.survey.${token}`;

/** The respondent's draft, saved locally at every change, cleared after submission. */
export function useAnswerDraft(token: string) {
  const [draft, setDraft] = useState<AnswerDraft>(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(keyOf(token)) ?? "null") as AnswerDraft | null;
      if (saved && typeof saved.step === "number" && saved.answers && typeof saved.answers === "object")
        return saved;
    } catch {
      // A corrupt draft is simply dropped.
    }
    return { answers: {}, step: 0 };
  });
  useEffect(() => {
    try {
      localStorage.setItem(keyOf(token), JSON.stringify(draft));
    } catch {
      // Private browsing or a full storage: answering still works, only resuming does not.
    }
  }, [token, draft]);
  const answer = useCallback(
    (unitId: string, questionId: string, option: string) =>
      setDraft((d) => ({ ...d, answers: { ...d.answers, [`${unitId}/${questionId}`]: option } })),
    [],
  );
  const goTo = useCallback((step: number) => setDraft((d) => ({ ...d, step })), []);
  const clear = useCallback(() => localStorage.removeItem(keyOf(token)), [token]);
  return { draft, answer, goTo, clear };
}
