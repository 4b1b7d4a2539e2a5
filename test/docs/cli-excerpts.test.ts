/**
 * Every `$ npx apple-ports …` excerpt in the README and docs/ is what the built command prints: the
 * lines of the excerpt appear in its output in the same order (a line `…` stands for lines left
 * out), so an excerpt cannot drift from the command.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertBuilt, runCli } from '../cli/cli-process';

const ROOT = join(__dirname, '..', '..');
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
const PROMPT = '$ npx apple-ports ';
const ELISION = '…';

interface Excerpt {
  readonly where: string;
  readonly args: string[];
  /** The printed lines, runs of which `…` separates. */
  readonly runs: string[][];
}

function excerpts(page: string): Excerpt[] {
  const lines = readFileSync(join(ROOT, page), 'utf8').split('\n');
  const found: Excerpt[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('```') || !lines[i + 1]?.startsWith(PROMPT)) {
      continue;
    }
    const start = i + 1;
    const body: string[] = [];
    for (i = start + 1; i < lines.length && !lines[i]!.startsWith('```'); i++) {
      body.push(lines[i]!.trimEnd());
    }
    const runs: string[][] = [[]];
    for (const line of body) {
      if (line === ELISION) {
        runs.push([]);
      } else {
        runs[runs.length - 1]!.push(line);
      }
    }
    found.push({ where: `${page}:${start + 1}`, args: lines[start]!.slice(PROMPT.length).trim().split(/\s+/), runs: runs.filter((run) => run.length > 0) });
  }
  return found;
}

const ALL = PAGES.flatMap(excerpts);

test('the pages hold command excerpts to check', () => {
  expect(ALL.map((e) => e.args[0])).toEqual(expect.arrayContaining(['lookup', 'diff', 'hosts', 'resolve']));
});

describe.each(ALL.map((e) => [`${e.where}: apple-ports ${e.args.join(' ')}`, e] as const))('%s', (_name, excerpt) => {
  beforeAll(assertBuilt);

  test('prints the excerpt’s lines, in order', () => {
    const result = runCli(...excerpt.args);
    const printed = `${result.stdout}${result.stderr}`.split('\n').map((line) => line.trimEnd());
    let from = 0;
    for (const run of excerpt.runs) {
      const at = printed.findIndex((_line, index) => index >= from && run.every((line, offset) => printed[index + offset] === line));
      expect({ run, found: at >= 0 }).toEqual({ run, found: true });
      from = at + run.length;
    }
  });
});
