import path from "node:path";
import { importCircles, readImportGraph } from "../support/importGraph";

// The structure drawn from the imports (docs/architecture.md): no circles anywhere, and no package or layer
// reaching up to one that is built on it.
const ROOT = path.resolve(__dirname, "../..");
const graph = readImportGraph(ROOT);

/** Every import from a module matching `from` to one matching `to`, as "a → b". */
function importsBetween(from: RegExp, to: RegExp): string[] {
  return [...graph].flatMap(([file, deps]) =>
    from.test(file) ? deps.filter((d) => to.test(d)).map((d) => `${file} → ${d}`) : [],
  );
}

describe("the import structure", () => {
  it("reads every package's sources", () => {
    for (const pkg of ["server", "shared", "client", "seeds"])
      expect([...graph.keys()].filter((f) => f.startsWith(`${pkg}/src/`)).length).toBeGreaterThan(3);
  });

  it("has no import circle in server/, shared/, client/ or seeds/", () => {
    expect(importCircles(graph)).toEqual([]);
  });

  it("keeps shared/ pure: it imports nothing of the server, the client or the seeds", () => {
    expect(importsBetween(/^shared\//, /^(server|client|seeds)\//)).toEqual([]);
  });

  it("keeps the client off the server and the seeds", () => {
    expect(importsBetween(/^client\//, /^(server|seeds)\//)).toEqual([]);
  });

  it("keeps the routes at the top: only the app mounts them, and nothing imports the app or its start", () => {
    expect(
      importsBetween(/^server\/src\/(?!app\.ts)/, /^server\/src\/routes\//).filter(
        (e) => !/^server\/src\/routes\//.test(e),
      ),
    ).toEqual([]);
    expect(
      importsBetween(/./, /^server\/src\/(app|server|main)\.ts$/).filter(
        (e) => !/^server\/src\/(server|main)\.ts →/.test(e),
      ),
    ).toEqual([]);
  });

  it("keeps commands, queries and presenters below the routes and the HTTP presenters", () => {
    expect(
      importsBetween(/^server\/src\/(commands|queries)\//, /^server\/src\/(routes|presenters)\//),
    ).toEqual([]);
  });
});
