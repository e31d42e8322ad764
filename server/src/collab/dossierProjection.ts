import * as Y from "yjs";
import {
  COLLAB_DOC,
  isAdjustment,
  keepsReplaced,
  proposalKey,
  type TAdjustment,
  type TLeafReview,
} from "@ca/shared";
import { judgeAdjustment, type ProjectionContext } from "./judgeAdjustment";
import { AdjustmentLog, type AdjustmentEntry } from "./adjustmentLog";

/** Who sent a change: a connection (with its user), or the server itself (load, verdicts, locks). */
export type ChangeOrigin = { user: { id: string } } | symbol | null | undefined;

const authorOf = (origin: unknown): string | null =>
  origin && typeof origin === "object" && "user" in origin
    ? (origin as { user: { id: string } }).user.id
    : null;

/**
 * The server's reading of one dossier's meeting document (docs/architecture.md "Server-side projection"): every change to
 * the proposals is judged as it arrives; the valid ones on unlocked leaves are the dossier's provisional scores,
 * the invalid ones are marked in the document's `review` map with the reason, and ignored. `review` is the
 * server's: a client's write to it is reverted at once.
 */
export class DossierProjection {
  /** Valid proposals on unlocked leaves, by leaf code (hundredths): what the live ranking counts. */
  readonly proposals = new Map<string, number>();
  /** The level or figures of each valid proposal, by leaf code: what a lock records beside the points. */
  readonly answers = new Map<
    string,
    { level: string | null; figures: NonNullable<TAdjustment["figures"]> | null }
  >();
  private readonly doc: Y.Doc;
  private readonly adjustments: AdjustmentLog;
  private readonly review: Y.Map<TLeafReview>;
  /** What `review` must contain: the server's verdicts and locks. */
  private readonly truth = new Map<string, TLeafReview>();
  private detached = false;

  constructor(
    doc: Y.Doc,
    readonly ctx: ProjectionContext,
    private readonly serverOrigin: symbol,
    private readonly onChange: () => void,
  ) {
    this.doc = doc;
    // The adjustments are read through the server's own index of the YKeyValue array, which reads only what each
    // update added or deleted (adjustmentLog.ts), not the whole array as YKeyValue's observer does.
    this.adjustments = new AdjustmentLog(doc.getArray(COLLAB_DOC.adjustments));
    this.review = doc.getMap<TLeafReview>(COLLAB_DOC.review);
    for (const [code, score] of ctx.locked)
      this.truth.set(code, { state: "locked", score, at: new Date().toISOString() });
    // Stored proposals are judged against their recorded authors (no connection sent them now).
    for (const [code, entry] of this.adjustments.current) this.judge(code, entry.val, null);
    this.reconcileReview();
    this.adjustments.yarray.observe(this.onAdjustments);
    this.review.observe(this.onReview);
  }

  private onAdjustments = (_e: Y.YArrayEvent<AdjustmentEntry>, tr: Y.Transaction) => {
    if (this.detached) return;
    const author = authorOf(tr.origin);
    let changed = false;
    const previous = new Map<string, AdjustmentEntry | undefined>();
    const codes = this.adjustments.changedBy(tr, previous);
    for (const code of codes) changed = this.judge(code, this.adjustments.get(code), author) || changed;
    this.reconcileReview(codes);
    if (changed) this.onChange();
    // A proposal that displaced a later one its author had not seen (made offline, or at the same moment): the
    // later one is pushed again, so it is the right-most pair for every client and the server alike.
    if (tr.origin === this.serverOrigin) return;
    const restore = [...codes]
      .map((code) => ({ code, replaced: previous.get(code)?.val }))
      .filter(({ code, replaced }) => keepsReplaced(replaced, this.adjustments.get(code)));
    if (restore.length)
      this.doc.transact(() => {
        for (const { code, replaced } of restore)
          this.adjustments.yarray.push([{ key: code, val: replaced! }]);
      }, this.serverOrigin);
  };

  /** Clients never write `review`: whatever they changed is put back. */
  private onReview = (e: Y.YMapEvent<TLeafReview>, tr: Y.Transaction) => {
    if (this.detached || tr.origin === this.serverOrigin) return;
    this.reconcileReview(e.keysChanged);
  };

  /** Judges one leaf's current proposal; returns true when the provisional score of the leaf changed. */
  private judge(code: string, value: TAdjustment | undefined, author: string | null): boolean {
    const before = this.proposals.get(code);
    this.answers.delete(code);
    if (this.ctx.locked.has(code)) {
      this.proposals.delete(code);
      return before !== undefined;
    }
    this.truth.delete(code);
    if (value === undefined) {
      this.proposals.delete(code);
    } else if (!isAdjustment(value)) {
      this.proposals.delete(code);
      this.truth.set(code, { state: "invalid", problem: "malformed", vars: {}, at: now() });
    } else {
      const key = proposalKey(value);
      const prior = this.review.get(code);
      // Read back with no sender to compare, a proposal once refused for its sender stays refused.
      if (author === null && prior?.state === "invalid" && prior.proposal === key) {
        this.proposals.delete(code);
        this.truth.set(code, prior);
        return before !== undefined;
      }
      const verdict = judgeAdjustment(this.ctx, code, value, author);
      if (verdict.valid) {
        this.proposals.set(code, value.score);
        this.answers.set(code, { level: value.level ?? null, figures: value.figures ?? null });
      } else {
        this.proposals.delete(code);
        this.truth.set(code, {
          state: "invalid",
          problem: verdict.problem,
          vars: verdict.vars,
          at: now(),
          proposal: key,
        });
      }
    }
    return before !== this.proposals.get(code);
  }

  /**
   * Who may propose changed (a recusal declared mid-meeting, an account disabled): every current proposal is
   * judged again, so that one made before its author was recused stops counting at once.
   */
  setProposers(proposers: ReadonlySet<string>): void {
    if (this.detached) return;
    this.ctx.proposers.clear();
    proposers.forEach((id) => this.ctx.proposers.add(id));
    let changed = false;
    for (const [code, entry] of this.adjustments.current)
      changed = this.judge(code, entry.val, null) || changed;
    this.reconcileReview();
    if (changed) this.onChange();
  }

  /**
   * Makes `review` say exactly what the server decided, in one server transaction (only when it differs): for the
   * leaves named (what one update touched), else for every leaf.
   */
  private reconcileReview(codes?: Iterable<string>): void {
    const review = this.review;
    const keys = codes ? [...codes] : [...new Set([...review.keys(), ...this.truth.keys()])];
    const stale = keys.filter((k) => review.has(k) && !this.truth.has(k));
    const wrong = keys
      .filter((k) => this.truth.has(k))
      .map((k) => [k, this.truth.get(k)!] as const)
      .filter(([k, v]) => JSON.stringify(review.get(k)) !== JSON.stringify(v));
    if (!stale.length && !wrong.length) return;
    this.doc.transact(() => {
      stale.forEach((k) => review.delete(k));
      wrong.forEach(([k, v]) => review.set(k, v));
    }, this.serverOrigin);
  }

  /** Leaves just locked with their agreed scores: read-only from now on, shown as locked to everyone. */
  lock(agreed: Map<string, number>): void {
    const at = now();
    for (const [code, score] of agreed) {
      this.ctx.locked.set(code, score);
      this.proposals.delete(code);
      this.truth.set(code, { state: "locked", score, at });
    }
    this.reconcileReview(agreed.keys());
    this.onChange();
  }

  /** The current proposal of each leaf with its verdict, for the projection endpoint. */
  read(): Map<string, { adjustment: TAdjustment | null; review: TLeafReview | null }> {
    const out = new Map<string, { adjustment: TAdjustment | null; review: TLeafReview | null }>();
    for (const code of this.ctx.leaves.keys()) {
      const adj = this.adjustments.get(code);
      out.set(code, {
        adjustment: adj && isAdjustment(adj) ? adj : null,
        review: this.truth.get(code) ?? null,
      });
    }
    return out;
  }

  detach(): void {
    this.detached = true;
    this.adjustments.yarray.unobserve(this.onAdjustments);
    this.review.unobserve(this.onReview);
  }
}

const now = () => new Date().toISOString();
