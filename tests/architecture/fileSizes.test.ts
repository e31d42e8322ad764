import fs from "node:fs";
import path from "node:path";

// The code stays in pieces one can read (docs/architecture.md): no source file outside tests/ over 300 lines, no
// client component over 250.
const ROOT = path.resolve(__dirname, "../..");
const CLIENT = path.join(ROOT, "client/src");
const SOURCE_DIRS = ["server/src", "shared/src", "client/src", "seeds/src", "scripts"].map((d) =>
  path.join(ROOT, d),
);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.(tsx?|mjs|cjs)$/.test(e.name) ? [full] : [];
  });
}
const read = (f: string) => ({ name: path.relative(ROOT, f), lines: fs.readFileSync(f, "utf8").split("\n") });
const files = SOURCE_DIRS.flatMap(sources).map(read);
const clientFiles = sources(CLIENT).map(read);

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

describe("the sources' sizes", () => {
  it("reads the sources of every package", () => {
    expect(clientFiles.length).toBeGreaterThan(100);
    expect(files.length).toBeGreaterThan(clientFiles.length + 300);
  });

  it("has no source file over 300 lines", () => {
    expect(files.filter((f) => f.lines.length > 300).map((f) => `${f.name}: ${f.lines.length}`)).toEqual([]);
  });

  it("has no component over 250 lines", () => {
    const long = clientFiles.flatMap((f) =>
      components(f.lines)
        .filter((c) => c.length > 250)
        .map((c) => `${f.name} ${c.name}: ${c.length}`),
    );
    expect(long).toEqual([]);
  });
});
