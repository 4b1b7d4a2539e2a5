/**
 * An option two commands take is one definition: the same flag, help and parser everywhere, so a
 * fix to one command's wording or parsing reaches every command.
 */
import type { Command, Option } from 'commander';
import { createProgram } from '../../lib/cli/program';

const program = createProgram({ stdout: () => undefined, stderr: () => undefined });

function optionsOf(name: string): Map<string, Option> {
  const command = program.commands.find((c: Command) => c.name() === name);
  if (command === undefined) {
    throw new Error(`no command ${name}`);
  }
  return new Map(command.options.map((option) => [option.long!, option]));
}

/** Each option with the commands that take it and what they say of it. */
function shared(flag: string, commands: readonly string[]): { flag: string; commands: Record<string, { flags: string; description: string; parses: string } | undefined> } {
  return {
    flag,
    commands: Object.fromEntries(
      commands.map((name) => {
        const option = optionsOf(name).get(flag);
        return [name, option && { flags: option.flags, description: option.description, parses: String(option.parseArg ?? '') }];
      }),
    ),
  };
}

test.each([
  ['--profile', ['resolve', 'hosts', 'firewall', 'changes']],
  ['--host-group', ['hosts', 'firewall']],
  ['--platform', ['hosts', 'firewall']],
  ['--exclude', ['resolve', 'firewall']],
  ['--include-legacy', ['resolve', 'firewall']],
  ['--lang', ['resolve', 'hosts', 'firewall', 'flows']],
] as const)('%s is one definition in every command that takes it', (flag, commands) => {
  const seen = shared(flag, commands);
  const first = seen.commands[commands[0]];
  expect(first).toBeDefined();
  expect(seen).toEqual({ flag, commands: Object.fromEntries(commands.map((name) => [name, first])) });
});

test('--sid-base parses as one option in firewall and flows; flows says it numbers --firewall', () => {
  const [firewall, flows] = ['firewall', 'flows'].map((name) => optionsOf(name).get('--sid-base')!);
  expect({ flags: flows.flags, parses: String(flows.parseArg) }).toEqual({ flags: firewall.flags, parses: String(firewall.parseArg) });
  expect([firewall.description, flows.description]).toEqual([
    "the first rule's signature id (default: 1000000)",
    "with --firewall products: the rule group's first signature id (default: 1000000)",
  ]);
});
