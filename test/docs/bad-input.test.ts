/**
 * docs/bad-input.md is the test data: each row's example is run where the row says it is refused,
 * and must fail with exactly the row's code and a message holding the row's fix, word for word.
 * Every `ProblemCode` needs a row, and every row a `ProblemCode`, so the page and the code cannot
 * drift apart.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import * as cdkLib from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as pulumi from '@pulumi/pulumi';
import * as core from 'apple-ports';
import * as cdk from 'apple-ports/cdk';
import type * as pulumiAdapter from 'apple-ports/pulumi';
import { createProgram } from '../../lib/cli/program';
import { stackWithVpc } from '../cdk/cdk-test-app';
import { assertBuilt, runCliIn } from '../cli/cli-process';
import { installMockRecorder, resourceErrorOf } from '../pulumi/mock-recorder';
import { errorOf, rejectionOf } from '../thrown';
import { codeSpans, tableRows, type TableRow } from './markdown-table';

const root = join(__dirname, '..', '..');
const DOC = join(root, 'docs', 'bad-input.md');
const HEADER = ['Code', 'Where', 'Example', 'Fix'];
const WHERE = ['resolver', 'flows', 'CDK', 'CDK synth', 'Pulumi', 'both adapters', 'CLI'] as const;
type Where = (typeof WHERE)[number];

/** One refusal as the page lists it. */
interface Refusal {
  readonly code: string;
  readonly where: Where;
  /** One example, or for `both adapters` the CDK one and then the Pulumi one. */
  readonly examples: readonly string[];
  readonly fix: string;
  readonly line: number;
}

function only(spans: readonly string[], what: string, row: TableRow): string {
  if (spans.length !== 1) {
    throw new Error(`docs/bad-input.md line ${row.line}: the ${what} must be one code span, found ${spans.length}`);
  }
  return spans[0];
}

function refusalOf(row: TableRow): Refusal {
  const [codeCell, whereCell, exampleCell, fixCell] = row.cells;
  const where = whereCell as Where;
  if (!WHERE.includes(where)) {
    throw new Error(`docs/bad-input.md line ${row.line}: Where is '${whereCell}', not one of ${WHERE.join(', ')}`);
  }
  const examples = codeSpans(exampleCell);
  if (examples.length !== (where === 'both adapters' ? 2 : 1)) {
    throw new Error(`docs/bad-input.md line ${row.line}: ${where === 'both adapters' ? 'both adapters takes a CDK and a Pulumi example' : 'one example'}, found ${examples.length}`);
  }
  return { code: only(codeSpans(codeCell), 'code', row), where, examples, fix: only(codeSpans(fixCell), 'fix', row), line: row.line };
}

const refusals = tableRows(readFileSync(DOC, 'utf8'), HEADER).map(refusalOf);

/** The members of the `ProblemCode` union, read by the compiler from lib/core/problems.ts. */
function problemCodes(): string[] {
  const path = join(root, 'lib', 'core', 'problems.ts');
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const alias = source.statements.find((node): node is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(node) && node.name.text === 'ProblemCode');
  if (!alias || !ts.isUnionTypeNode(alias.type)) {
    throw new Error('lib/core/problems.ts has no ProblemCode union');
  }
  return alias.type.types.map((member) => {
    if (!ts.isLiteralTypeNode(member) || !ts.isStringLiteral(member.literal)) {
      throw new Error(`ProblemCode member ${member.getText(source)} is not a string literal`);
    }
    return member.literal.text;
  });
}

/** Evaluates an example as an expression with `scope`'s names in view. */
function evaluate(example: string, scope: Record<string, unknown>): unknown {
  const names = Object.keys(scope);
  return new Function(...names, `'use strict'; return (${example});`)(...names.map((name) => scope[name]));
}

/** What a refusal must carry: problems that all have the row's code, and the fix in the message. */
function expectRefused(problems: readonly core.Problem[] | undefined, message: string, refusal: Refusal): void {
  expect({ codes: [...new Set((problems ?? []).map((problem) => problem.code))], message }).toEqual({ codes: [refusal.code], message: expect.stringContaining(refusal.fix) });
}

async function refuseInCore(refusal: Refusal): Promise<void> {
  const error = await rejectionOf(async () => evaluate(refusal.examples[0], { ...core }));
  expect(error).toBeInstanceOf(core.ApplePortsError);
  expectRefused((error as core.ApplePortsError).problems, (error as Error).message, refusal);
}

function refuseInCdk(example: string, refusal: Refusal): void {
  const { stack, vpc } = stackWithVpc();
  const error = errorOf(() => evaluate(example, { ...cdk, stack, vpc, ec2, Token: cdkLib.Token }));
  expect(error).toBeInstanceOf(cdk.AppleServicesError);
  expectRefused((error as cdk.AppleServicesError).problems, error.message, refusal);
}

/**
 * A refusal CDK's own validation reports when the app synthesizes (`node.addValidation`): one
 * error listing every construct's messages, which carry no problem code.
 */
function refuseAtCdkSynth(example: string, refusal: Refusal): void {
  const { stack, vpc } = stackWithVpc();
  evaluate(example, { ...cdk, stack, vpc, ec2, Token: cdkLib.Token });
  const error = errorOf(() => cdkLib.Stage.of(stack)!.synth());
  expect(error.message).toEqual(expect.stringContaining(refusal.fix));
}

let adapter: typeof pulumiAdapter;
let pulumiEc2: typeof import('@pulumi/aws/ec2');

async function refuseInPulumi(example: string, refusal: Refusal): Promise<void> {
  const error = await resourceErrorOf(() => evaluate(example, { ...adapter, pulumi, ec2: pulumiEc2 }));
  expect(error).toBeInstanceOf(adapter.AppleServicesResourceError);
  expectRefused((error as pulumiAdapter.AppleServicesResourceError).problems, error.message, refusal);
}

/** The folder CLI examples run in, with the files the page says it holds. */
let cliFolder: string;

/** `apple-ports resolve 'a b' c` as the arguments after the program name. */
function argvOf(example: string): string[] {
  const words = [...example.matchAll(/'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2]);
  if (words[0] !== 'apple-ports') {
    throw new Error(`docs/bad-input.md: a CLI example starts with apple-ports: ${example}`);
  }
  return words.slice(1);
}

async function refuseInCli(refusal: Refusal): Promise<void> {
  const argv = argvOf(refusal.examples[0]);
  // As users run it: the built executable, its exit code and its stderr.
  const run = runCliIn(cliFolder, ...argv);
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 2, stderr: expect.stringMatching(/^error: /) });
  expect(run.stderr).toContain(refusal.fix);
  // The exit code and text hide the code; the program run in-process throws the problems themselves.
  const cwd = process.cwd();
  process.chdir(cliFolder);
  const error = await rejectionOf(() => createProgram({ stdout: () => undefined, stderr: () => undefined }).parseAsync(argv, { from: 'user' })).finally(() => process.chdir(cwd));
  expect(error).toBeInstanceOf(core.ApplePortsError);
  expectRefused((error as core.ApplePortsError).problems, (error as Error).message, refusal);
}

beforeAll(async () => {
  await installMockRecorder();
  adapter = await import('apple-ports/pulumi');
  pulumiEc2 = await import('@pulumi/aws/ec2');
  assertBuilt();
  cliFolder = mkdtempSync(join(tmpdir(), 'apple-ports-bad-input-'));
  mkdirSync(join(cliFolder, 'flow-logs'));
  copyFileSync(join(root, 'test', 'fixtures', 'flow-logs', 'aws-default-format.log'), join(cliFolder, 'flow-logs', 'aws-default-format.log'));
  mkdirSync(join(cliFolder, 'cdk.out'));
  writeFileSync(join(cliFolder, 'apple.rules'), `${core.planFirewallRules({ products: ['iCloud'] }).rulesString}\n`);
});

afterAll(() => rmSync(cliFolder, { recursive: true, force: true }));

describe('docs/bad-input.md', () => {
  test('has a row for every ProblemCode, and names no other code', () => {
    const codes = problemCodes();
    const documented = new Set(refusals.map((refusal) => refusal.code));
    expect({
      missingRows: codes.filter((code) => !documented.has(code)),
      notProblemCodes: [...documented].filter((code) => !codes.includes(code)),
    }).toEqual({ missingRows: [], notProblemCodes: [] });
  });

  test.each(refusals.map((refusal) => [`line ${refusal.line}: ${refusal.code} (${refusal.where})`, refusal] as const))('%s', async (_name, refusal) => {
    switch (refusal.where) {
      case 'resolver':
      case 'flows':
        return refuseInCore(refusal);
      case 'CDK':
        return refuseInCdk(refusal.examples[0], refusal);
      case 'CDK synth':
        return refuseAtCdkSynth(refusal.examples[0], refusal);
      case 'Pulumi':
        return refuseInPulumi(refusal.examples[0], refusal);
      case 'both adapters':
        refuseInCdk(refusal.examples[0], refusal);
        return refuseInPulumi(refusal.examples[1], refusal);
      case 'CLI':
        return refuseInCli(refusal);
    }
  });
});
