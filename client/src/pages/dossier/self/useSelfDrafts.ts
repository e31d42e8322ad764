import { useCallback, useEffect, useReducer, useRef } from "react";
import {
  centiToNumber,
  formatPoints,
  parsePoints,
  type Centi,
  type TDossierDetail,
  type TLeafView,
} from "@ca/shared";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/http";
import { dossiersApi } from "../../../api/dossiers";
import { currentLang } from "../../../i18n";
import { checkScore } from "../scoreCheck";
import { answerDraft } from "../kinds/answers";

export type SaveState = "saved" | "saving" | "unsaved" | "error";

export interface LeafDraft {
  score: string;
  note: string;
  state: SaveState;
  /** Why the value cannot be saved (invalid score) or why the save failed (the server's message). */
  message: string | null;
  /** Bumped on every keystroke: an answer for an older revision must not mark newer text as saved. */
  rev: number;
  /** The dossier version the server returned for our save; a refetch at that version or later supersedes us. */
  savedVersion: number | null;
}

const AUTOSAVE_MS = 800;
/** A save that failed for want of the server is tried again after 2 s, 4 s, … at most every 30 s. */
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;

/** The network or the server failed, not the request: the same save can succeed later, untouched. */
function isTransient(err: unknown): boolean {
  return !(err instanceof ApiError) || err.code === "network" || err.status === 0 || err.status >= 500;
}

/** The saved value of a leaf as the agency typed it ("2,5" in Vietnamese). */
function savedText(leaf: TLeafView): string {
  if (leaf.kind !== "points") return answerDraft(leaf.stages.self, currentLang());
  const s = leaf.stages.self?.score;
  const centi = s === undefined ? null : parsePoints(s);
  return centi === null ? "" : formatPoints(centi, currentLang());
}

/**
 * The agency's edits of its self-assessment, saved automatically: each leaf is PUT once typing pauses (or on
 * leaving the field), one request per leaf at a time, with a visible state per leaf. Drafts live outside the
 * rows so that a collapsed area keeps them, and a live refetch never overwrites text still being typed. A save
 * that failed because the network or the server did (not a refusal) is tried again by itself, with backoff and at
 * once when the browser is back online; leaving the field tries any failed save again too.
 */
export function useSelfDrafts(detail: TDossierDetail) {
  const { t } = useTranslation();
  const drafts = useRef<Record<string, LeafDraft>>({});
  const [, render] = useReducer((n: number) => n + 1, 0);
  const timers = useRef(new Map<string, number>());
  const inflight = useRef(new Map<string, Promise<void>>());
  /** Failed attempts in a row per leaf, for the retry's backoff. */
  const failures = useRef(new Map<string, number>());
  const leaves = useRef(new Map<string, TLeafView>());
  leaves.current = new Map(detail.leaves.map((l) => [l.code, l]));
  const dossierId = detail.id;

  const update = useCallback((code: string, patch: (d: LeafDraft) => LeafDraft | null) => {
    const current = drafts.current[code];
    if (!current) return;
    const next = patch(current);
    const copy = { ...drafts.current };
    if (next) copy[code] = next;
    else delete copy[code];
    drafts.current = copy;
    render();
  }, []);

  // A refetch at (or after) the version our save produced is the truth again. A draft that matches it stays, so
  // the text keeps the person's own formatting ("1,5" does not jump to "1,50" under their cursor); one that
  // differs was overwritten by a colleague since, and gives way to the server's value.
  useEffect(() => {
    for (const [code, d] of Object.entries(drafts.current)) {
      if (d.state !== "saved" || d.savedVersion === null || detail.version < d.savedVersion) continue;
      const leaf = leaves.current.get(code);
      const same =
        leaf?.stages.self !== undefined &&
        (leaf.kind === "points"
          ? parsePoints(leaf.stages.self.score) === parsePoints(d.score)
          : savedText(leaf) === d.score) &&
        leaf.stages.self.note === d.note.trim();
      if (!same) update(code, () => null);
    }
  }, [detail.version, update]);

  // The retry goes through `schedule`, defined below with `save`: a typed edit meanwhile replaces its timer.
  const scheduleRef = useRef<(code: string, delay?: number) => void>(() => undefined);

  const save = useCallback(
    async (code: string): Promise<void> => {
      await inflight.current.get(code);
      const d = drafts.current[code];
      const leaf = leaves.current.get(code);
      if (!d || !leaf || d.state === "saved") return;
      const check = checkScore(d.score, leaf, "self", t, currentLang());
      const saved = leaf.stages.self !== undefined;
      // Score and note both emptied: the saved score is taken back (it and its note are one row). Asked even when
      // this page knows of no saved score — a save may have landed since its last refetch, and clearing nothing is
      // harmless. A note alone cannot be kept without a score.
      const clearing = check.state === "empty" && d.note.trim() === "";
      if (check.state !== "ok" && !clearing) {
        const message =
          check.state === "empty"
            ? t(saved ? "score.errors.requiredOrClear" : "score.errors.required")
            : check.message;
        return update(code, (x) => ({ ...x, state: "unsaved", message }));
      }
      const rev = d.rev;
      update(code, (x) => ({ ...x, state: "saving", message: null }));
      const request =
        check.state === "ok"
          ? dossiersApi.saveSelf(dossierId, code, {
              ...(check.body ?? { score: centiToNumber(check.centi) }),
              note: d.note.trim(),
            })
          : dossiersApi.clearSelf(dossierId, code);
      const run = request
        .then(
          (res) => {
            failures.current.delete(code);
            update(code, (x) =>
              x.rev === rev ? { ...x, state: "saved", message: null, savedVersion: res.data.version } : x,
            );
          },
          (err: unknown) => {
            const retry = isTransient(err);
            const message = err instanceof ApiError ? err.message : t("errors.unknown");
            update(code, (x) =>
              x.rev === rev
                ? { ...x, state: "error", message: retry ? `${message} ${t("save.willRetry")}` : message }
                : x,
            );
            if (!retry || drafts.current[code]?.rev !== rev) return;
            const n = (failures.current.get(code) ?? 0) + 1;
            failures.current.set(code, n);
            scheduleRef.current(code, Math.min(RETRY_FIRST_MS * 2 ** (n - 1), RETRY_MAX_MS));
          },
        )
        .finally(() => inflight.current.delete(code));
      inflight.current.set(code, run);
      await run;
    },
    [dossierId, t, update],
  );

  const schedule = useCallback(
    (code: string, delay = AUTOSAVE_MS) => {
      window.clearTimeout(timers.current.get(code));
      timers.current.set(
        code,
        window.setTimeout(() => {
          timers.current.delete(code);
          void save(code);
        }, delay),
      );
    },
    [save],
  );
  scheduleRef.current = schedule;

  useEffect(() => {
    const pending = timers.current;
    // Back online: every failed save is tried again now rather than at the end of its backoff.
    const online = () => {
      for (const [code, d] of Object.entries(drafts.current)) if (d.state === "error") schedule(code, 0);
    };
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      pending.forEach((id) => window.clearTimeout(id));
      // A save failing after the page has gone schedules nothing.
      scheduleRef.current = () => undefined;
    };
  }, [schedule]);

  /** Changes the score text or the note of a leaf and schedules its save. */
  const edit = useCallback(
    (leaf: TLeafView, patch: { score?: string; note?: string }) => {
      const base = drafts.current[leaf.code] ?? {
        score: savedText(leaf),
        note: leaf.stages.self?.note ?? "",
        state: "saved" as SaveState,
        message: null,
        rev: 0,
        savedVersion: null,
      };
      drafts.current = {
        ...drafts.current,
        [leaf.code]: {
          ...base,
          ...patch,
          state: "unsaved",
          message: null,
          rev: base.rev + 1,
          savedVersion: null,
        },
      };
      render();
      schedule(leaf.code);
    },
    [schedule],
  );

  /** Saves now (leaving the field) instead of waiting for the pause; tries a failed save again. */
  const flush = useCallback(
    (code: string) => {
      const state = drafts.current[code]?.state;
      if (state === "unsaved" || state === "error") schedule(code, 0);
    },
    [schedule],
  );

  /** What a row shows: the draft if any, else the saved values. */
  const view = (leaf: TLeafView): LeafDraft =>
    drafts.current[leaf.code] ?? {
      score: savedText(leaf),
      note: leaf.stages.self?.note ?? "",
      state: "saved",
      message: null,
      rev: 0,
      savedVersion: null,
    };

  const all = Object.values(drafts.current);
  const overall: SaveState = all.some((d) => d.state === "error")
    ? "error"
    : all.some((d) => d.state === "saving")
      ? "saving"
      : all.some((d) => d.state === "unsaved")
        ? "unsaved"
        : "saved";

  /** Valid typed scores in hundredths, for the running totals. */
  const typed: Record<string, Centi | null> = {};
  for (const [code, d] of Object.entries(drafts.current)) {
    const leaf = leaves.current.get(code);
    if (!leaf) continue;
    const check = checkScore(d.score, leaf, "self", t, currentLang());
    if (check.state === "ok") typed[code] = check.centi;
  }

  return { view, edit, flush, overall, typed, dirty: overall !== "saved" };
}
