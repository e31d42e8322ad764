// Writes tests/support/testDurations.json, what tests/support/testSequencer.js orders a fresh clone's runs by,
// from Jest JSON reports (`--json --outputFile=…`; .ci/run leaves them in .ci/out). A file in several reports
// keeps its longest time; files under two seconds are left out (the sequencer counts them as one second).
//
//   node scripts/test-durations.mjs .ci/out/*.json
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "tests/support/testDurations.json");
const seconds = {};
for (const report of process.argv.slice(2)) {
  for (const file of JSON.parse(fs.readFileSync(report, "utf8")).testResults ?? []) {
    const relative = path.relative(root, file.name).split(path.sep).join("/");
    if (relative.startsWith("..")) continue;
    const took = Math.round((file.endTime - file.startTime) / 1000);
    if (took >= 2) seconds[relative] = Math.max(seconds[relative] ?? 0, took);
  }
}
const sorted = Object.fromEntries(Object.entries(seconds).sort(([a], [b]) => a.localeCompare(b)));
fs.writeFileSync(out, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`${Object.keys(sorted).length} files written to ${path.relative(root, out)}`);
