import fs from "node:fs";
import path from "node:path";

// The client stays in pieces one can read (docs/client.md): no source file over 300 lines, no component over 250.
const CLIENT = path.resolve(__dirname, "../../client/src");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}
const files = sources(CLIENT).map((f) => ({
  name: path.relative(CLIENT, f),
  lines: fs.readFileSync(f, "utf8").split("\n"),
}));

/** Each top-level component (a function named with a capital) and its length, up to its closing brace. */
function components(lines: string[]): { name: string; length: number }[] {
  const out: { name: string; length: number }[] = [];
  lines.forEach((line, i) => {
    const m = /^(?:export )?(?:default )?(?:function ([A-Z]\w*)|const ([A-Z]\w*) = memo\(function)/.exec(
      line,
    );
    if (!m) return;
    const end = lines.findIndex((l, j) => j > i && /^\}\)?;?$/.test(l));
    out.push({ name: m[1] ?? m[2], length: (end === -1 ? lines.length : end) - i + 1 });
  });
  return out;
}

describe("the client's sizes", () => {
  it("reads the client's sources", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("has no source file over 300 lines", () => {
    expect(files.filter((f) => f.lines.length > 300).map((f) => `${f.name}: ${f.lines.length}`)).toEqual([]);
  });

  it("has no component over 250 lines", () => {
    const long = files.flatMap((f) =>
      components(f.lines)
        .filter((c) => c.length > 250)
        .map((c) => `${f.name} ${c.name}: ${c.length}`),
    );
    expect(long).toEqual([]);
  });
});
