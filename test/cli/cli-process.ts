/**
 * Runs the built `apple-ports` executable as users do: `node dist/lib/cli/main.js …` in a real
 * process. `npm test` builds first; in a dev loop, run `npm run build` before jest.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** The built executable. */
export const CLI = join(root, 'dist', 'lib', 'cli', 'main.js');

/** What one run of the CLI printed and returned. */
export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function newestSource(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestSource(path) : entry.name.endsWith('.ts') ? statSync(path).mtimeMs : 0;
    return Math.max(newest, time);
  }, 0);
}

/** Fails with the fix when the built CLI is missing or older than its sources. */
export function assertBuilt(): void {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} does not exist. Run \`npm run build\` first (\`npm test\` does).`);
  }
  const built = statSync(CLI).mtimeMs;
  const sources = Math.max(newestSource(join(root, 'lib')), ...['catalogue.json', 'changes.json'].map((file) => statSync(join(root, 'data', file)).mtimeMs));
  if (sources > built) {
    throw new Error(`${CLI} is older than lib/ or the catalogue. Run \`npm run build\` first (\`npm test\` does).`);
  }
}

/** Runs `apple-ports` with `args` and waits for it to exit. */
export function runCli(...args: string[]): CliResult {
  return runCliIn(root, ...args);
}

/** Runs `apple-ports` with `args` in the directory `cwd`, so relative paths in its output are stable. */
export function runCliIn(cwd: string, ...args: string[]): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  if (result.error) {
    throw result.error;
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
