/**
 * The consumer matrix: installs the packed package into throwaway projects set up as real ones
 * are (see setups.ts), on several Node.js versions, and in each type-checks and runs a program that
 * uses `apple-ports`, `apple-ports/cdk` and `apple-ports/pulumi` (fixture/index.ts).
 *
 *   npm run test:consumers                              # every setup on Node 20, 22 and 24
 *   npm run test:consumers -- --node 24 --setup esm     # one cell
 *   CONSUMER_NODE=22,24 CONSUMER_SETUP=node10,esm npm run test:consumers
 *   npm run test:consumers -- --list                    # the setups and where they come from
 *   npm run test:consumers -- --keep                    # keep the projects for a look afterwards
 *
 * Steps: `npm run build` and `npm pack` the package into a temporary folder and check what the
 * tarball holds; install the TypeScript versions and tsx once; per Node version, get that node
 * (the running one, or the registry's node-<platform>-<arch> package) and, with that node running
 * npm, install the tarball and the frameworks once, at the newest versions the package's peer
 * ranges allow whose engines accept that node; then per setup, a project whose node_modules links
 * to that install, where tsc type-checks with the project's tsconfig and the program runs.
 * Everything comes from the npm registry through npm's usual cache. Prints one PASS/FAIL line per
 * cell and exits non-zero when any fails.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { SETUPS, TYPESCRIPTS, type Setup } from './setups';

const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(__dirname, 'fixture');
const DEFAULT_NODES = ['20', '22', '24'];
const FRAMEWORKS = ['aws-cdk-lib', 'constructs', '@pulumi/pulumi', '@pulumi/aws'] as const;
/** From `cdk init`'s template: tsx ^4.23.0 runs the app; @types/jest ^30 is in its tsconfig types. */
const TSX = '^4.23.0';
const TYPES_JEST = '^30';
const STEP_TIMEOUT_MS = 10 * 60 * 1000;

interface Options {
  nodes: string[];
  setups: Setup[];
  keep: boolean;
}

function usage(message?: string): never {
  if (message) {
    console.error(message);
  }
  console.error(
    `usage: npm run test:consumers [-- --node ${DEFAULT_NODES.join(',')}] [--setup ${SETUPS.map((s) => s.name).join(',')}] [--keep] [--list]`,
  );
  process.exit(2);
}

function parseOptions(argv: string[]): Options {
  let nodes = process.env.CONSUMER_NODE;
  let setups = process.env.CONSUMER_SETUP;
  let keep = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    if (flag === '--node') nodes = value();
    else if (flag === '--setup') setups = value();
    else if (flag === '--keep') keep = true;
    else if (flag === '--list') {
      for (const s of SETUPS) {
        console.log(`${s.name.padEnd(14)} ${s.title}\n${''.padEnd(14)} TypeScript ${TYPESCRIPTS[s.typescript]}, run by ${s.run}; from ${s.source}`);
      }
      process.exit(0);
    } else if (flag === '--help' || flag === '-h') usage();
    else usage(`unknown argument ${arg}`);
  }
  const list = (value: string | undefined) => (value ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  const nodeList = list(nodes).map((n) => n.replace(/^v/, ''));
  for (const n of nodeList) {
    if (!/^\d+$/.test(n)) usage(`--node takes major versions such as 22, not ${n}`);
  }
  const setupNames = list(setups);
  for (const name of setupNames) {
    if (!SETUPS.some((s) => s.name === name)) usage(`unknown setup ${name}`);
  }
  return {
    nodes: nodeList.length > 0 ? nodeList : DEFAULT_NODES,
    setups: setupNames.length > 0 ? SETUPS.filter((s) => setupNames.includes(s.name)) : [...SETUPS],
    keep,
  };
}

/** The environment for child processes: this one's, less what npm run adds for the package here. */
function childEnv(nodeBinDir?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    const npmOwn = lower.startsWith('npm_') && !/^npm_config_(cache|registry|userconfig|globalconfig|.*proxy|cafile|strict_ssl)$/.test(lower);
    if (!npmOwn && !['init_cwd', 'node', 'node_options', 'node_path'].includes(lower) && !lower.startsWith('tsx_')) {
      env[key] = value;
    }
  }
  if (nodeBinDir) {
    env.PATH = `${nodeBinDir}${delimiter}${env.PATH ?? ''}`;
  }
  return env;
}

interface Result {
  ok: boolean;
  output: string;
  seconds: number;
}

function exec(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Result {
  const start = Date.now();
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: STEP_TIMEOUT_MS });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? `\n${r.error.message}` : ''}`;
  return { ok: r.status === 0 && !r.error, output, seconds: (Date.now() - start) / 1000 };
}

/** The first lines of a failure that say what went wrong. */
function reason(output: string, max = 6): string {
  // tsc colours its messages when the tsconfig says `pretty`.
  const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  const important = lines.filter((l) => /error|FAILED|Error:|Cannot|not found|ERR/i.test(l));
  return (important.length > 0 ? important : lines).slice(0, max).map((l) => `      ${l}`).join('\n');
}

const fmt = (seconds: number) => (seconds >= 60 ? `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s` : `${seconds.toFixed(1)}s`);

/** npm's own CLI script, to run npm under another node. */
function npmCli(): string {
  const fromRun = process.env.npm_execpath;
  if (fromRun && /npm-cli\.js$/.test(fromRun) && existsSync(fromRun)) {
    return fromRun;
  }
  const root = exec('npm', ['root', '-g'], ROOT, childEnv()).output.trim().split('\n').pop()!;
  const cli = join(root, 'npm', 'bin', 'npm-cli.js');
  if (!existsSync(cli)) {
    throw new Error(`cannot find npm-cli.js (looked at ${cli})`);
  }
  return cli;
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function installedVersion(nodeModules: string, name: string): string {
  return readJson<{ version: string }>(join(nodeModules, name, 'package.json')).version;
}

class Failure extends Error {}

function must(result: Result, what: string): Result {
  if (!result.ok) {
    throw new Failure(`${what} failed\n${reason(result.output, 12)}`);
  }
  return result;
}

const NPM_QUIET = ['--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'];

/** Builds and packs the package, and checks the tarball ships what consumers need and nothing else. */
function pack(work: string): string {
  // Built here, so the pack itself skips its prepack build.
  must(exec('npm', ['run', 'build'], ROOT, childEnv()), 'npm run build');
  const packed = must(exec('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT, childEnv()), 'npm pack');
  const [info] = JSON.parse(packed.output.slice(packed.output.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  const files = info!.files.map((f) => f.path);
  // Every file package.json points at (main, types, bin, exports) and the subpath folders' own
  // package.json files (for resolvers that ignore exports) with the files those point at.
  const manifest = readJson<{ main?: string; types?: string; bin?: Record<string, string>; exports?: Record<string, unknown> }>(join(ROOT, 'package.json'));
  const targets = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(targets) : [];
  const needed = ['package.json', ...targets([manifest.main, manifest.types, manifest.bin, manifest.exports])];
  for (const subpath of Object.keys(manifest.exports ?? {})) {
    const stub = join(subpath, 'package.json');
    if (/^\.\/[\w-]+$/.test(subpath) && existsSync(join(ROOT, stub))) {
      const fields = readJson<{ main?: string; types?: string }>(join(ROOT, stub));
      needed.push(stub, ...targets([fields.main, fields.types]).map((f) => join(subpath, f)));
    }
  }
  const missing = [...new Set(needed.map((f) => join(f)))].filter((f) => !files.includes(f));
  const unwanted = files.filter((f) => /^(scripts|test|lib|examples|bench|cdk\.out|node_modules)\//.test(f) || /\.test\.|\.tsbuildinfo$/.test(f));
  if (missing.length > 0 || unwanted.length > 0) {
    throw new Failure(`the tarball ${missing.length ? `lacks ${missing.join(', ')}` : ''}${missing.length && unwanted.length ? '; it ' : ''}${unwanted.length ? `ships ${unwanted.join(', ')}` : ''}`);
  }
  const stubs = needed.filter((f) => /^[\w-]+\/package\.json$/.test(f));
  console.log(
    `PASS  package     ${info!.filename}: ${files.length} files, with all ${new Set(needed).size} that package.json${stubs.length ? ` and ${stubs.join(', ')}` : ''} point at, none from scripts/, test/, lib/, examples/`,
  );
  return join(work, info!.filename);
}

/** The TypeScript versions and tsx, installed once and run by each node in turn. */
function installTools(work: string): string {
  const dir = join(work, 'tools');
  mkdirSync(dir, { recursive: true });
  const dependencies: Record<string, string> = { tsx: TSX };
  for (const [alias, range] of Object.entries(TYPESCRIPTS)) {
    dependencies[alias] = `npm:typescript@${range}`;
  }
  writeJson(join(dir, 'package.json'), { name: 'consumer-tools', private: true, dependencies });
  const r = must(exec('npm', ['install', ...NPM_QUIET], dir, childEnv()), 'installing TypeScript and tsx');
  const nm = join(dir, 'node_modules');
  const versions = Object.keys(TYPESCRIPTS).map((alias) => installedVersion(nm, alias));
  console.log(`      tools       TypeScript ${versions.join(', ')}; tsx ${installedVersion(nm, 'tsx')} (${fmt(r.seconds)})`);
  return nm;
}

interface NodeInstall {
  major: string;
  node: string;
  version: string;
  nodeModules: string;
}

/** The node binary for `major`: the one running this script, or the registry's node-<platform>-<arch> package. */
function nodeBinary(work: string, major: string): string {
  if (process.versions.node.split('.')[0] === major) {
    return process.execPath;
  }
  const dir = join(work, `node-${major}`, 'runtime');
  mkdirSync(dir, { recursive: true });
  const pkg = `node-${process.platform}-${process.arch}`;
  writeJson(join(dir, 'package.json'), { name: 'consumer-node-runtime', private: true });
  must(exec('npm', ['install', ...NPM_QUIET, `${pkg}@${major}`], dir, childEnv()), `installing ${pkg}@${major}`);
  const node = join(dir, 'node_modules', pkg, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(node)) {
    throw new Failure(`${pkg}@${major} has no bin/node`);
  }
  return node;
}

/**
 * The tarball and the frameworks for one node, installed by npm running on that node: npm picks,
 * within each peer range, the newest version whose engines accept it, and --engine-strict refuses
 * anything that does not.
 */
function installFrameworks(work: string, major: string, tarball: string, npm: string): NodeInstall {
  const node = nodeBinary(work, major);
  const version = exec(node, ['--version'], work, childEnv()).output.trim().replace(/^v/, '');
  const dir = join(work, `node-${major}`, 'deps');
  mkdirSync(dir, { recursive: true });
  const peers = readJson<{ peerDependencies: Record<string, string> }>(join(ROOT, 'package.json')).peerDependencies;
  const dependencies: Record<string, string> = { 'apple-ports': `file:${tarball}` };
  for (const name of FRAMEWORKS) {
    dependencies[name] = peers[name]!;
  }
  Object.assign(dependencies, { '@types/node': `^${major}`, '@types/jest': TYPES_JEST });
  writeJson(join(dir, 'package.json'), { name: 'consumer-frameworks', private: true, dependencies });
  const r = must(exec(node, [npm, 'install', ...NPM_QUIET, '--engine-strict'], dir, childEnv(dirname(node))), `npm install on Node ${version}`);
  const nodeModules = join(dir, 'node_modules');
  const versions = [...FRAMEWORKS, '@types/node'].map((name) => `${name} ${installedVersion(nodeModules, name)}`);
  console.log(`      node ${version.padEnd(8)} ${versions.join(', ')} (${fmt(r.seconds)})`);
  return { major, node, version, nodeModules };
}

/** One throwaway project of `setup`, its program type-checked and run on `install`'s node. */
function runCell(work: string, setup: Setup, install: NodeInstall, tools: string): { ok: boolean; detail: string } {
  const dir = join(work, `node-${install.major}`, setup.name);
  mkdirSync(dir, { recursive: true });
  const frameworks: Record<string, string> = {};
  for (const name of ['apple-ports', ...FRAMEWORKS]) {
    frameworks[name] = `^${installedVersion(install.nodeModules, name)}`;
  }
  writeJson(join(dir, 'package.json'), {
    name: `consumer-${setup.name}`,
    version: '0.1.0',
    private: true,
    ...(setup.type ? { type: setup.type } : {}),
    dependencies: frameworks,
  });
  writeJson(join(dir, 'tsconfig.json'), setup.tsconfig);
  copyFileSync(join(FIXTURE, 'index.ts'), join(dir, 'index.ts'));
  symlinkSync(install.nodeModules, join(dir, 'node_modules'), 'dir');
  const env = childEnv(dirname(install.node));
  const tsc = join(tools, setup.typescript, 'bin', 'tsc');
  const tsVersion = installedVersion(tools, setup.typescript);
  const steps: string[] = [];

  const check = exec(install.node, [tsc, '-p', '.', ...(setup.run === 'tsx' ? ['--noEmit'] : [])], dir, env);
  if (!check.ok) {
    return { ok: false, detail: `type-check (tsc ${tsVersion}) failed\n${reason(check.output)}` };
  }
  steps.push(`tsc ${tsVersion} ${fmt(check.seconds)}`);

  let program: Result;
  if (setup.run === 'tsx') {
    program = exec(install.node, [join(tools, 'tsx', 'dist', 'cli.mjs'), 'index.ts'], dir, env);
  } else {
    const outDir = setup.tsconfig.compilerOptions.outDir;
    program = exec(install.node, [join(typeof outDir === 'string' ? outDir : '.', 'index.js')], dir, env);
  }
  if (!program.ok || !/^apple-ports consumer OK/m.test(program.output)) {
    return { ok: false, detail: `running the program (${setup.run}) failed\n${reason(program.output)}` };
  }
  steps.push(`${setup.run} ${fmt(program.seconds)}`);

  if (setup.namedExports) {
    copyFileSync(join(FIXTURE, 'named-exports.mjs'), join(dir, 'named-exports.mjs'));
    const named = exec(install.node, ['named-exports.mjs'], dir, env);
    if (!named.ok || !/^named exports OK/m.test(named.output)) {
      return { ok: false, detail: `ESM named exports failed\n${reason(named.output)}` };
    }
    steps.push(named.output.trim().replace(/^named exports OK: /, 'ESM named exports '));
  }
  return { ok: true, detail: steps.join(', ') };
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'apple-ports-consumers-'));
  let passed = 0;
  let failed = 0;
  const fail = (label: string, detail: string) => {
    failed++;
    console.log(`FAIL  ${label}  ${detail}`);
  };
  console.log(`consumer matrix: Node ${options.nodes.join(', ')} × ${options.setups.map((s) => s.name).join(', ')} in ${work}`);
  try {
    const tarball = pack(work);
    const tools = installTools(work);
    const npm = npmCli();
    for (const major of options.nodes) {
      let install: NodeInstall;
      try {
        install = installFrameworks(work, major, tarball, npm);
      } catch (error) {
        if (!(error instanceof Failure)) throw error;
        for (const setup of options.setups) fail(`node ${major.padEnd(8)} ${setup.name.padEnd(14)}`, error.message);
        continue;
      }
      for (const setup of options.setups) {
        const started = Date.now();
        const label = `node ${install.version.padEnd(8)} ${setup.name.padEnd(14)}`;
        const cell = runCell(work, setup, install, tools);
        if (cell.ok) {
          passed++;
          console.log(`PASS  ${label}  ${cell.detail} (${fmt((Date.now() - started) / 1000)})`);
        } else {
          fail(label, cell.detail);
        }
      }
    }
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    failed++;
    console.log(`FAIL  ${error.message}`);
  } finally {
    if (options.keep) {
      console.log(`kept ${work}`);
    } else {
      rmSync(work, { recursive: true, force: true });
    }
  }
  console.log(`consumer matrix took ${fmt((Date.now() - started) / 1000)}`);
  console.log(`consumers: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main();
