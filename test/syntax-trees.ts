/**
 * The repository's TypeScript files as syntax trees (the `typescript` compiler API, no type
 * checking), for tests that read the code itself: boundaries, literals, problem codes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** The repository root; every path below is relative to it, with `/` separators. */
export const ROOT = join(__dirname, '..');

/** One parsed file: its path from the root and its syntax tree. */
export interface ParsedFile {
  readonly path: string;
  readonly source: ts.SourceFile;
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const path = `${dir}/${entry.name}`;
      return entry.isDirectory() ? filesUnder(path) : entry.name.endsWith('.ts') ? [path] : [];
    });
}

const parsed = new Map<string, ParsedFile[]>();

/** Every `.ts` file under `dir` (e.g. `lib`), parsed once per test file, sorted by path. */
export function parseTree(dir: string): readonly ParsedFile[] {
  let files = parsed.get(dir);
  if (!files) {
    files = filesUnder(dir).map((path) => ({ path, source: ts.createSourceFile(path, readFileSync(join(ROOT, path), 'utf8'), ts.ScriptTarget.ES2022, true) }));
    parsed.set(dir, files);
  }
  return files;
}

/** `lib/core/x.ts:12`: where a node starts, as editors open it. */
export function locate(file: ParsedFile, node: ts.Node): string {
  return `${file.path}:${file.source.getLineAndCharacterOfPosition(node.getStart(file.source)).line + 1}`;
}

/** Calls `visit` on every node of a tree, depth first. */
export function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}
