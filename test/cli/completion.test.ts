/**
 * `apple-ports completion bash|zsh`, sourced into a real shell: the completions a user gets for
 * commands, options, `--format` and `--lang` choices, products, profiles, host groups and directories.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostGroups, products, profiles } from '../../lib/core';
import { assertBuilt, runCli } from './cli-process';

beforeAll(assertBuilt);

const dir = mkdtempSync(join(tmpdir(), 'apple-ports-completion-'));

function script(shell: 'bash' | 'zsh'): string {
  const { status, stdout, stderr } = runCli('completion', shell);
  expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
  const file = join(dir, `apple-ports.${shell}`);
  writeFileSync(file, stdout);
  return file;
}

function hasShell(shell: string): boolean {
  return spawnSync(shell, ['-c', 'exit 0']).status === 0;
}

/** What bash completes for the words typed, the last one being completed. */
function bashComplete(file: string, ...typed: string[]): string[] {
  const words = ['apple-ports', ...typed].map((w) => `'${w}'`).join(' ');
  const run = spawnSync('bash', ['--norc', '--noprofile', '-c', `source '${file}'; COMP_WORDS=(${words}); COMP_CWORD=${typed.length}; _apple_ports; printf '%s\\n' "\${COMPREPLY[@]}"`], {
    cwd: dir,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  return run.stdout.split('\n').filter((line) => line.length > 0);
}

/** What zsh completes for the words typed: `compadd` and `_files` stand in for the completion system's. */
function zshComplete(file: string, ...typed: string[]): string[] {
  const words = ['apple-ports', ...typed].map((w) => `'${w}'`).join(' ');
  const run = spawnSync(
    'zsh',
    ['-f', '-c', `autoload -Uz compinit && compinit -u -d '${join(dir, 'zcompdump')}'; source '${file}'; print -r -- "registered $_comps[apple-ports]"; compadd() { [[ $1 == -a ]] && print -rl -- \${(P)2} }; _files() { print -r -- "files $*" }; words=(${words}); CURRENT=${typed.length + 1}; _apple_ports`],
    { cwd: dir, encoding: 'utf8' },
  );
  expect(run.stderr).toBe('');
  return run.stdout.split('\n').filter((line) => line.length > 0);
}

const COMMANDS = ['products', 'profiles', 'resolve', 'lookup', 'hosts', 'firewall', 'diff', 'changes', 'catalogue', 'flows', 'review', 'completion'];

describe('apple-ports completion bash', () => {
  const file = script('bash');

  test('commands, then options of the command', () => {
    expect(bashComplete(file, '')).toEqual(COMMANDS);
    expect(bashComplete(file, 'pro')).toEqual(['products', 'profiles']);
    expect(bashComplete(file, '--')).toEqual(['--help', '--version']);
    expect(bashComplete(file, 'resolve', '--in')).toEqual(['--ingress', '--include-legacy', '--include-link-local']);
    expect(bashComplete(file, 'lookup', '--')).toEqual(['--format', '--lang', '--help']);
  });

  test('the choices commander knows: --format, --lang, the shell', () => {
    expect(bashComplete(file, 'resolve', '--format', '')).toEqual(['table', 'markdown', 'json', 'csv']);
    expect(bashComplete(file, 'firewall', '--format', '')).toEqual(['text', 'rules', 'json']);
    expect(bashComplete(file, 'hosts', '--lang', 'zh')).toEqual(['zh-CN']);
    expect(bashComplete(file, 'completion', '')).toEqual(['bash', 'zsh']);
  });

  test("the catalogue's products, profiles and host groups", () => {
    expect(bashComplete(file, 'resolve', '')).toEqual(products.map((p) => p.id));
    expect(bashComplete(file, 'resolve', 'iClou')).toEqual(['iCloud', 'iCloudMail']);
    expect(bashComplete(file, 'hosts', 'iCloud', '--profile', '')).toEqual(profiles.map((p) => p.id));
    expect(bashComplete(file, 'firewall', '--host-group', 'cert')).toEqual(['certificate-validation']);
    expect(bashComplete(file, 'hosts', '--host-group', '')).toHaveLength(hostGroups.length);
    expect(bashComplete(file, 'resolve', '--exclude', 'apns-l')).toEqual(['apns-legacy-provider', 'apns-legacy-feedback']);
  });

  test('options with free values complete nothing; review completes directories', () => {
    expect(bashComplete(file, 'resolve', '--source', '')).toEqual([]);
    writeFileSync(join(dir, 'not-a-directory'), '');
    spawnSync('mkdir', ['-p', join(dir, 'cdk.out'), join(dir, 'base.out')]);
    expect(bashComplete(file, 'review', '')).toEqual(['base.out', 'cdk.out']);
    expect(bashComplete(file, 'review', 'cdk.out', '--base', 'ba')).toEqual(['base.out']);
  });
});

const zsh = hasShell('zsh');

(zsh ? describe : describe.skip)(`apple-ports completion zsh${zsh ? '' : ' (SKIPPED: zsh is not installed; apt-get install -y zsh)'}`, () => {
  const file = zsh ? script('zsh') : '';

  test('registers _apple_ports, and completes commands, choices, catalogue ids and directories', () => {
    expect(zshComplete(file, '')).toEqual(['registered _apple_ports', ...COMMANDS]);
    expect(zshComplete(file, 'resolve', '--format', '')).toEqual(['registered _apple_ports', 'table', 'markdown', 'json', 'csv']);
    expect(zshComplete(file, 'hosts', '--profile', '')).toEqual(['registered _apple_ports', ...profiles.map((p) => p.id)]);
    expect(zshComplete(file, 'firewall', '')).toEqual(['registered _apple_ports', ...products.map((p) => p.id)]);
    expect(zshComplete(file, 'review', 'cdk.out', '--base', '')).toEqual(['registered _apple_ports', 'files -/']);
  });
});
