/**
 * What TypeDoc does not check: every optional property of what users pass in (the `…Props`,
 * `…Args`, `…Options` and `…Selection` types of lib/) says its `@default`, and no `@default`
 * repeats a port, an AWS quota or another number the catalogue or the facts module holds (it links
 * the constant instead). Read from the syntax alone, without type-checking aws-cdk-lib and Pulumi,
 * so it takes a second and runs with the tests; `npm run docs` checks the summaries.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import * as facts from '../../lib/core/aws/facts';
import { DEFAULT_OBSERVER_RETENTION_DAYS, DEFAULT_SID_BASE, catalogue } from '../../lib/core';

const root = join(__dirname, '..', '..');
/** The types whose optional properties are inputs with a default (outputs' optional fields are "absent when…"). */
const INPUT_TYPE = /(Props|Args|Options|Selection)$/;

interface OptionalProperty {
  /** `Owner.property (lib/…)`, for messages. */
  readonly name: string;
  /** The `@default` tag's text, or undefined when there is none. */
  readonly defaultText: string | undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every optional property of the input types declared in lib/, nested object types included. */
function optionalProperties(): OptionalProperty[] {
  const found: OptionalProperty[] = [];
  for (const path of sourceFiles(join(root, 'lib'))) {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visitMembers = (node: ts.Node, owner: string) => {
      node.forEachChild(function visit(child) {
        if (ts.isPropertySignature(child) && child.questionToken !== undefined) {
          const tag = ts.getJSDocTags(child).find((t) => t.tagName.text === 'default');
          found.push({
            name: `${owner}.${child.name.getText(source)} (${relative(root, path)})`,
            defaultText: tag === undefined ? undefined : (ts.getTextOfJSDocComment(tag.comment) ?? ''),
          });
        }
        child.forEachChild(visit);
      });
    };
    source.forEachChild((statement) => {
      if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && INPUT_TYPE.test(statement.name.text)) {
        visitMembers(statement, statement.name.text);
      }
    });
  }
  return found;
}

/** Numbers a `@default` must not spell out: ports, port bounds, quotas and the defaults that have a constant. */
function factNumbers(): Set<number> {
  const numbers = new Set<number>();
  const collect = (value: unknown): void => {
    if (typeof value === 'number') numbers.add(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(Object.values(facts).filter((value) => typeof value !== 'function' && !(value instanceof RegExp)));
  collect([DEFAULT_OBSERVER_RETENTION_DAYS, DEFAULT_SID_BASE]);
  for (const service of catalogue.services) collect(service.ports.map((range) => [range.fromPort, range.toPort]));
  for (const range of catalogue.ephemeralPorts) collect([range.fromPort, range.toPort]);
  // Small counts ("2 for a section") are words, not facts.
  return new Set([...numbers].filter((n) => n >= 10));
}

/** The whole numbers a `@default` writes, outside code spans, {@link}s and RFC numbers. */
function numbersIn(text: string): number[] {
  const words = text.replace(/`[^`]*`/g, ' ').replace(/\{@link[^}]*\}/g, ' ').replace(/RFC \d+/g, ' ');
  return [...words.matchAll(/(?<![\d.])\d[\d_,]*(?![\d.])/g)].map((match) => Number(match[0].replace(/[_,]/g, '')));
}

const properties = optionalProperties();

test('every optional property of what users pass in says its @default', () => {
  expect(properties.filter((p) => p.defaultText === undefined).map((p) => p.name)).toEqual([]);
  expect(properties.map((p) => p.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^AppleServicesEgressProps\.destinations /)]));
});

test('no @default writes a port, quota or fact as a number: it links the constant', () => {
  const facts = factNumbers();
  const literal = properties.filter((p) => numbersIn(p.defaultText ?? '').some((n) => facts.has(n))).map((p) => `${p.name}: @default ${p.defaultText}`);
  expect(literal).toEqual([]);
});

test('the number check sees through prose and skips links and code', () => {
  const facts = factNumbers();
  expect(facts.has(securityGroupQuota())).toBe(true);
  expect(numbersIn('60, the finer of the two AWS allows')).toEqual([60]);
  expect(numbersIn('{@link AWS_QUOTAS}.securityGroupRulesPerDirection, e.g. `sg-60`, RFC 1918, × 1.5')).toEqual([]);
});

function securityGroupQuota(): number {
  return facts.AWS_QUOTAS.securityGroupRulesPerDirection;
}
