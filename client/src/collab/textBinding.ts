import type * as Y from "yjs";

/**
 * Applies a textarea's new value to its Y.Text as the smallest change: one delete and one insert between the
 * common prefix and suffix, so concurrent typing elsewhere in the note is kept (replacing the whole text would
 * erase the other person's words).
 */
export function applyTextChange(text: Y.Text, next: string): void {
  const prev = text.toString();
  let head = 0;
  while (head < prev.length && head < next.length && prev[head] === next[head]) head++;
  let tail = 0;
  while (
    tail < prev.length - head &&
    tail < next.length - head &&
    prev[prev.length - 1 - tail] === next[next.length - 1 - tail]
  )
    tail++;
  const removed = prev.length - head - tail;
  const inserted = next.slice(head, next.length - tail);
  if (!removed && !inserted) return;
  const apply = () => {
    if (removed > 0) text.delete(head, removed);
    if (inserted) text.insert(head, inserted);
  };
  if (text.doc) text.doc.transact(apply);
  else apply();
}

/** Where a caret at [start, end] lands after a remote change (a Y.Text delta): shifted by what changed before it. */
export function shiftSelection(
  delta: readonly { retain?: number; insert?: unknown; delete?: number }[],
  start: number,
  end: number,
): [number, number] {
  let index = 0;
  for (const op of delta) {
    if (op.retain) index += op.retain;
    else if (typeof op.insert === "string") {
      if (index <= start) start += op.insert.length;
      if (index < end) end += op.insert.length;
      index += op.insert.length;
    } else if (op.delete) {
      if (index < start) start -= Math.min(op.delete, start - index);
      if (index < end) end -= Math.min(op.delete, end - index);
    }
  }
  return [start, end];
}
