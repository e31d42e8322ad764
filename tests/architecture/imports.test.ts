import fs from "node:fs";
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

  it("keeps the server off the seeds: the 2023 plan's data is the server's template, the seeds import it", () => {
    expect(importsBetween(/^(server|shared)\//, /^seeds\//)).toEqual([]);
  });

  it("lets the seeds reach the server through one module, server/src/seedApi.ts", () => {
    expect(importsBetween(/^seeds\//, /^server\/src\/(?!seedApi\.ts$)/)).toEqual([]);
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

/**
 * The server's layers, lowest first (docs/architecture.md, "Layers of the server"): a module imports from its own
 * layer or a lower one, never a higher one. The first pattern a file matches names its layer.
 */
const LAYERS: [string, RegExp][] = [
  [
    // What every part speaks: configuration, the database, the audit chain, the error vocabulary and the origin
    // rule (REST, Socket.IO and Yjs refuse alike), the context, the domain events' types, files and mail adapters.
    "foundation",
    /^server\/src\/(config\/|paths\.ts|logger\.ts|types\/|db\/|audit\/|context\.ts|events\/domainEvents\.ts|http\/(errors|originCheck)\.ts|services\/(files\/fileStore|mail\/mailer)\.ts)/,
  ],
  ["queries", /^server\/src\/queries\//],
  [
    // Commands, the rules and computations they and the presenters share, the ranking, the ports through which
    // commands reach what the live side serves (a meeting's documents), and the meeting document's model and
    // storage (judging a proposal, snapshots) that commands write with.
    "domain",
    /^server\/src\/((commands|rules|services|ranking|presenters|periodTemplates|auth|ports)\/|collab\/(access|adjustmentLog|judgeAdjustment|dossierProjection|persistence|snapshots|protocol|origins)\.ts$)/,
  ],
  // The live side: the Yjs endpoint and its cluster, Socket.IO, the dispatcher of domain events.
  ["live", /^server\/src\/(collab|realtime|events)\//],
  ["http", /^server\/src\/(http|routes)\//],
  // The start (firstStart: the sample snapshot) and the one entry point of the seeds (seedApi) sit with main.
  ["app", /^server\/src\/((app|server|main|firstStart|seedApi)\.ts$|cli\/)/],
];
const layerOf = (file: string) => LAYERS.findIndex(([, re]) => re.test(file));

describe("the server's layers", () => {
  const serverFiles = [...graph.keys()].filter((f) => f.startsWith("server/src/"));

  it("place every server module in a layer", () => {
    expect(serverFiles.filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it("never import from a higher layer", () => {
    const upward = serverFiles.flatMap((file) =>
      graph
        .get(file)!
        .filter((d) => d.startsWith("server/src/") && layerOf(d) > layerOf(file))
        .map((d) => `${file} (${LAYERS[layerOf(file)][0]}) → ${d} (${LAYERS[layerOf(d)][0]})`),
    );
    expect(upward).toEqual([]);
  });

  it("keep the ranking's inputs explicit: it reads the database and is handed the proposals, nothing live", () => {
    expect(
      importsBetween(/^server\/src\/ranking\//, /^server\/src\/(collab|realtime|events|routes)\//),
    ).toEqual([]);
  });
});

describe("routes emit nothing (validate → authorize → command → present)", () => {
  const routes = [...graph.keys()].filter((f) => f.startsWith("server/src/routes/"));

  it("import neither Socket.IO, the live events, the dispatcher, nor the mail", () => {
    expect(
      importsBetween(
        /^server\/src\/routes\//,
        /^server\/src\/(realtime\/|events\/dispatcher\.ts|services\/mail\/)/,
      ),
    ).toEqual([]);
  });

  it("know nothing of the Yjs endpoint: a meeting's documents are held and read by its commands, through a port", () => {
    expect(importsBetween(/^server\/src\/routes\//, /^server\/src\/collab\//)).toEqual([]);
    const byHand = /\bholdEdits\(|\bliveStates\(|\.flush\(|\bprojections\./;
    expect(routes.filter((f) => byHand.test(fs.readFileSync(path.join(ROOT, f), "utf8")))).toEqual([]);
  });

  it("push, dispatch or mail nothing by hand: a command's events reach the dispatcher through `execute`", () => {
    const byHand = /\.emit\(|\.dispatch\(|\bctx\.events\b|\bmailer\.send\(|serverSideEmit/;
    expect(routes.filter((f) => byHand.test(fs.readFileSync(path.join(ROOT, f), "utf8")))).toEqual([]);
  });
});
