// Longest test files first, so that no worker is left running a long file alone at the end of a run while the
// other waits (docs/testing.md, "Order of the test files"). Jest does this itself from the durations of this
// checkout's earlier runs; a fresh clone (CI) has none, and Jest's fallback — the largest file first — once left
// surveyMalformed.test.ts (a small file, 38 s) to start last on one worker. The committed durations
// (testDurations.json, seconds on the 2-core CI box) stand in until Jest has its own.
const Sequencer = require("@jest/test-sequencer").default;
const path = require("node:path");
const recorded = require("./testDurations.json");

const ROOT = path.resolve(__dirname, "../..");
/** A file missing from testDurations.json: a new one, assumed short. */
const UNKNOWN_SECONDS = 1;

class LongestFirst extends Sequencer {
  time(test) {
    const own = super.time(test);
    if (own != null) return own;
    const relative = path.relative(ROOT, test.path).split(path.sep).join("/");
    return (recorded[relative] ?? UNKNOWN_SECONDS) * 1000;
  }
}

module.exports = LongestFirst;
