/**
 * Summarises a .cpuprofile (tests/bench/cpuProfile.cjs): self time by function and by package or source folder,
 * busy time only (idle and GC listed apart), to say where an operation's time goes (docs/performance.md).
 *   npx tsx tests/bench/profileSummary.ts /tmp/prof/123-1.cpuprofile [top]
 */
import fs from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, topArg] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const special = new Map<string, number>();
const fns = new Map<string, number>();
const places = new Map<string, number>();
const placeOf = (url: string) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const src = /\/(server|shared)\/src\/([^/]+)/.exec(url);
  if (src) return `${src[1]}/${src[2]}`;
  if (url.startsWith("node:")) return "node internals";
  return url ? url.replace(/^.*\//, "") : "(native)";
};
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  if (["(idle)", "(program)", "(garbage collector)"].includes(functionName)) {
    special.set(functionName, (special.get(functionName) ?? 0) + us);
    continue;
  }
  const key = `${functionName || "(anonymous)"} ${placeOf(url)}:${lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + us);
  places.set(placeOf(url), (places.get(placeOf(url)) ?? 0) + us);
}
const busy = total - (special.get("(idle)") ?? 0);
const pct = (us: number) => `${((us / busy) * 100).toFixed(1).padStart(5)}%`;
console.log(
  `${(total / 1e6).toFixed(1)} s sampled, busy ${(busy / 1e6).toFixed(2)} s; ` +
    [...special].map(([k, v]) => `${k} ${(v / 1e6).toFixed(2)} s`).join(", "),
);
const top = Number(topArg ?? 25);
console.log("\nby package or source folder (self time, % of busy):");
for (const [k, v] of [...places].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(v)}  ${k}`);
console.log("\nby function:");
for (const [k, v] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(v)}  ${k}`);
