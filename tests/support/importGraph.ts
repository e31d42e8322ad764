import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/** The repository's own modules and what each imports (type-only imports too: they are dependencies as well). */
export type ImportGraph = Map<string, string[]>;

const SOURCE_DIRS = ["server/src", "shared/src", "client/src", "seeds/src"];
const ALIASES: Record<string, string> = {
  "@ca/shared": "shared/src/index.ts",
  "@ca/seeds": "seeds/src/index.ts",
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

// A module of a workspace package by its path (`@ca/server/src/seedApi`): the seeds reach the server this way.
const PACKAGE_PATH = /^@ca\/(server|shared|client|seeds)\/(.+)$/;

function resolveImport(root: string, from: string, spec: string): string | null {
  if (ALIASES[spec]) return ALIASES[spec];
  const inPackage = PACKAGE_PATH.exec(spec);
  if (!inPackage && !spec.startsWith(".")) return null;
  const base = inPackage
    ? path.resolve(root, inPackage[1], inPackage[2])
    : path.resolve(root, path.dirname(from), spec);
  for (const candidate of [
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ])
    if (fs.existsSync(candidate)) return path.relative(root, candidate);
  return null;
}

/** Reads every source file's imports (paths relative to the repository root). */
export function readImportGraph(root: string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const dir of SOURCE_DIRS)
    for (const file of sourceFiles(path.join(root, dir))) {
      const rel = path.relative(root, file);
      const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
      graph.set(
        rel,
        importedFiles.flatMap((i) => resolveImport(root, rel, i.fileName) ?? []),
      );
    }
  return graph;
}

/** The strongly connected groups of more than one module (Tarjan): each is an import circle. */
export function importCircles(graph: ImportGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(group.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return circles;
}
