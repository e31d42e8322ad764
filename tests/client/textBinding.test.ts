/** The meeting notes' textarea binding: minimal changes that keep concurrent typing, and the caret's shift. */
import * as Y from "yjs";
import { applyTextChange, shiftSelection } from "../../client/src/collab/textBinding";

function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const ta = a.getText("note");
  const tb = b.getText("note");
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, ta, tb, sync };
}

describe("applyTextChange", () => {
  it("writes only the difference, in one transaction", () => {
    const { a, ta } = pair();
    applyTextChange(ta, "Đồng ý trừ điểm.");
    let transactions = 0;
    a.on("afterTransaction", () => transactions++);
    applyTextChange(ta, "Đồng ý trừ một bước điểm.");
    expect(ta.toString()).toBe("Đồng ý trừ một bước điểm.");
    expect(transactions).toBe(1);
    applyTextChange(ta, "Đồng ý trừ một bước điểm.");
    expect(transactions).toBe(1); // no change, nothing written
    applyTextChange(ta, "Đồng ý.");
    expect(ta.toString()).toBe("Đồng ý.");
  });

  it("keeps what another member typed at the same time elsewhere in the note", () => {
    const { ta, tb, sync } = pair();
    applyTextChange(ta, "Thiếu xác nhận. Đề nghị trừ.");
    sync();
    // Concurrently: A edits the start, B appends at the end.
    applyTextChange(ta, "Thiếu xác nhận của Kho bạc. Đề nghị trừ.");
    applyTextChange(tb, "Thiếu xác nhận. Đề nghị trừ 0,25.");
    sync();
    expect(ta.toString()).toBe("Thiếu xác nhận của Kho bạc. Đề nghị trừ 0,25.");
    expect(tb.toString()).toBe(ta.toString());
  });
});

describe("shiftSelection", () => {
  it("moves the caret by text inserted or deleted before it, not after it", () => {
    expect(shiftSelection([{ insert: "abc" }], 5, 5)).toEqual([8, 8]);
    expect(shiftSelection([{ retain: 10 }, { insert: "abc" }], 5, 5)).toEqual([5, 5]);
    expect(shiftSelection([{ retain: 1 }, { delete: 2 }], 5, 7)).toEqual([3, 5]);
    // A deletion that swallows the caret leaves it where the deletion began.
    expect(shiftSelection([{ retain: 2 }, { delete: 6 }], 5, 5)).toEqual([2, 2]);
    // Inside a selection: the selection grows.
    expect(shiftSelection([{ retain: 6 }, { insert: "xy" }], 5, 8)).toEqual([5, 10]);
  });
});
