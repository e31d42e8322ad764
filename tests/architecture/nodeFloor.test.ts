/**
 * The oldest Node the project supports (package.json `engines.node`, 20.19) is the one the README's `npm ci` and
 * `npm start` run on: every installed package — runtime, build and test tools alike — must accept it. A package
 * that declares a newer engine is replaced (package.json `overrides`) or must be proven on the floor by tests
 * that run it; none is left unexamined. The suite itself runs on the floor and on Node 24 (.ci/run).
 */
import fs from "node:fs";
import path from "node:path";
import semver from "semver";

const ROOT = path.resolve(__dirname, "../..");
const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  engines: { node: string };
};

/** Every package.json under a node_modules folder, nested ones included. */
function* installed(dir: string): Generator<{ where: string; name: string; version: string; node?: string }> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || !(entry.isDirectory() || entry.isSymbolicLink())) continue;
    const full = path.join(dir, entry.name);
    if (entry.name.startsWith("@")) {
      yield* installed(full);
      continue;
    }
    const manifest = path.join(full, "package.json");
    if (entry.isSymbolicLink() || !fs.existsSync(manifest)) continue; // workspaces: checked as the root
    const pkg = JSON.parse(fs.readFileSync(manifest, "utf8")) as {
      name: string;
      version: string;
      engines?: { node?: unknown };
    };
    const node = typeof pkg.engines?.node === "string" ? pkg.engines.node : undefined;
    yield { where: path.relative(ROOT, full), name: pkg.name, version: pkg.version, node };
    yield* installed(path.join(full, "node_modules"));
  }
}

describe("the Node floor", () => {
  it("is 20.19, and the machine running this suite is at or above it", () => {
    expect(rootPackage.engines.node).toBe(">=20.19");
    expect(semver.satisfies(process.versions.node, rootPackage.engines.node)).toBe(true);
  });

  it("is accepted by every installed package", () => {
    const floor = semver.minVersion(rootPackage.engines.node)!.version;
    const folders = ["", "shared", "seeds", "server", "client"].map((w) =>
      path.join(ROOT, w, "node_modules"),
    );
    const refused = folders
      .flatMap((f) => [...installed(f)])
      .filter((p) => p.node && semver.validRange(p.node) && !semver.satisfies(floor, p.node))
      .map((p) => `${p.where}@${p.version} engines.node ${p.node}`);
    expect(refused).toEqual([]);
  });
});
