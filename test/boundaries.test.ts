/**
 * The library's boundaries, read from the syntax trees of lib/: what each part may import, that
 * no module reaches itself through its imports, and that port numbers, port-range bounds and AWS
 * quotas are written only in data/ and lib/core/aws/facts.ts. Every failure names the file, the
 * line and the fix.
 */
import { existsSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import ts from 'typescript';
import { ROOT, locate, parseTree, walk, type ParsedFile } from './syntax-trees';

const lib = parseTree('lib');

/** One module a file names, with the node that names it and whether only its types are used. */
interface ModuleReference {
  readonly file: ParsedFile;
  readonly node: ts.Node;
  readonly specifier: string;
  /** A static `import`/`export … from`, as opposed to `import()`, `require()` or `import('x').T`. */
  readonly isStatic: boolean;
}

/** Every module a file names: static imports and re-exports, `import x = require()`, `import()`, `require()` and `import('x').T` types. */
function moduleReferences(file: ParsedFile): ModuleReference[] {
  const references: ModuleReference[] = [];
  walk(file.source, (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      references.push({ file, node, specifier: node.moduleSpecifier.text, isStatic: true });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      references.push({ file, node, specifier: node.moduleReference.expression.text, isStatic: true });
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) {
        references.push({ file, node, specifier: argument.text, isStatic: false });
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      references.push({ file, node, specifier: node.argument.literal.text, isStatic: false });
    }
  });
  return references;
}

/** The repository file a relative specifier names, as Node and TypeScript resolve it. */
function resolveRelative(from: string, specifier: string): string {
  const base = posix.join(posix.dirname(from), specifier);
  const found = [`${base}.ts`, `${base}/index.ts`, base].find((candidate) => existsSync(posix.join(ROOT, candidate)) && statSync(posix.join(ROOT, candidate)).isFile());
  return found ?? base;
}

const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier);

/**
 * The @pulumi/aws modules lib/pulumi loads, each for the resources it creates: ec2 (groups, ACLs,
 * prefix lists, flow logs), vpc (security-group rules), networkfirewall (rule groups), and for
 * AppleTrafficObserver the cloudwatch log group and query definition files (the cloudwatch module's
 * index would load lambda, iam and config for its event helpers), iam (the flow logs role), route53
 * (Resolver query logging and DNS Firewall) and getCallerIdentity (the account the role's trust is
 * pinned to). The whole package costs users seconds of type-checking; package.test.ts checks what
 * loading it loads.
 */
const PULUMI_AWS_MODULES = [
  '@pulumi/aws/ec2',
  '@pulumi/aws/vpc',
  '@pulumi/aws/networkfirewall',
  '@pulumi/aws/cloudwatch/logGroup',
  '@pulumi/aws/cloudwatch/queryDefinition',
  '@pulumi/aws/iam',
  '@pulumi/aws/route53',
  '@pulumi/aws/getCallerIdentity',
];

/** A part of lib/: which other parts and which packages its files may import, and what to do instead. */
interface Part {
  readonly dir: string;
  readonly parts: readonly string[];
  readonly packages: (specifier: string) => boolean;
  readonly fix: string;
}

const PURE = 'it is pure TypeScript: frameworks belong in lib/cdk or lib/pulumi, the file system and processes in lib/cli or scripts/';

/** The parts, most specific first; `lib` is the package's entry point. */
const PARTS: readonly Part[] = [
  { dir: 'lib/core', parts: ['lib/core', 'data'], packages: () => false, fix: `lib/core may import only lib/core and data/: ${PURE}` },
  { dir: 'lib/review', parts: ['lib/review', 'lib/core'], packages: () => false, fix: `lib/review may import only lib/review and lib/core: ${PURE}` },
  {
    dir: 'lib/cdk',
    parts: ['lib/cdk', 'lib/core', 'lib/review'],
    packages: (s) => s === 'aws-cdk-lib' || s.startsWith('aws-cdk-lib/') || s === 'constructs',
    fix: 'the CDK adapter may import only aws-cdk-lib, constructs, lib/core and lib/review: it translates the core\'s plans into CDK constructs, nothing else',
  },
  {
    dir: 'lib/pulumi',
    parts: ['lib/pulumi', 'lib/core', 'lib/review'],
    packages: (s) => s === '@pulumi/pulumi' || PULUMI_AWS_MODULES.includes(s),
    fix: `the Pulumi adapter may import only @pulumi/pulumi, the @pulumi/aws modules of the resources it creates (${PULUMI_AWS_MODULES.join(', ')}; add a module to PULUMI_AWS_MODULES for a new kind of resource, never the whole @pulumi/aws), lib/core and lib/review`,
  },
  {
    dir: 'lib/cli',
    parts: ['lib/cli', 'lib/core', 'lib/review'],
    // parse5 reads the saved copies of Apple's articles that `apple-ports catalogue check` compares.
    packages: (s) => s === 'commander' || s === 'parse5' || isNodeBuiltin(s),
    fix: 'the command line may import only commander, parse5, Node builtins, lib/core and lib/review',
  },
  { dir: 'lib', parts: ['lib/core', 'lib/review'], packages: () => false, fix: "the package's entry point re-exports lib/core and lib/review only: adapters have their own entry points" },
];

const partOf = (path: string) => PARTS.find((part) => path.startsWith(`${part.dir}/`))!;
const inPart = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

describe('imports', () => {
  const references = lib.flatMap(moduleReferences);

  test('reads the imports of every part of lib/', () => {
    const partsWithImports = new Set(references.map((r) => partOf(r.file.path).dir));
    expect([...partsWithImports].sort()).toEqual(PARTS.map((part) => part.dir).sort());
  });

  test('each part imports only the parts and packages it may', () => {
    const violations = references.flatMap((reference) => {
      const part = partOf(reference.file.path);
      const { specifier } = reference;
      if (specifier.startsWith('.')) {
        const target = resolveRelative(reference.file.path, specifier);
        return part.parts.some((dir) => inPart(target, dir)) ? [] : [`${locate(reference.file, reference.node)}: imports ${target}; ${part.fix}.`];
      }
      return part.packages(specifier) ? [] : [`${locate(reference.file, reference.node)}: imports '${specifier}'; ${part.fix}.`];
    });
    expect(violations).toEqual([]);
  });
});

describe('import cycles', () => {
  /**
   * The graph holds every static import and re-export, type-only ones included: those are erased
   * from the JavaScript, but two modules that name each other's types still cannot be read, moved
   * or tested apart, and the cycle becomes a load-order bug the day one of them imports a value.
   * `import()` and `require()` calls are left out: loading a module late is how a cycle is broken.
   */
  function importGraph(files: readonly ParsedFile[]): Map<string, Map<string, ModuleReference>> {
    const graph = new Map<string, Map<string, ModuleReference>>(files.map((file) => [file.path, new Map()]));
    for (const reference of files.flatMap(moduleReferences)) {
      if (reference.isStatic && reference.specifier.startsWith('.')) {
        const target = resolveRelative(reference.file.path, reference.specifier);
        const edges = graph.get(reference.file.path)!;
        if (graph.has(target) && !edges.has(target)) {
          edges.set(target, reference);
        }
      }
    }
    return graph;
  }

  /** The shortest path from `start` back to itself, or `undefined`. */
  function shortestCycle(graph: ReadonlyMap<string, ReadonlyMap<string, ModuleReference>>, start: string): string[] | undefined {
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const next of [...graph.get(node)!.keys()].sort()) {
        if (next === start) {
          const path = [node];
          while (path[0] !== start) {
            path.unshift(previous.get(path[0])!);
          }
          return [...path, start];
        }
        if (!previous.has(next)) {
          previous.set(next, node);
          queue.push(next);
        }
      }
    }
    return undefined;
  }

  /** Each import cycle once, shortest first from its alphabetically first module, with where each step imports the next. */
  function cycles(graph: ReadonlyMap<string, ReadonlyMap<string, ModuleReference>>): string[] {
    const seen = new Set<string>();
    const found: string[] = [];
    for (const start of [...graph.keys()].sort()) {
      const cycle = seen.has(start) ? undefined : shortestCycle(graph, start);
      if (cycle) {
        cycle.forEach((module) => seen.add(module));
        const steps = cycle.slice(0, -1).map((module, i) => locate(graph.get(module)!.get(cycle[i + 1])!.file, graph.get(module)!.get(cycle[i + 1])!.node));
        found.push(
          `${cycle.map((module) => module.replace(/^lib\//, '')).join(' → ')} (imports at ${steps.join(', ')}). Break it: move what both sides need into a module that imports neither, or import the file that defines it instead of its room's index.`,
        );
      }
    }
    return found;
  }

  test('no module in lib/ imports itself through others', () => {
    expect(cycles(importGraph(lib))).toEqual([]);
  });

  test('a cycle is reported as a path with the lines that close it', () => {
    const fixture = (path: string, text: string): ParsedFile => ({ path, source: ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true) });
    // Paths that exist, so relative imports resolve as they do in lib/.
    const graph = importGraph([
      fixture('lib/core/ports/range.ts', "import type { Budget } from './budget';\n"),
      fixture('lib/core/ports/budget.ts', "\nimport { merge } from './merge';\n"),
      fixture('lib/core/ports/merge.ts', "export { range } from './range';\n"),
    ]);
    expect(cycles(graph)).toEqual([
      'core/ports/budget.ts → core/ports/merge.ts → core/ports/range.ts → core/ports/budget.ts (imports at lib/core/ports/budget.ts:2, lib/core/ports/merge.ts:1, lib/core/ports/range.ts:1). Break it: move what both sides need into a module that imports neither, or import the file that defines it instead of its room\'s index.',
    ]);
  });
});

describe('numbers', () => {
  /** Where ports, port-range bounds and AWS quotas are written: the facts module (data/ is JSON). */
  const FACTS = 'lib/core/aws/facts.ts';

  /**
   * Numbers of 10 or more written outside the facts module that are none of a port, a port-range
   * bound or an AWS quota, each with why. Whole files only where every number is arithmetic.
   */
  const ALLOWED: readonly { readonly file: string; readonly values: readonly number[] | 'all'; readonly reason: string }[] = [
    { file: 'lib/core/policy/cidr.ts', values: [16, 32, 128, 255, 0xffff], reason: 'IP address arithmetic: bits, octets, hex groups' },
    { file: 'lib/core/flows/addresses.ts', values: [10, 16, 32, 46, 48, 57, 255, 256, 0xffff], reason: 'IP address parsing: character codes, octets, prefix bits, hex groups' },
    { file: 'lib/core/flows/flow-log-reader.ts', values: [10, 15, 32, 48], reason: 'decimal parsing: base, digits of a safe integer, character codes' },
    { file: 'lib/core/flows/attribution.ts', values: [18], reason: 'the TCP flags value of SYN-ACK (SYN 2 | ACK 16) that flow logs write' },
    { file: 'lib/core/flows/observation.ts', values: [50, 3600], reason: 'how many malformed lines and groups a report keeps; seconds per hour' },
    { file: 'lib/core/flows/observer-plan.ts', values: [14], reason: 'the default log retention in days, a choice of the library among CLOUDWATCH_LOGS_RETENTION_DAYS' },
    { file: 'lib/core/aws/network-acl.ts', values: [0x811c9dc5, 0x01000193], reason: 'the FNV-1a offset basis and prime' },
    { file: 'lib/core/attach/dns-firewall.ts', values: [16], reason: 'a hash written in hexadecimal (base 16) to tell association names apart' },
    { file: 'lib/core/remember.ts', values: [10_000], reason: 'how many texts a remembered function keeps' },
    { file: 'lib/core/network-firewall/capacity.ts', values: [100], reason: 'the step default capacities are rounded up to, a choice of the library below AWS\'s capacity quota' },
    { file: 'lib/core/network-firewall/plan.ts', values: [1_000_000], reason: 'the default first Suricata signature id, where local rules start: a choice of the library' },
    { file: 'lib/core/policy/selection.ts', values: [100], reason: "the library's cap on an extra rule's own description, well inside AWS's RULE_DESCRIPTION_MAX_LENGTH so the ports survive" },
    { file: 'lib/cli/flow-inputs.ts', values: [0x1f, 0x8b, 16, 20], reason: "gzip's magic bytes; read sizes as powers of two" },
    { file: 'lib/cli/progress.ts', values: [30, 64, 100, 200, 1024], reason: 'the progress bar: width, mebibytes, percent, milliseconds between redraws' },
    { file: 'lib/review/text-table.ts', values: [0x1100, 0x115f, 0x2e80, 0xa4cf, 0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe30, 0xfe4f, 0xff00, 0xff60, 0xffe0, 0xffe6], reason: 'Unicode code points of characters a terminal draws two columns wide' },
    { file: 'lib/review/catalogue-changes-render.ts', values: [40], reason: 'the longest value a change line prints whole' },
    { file: 'lib/review/flow-report-html.ts', values: 'all', reason: 'SVG chart geometry in pixels, bar counts and milliseconds: every number there draws' },
  ];

  const MIN = 10;
  const FIX = `if it is a port, a port-range bound or an AWS quota, read it from the catalogue (data/catalogue.json) or ${FACTS}; if it is neither, allow it in ALLOWED in test/boundaries.test.ts with its reason`;

  /** A number as written in a literal or in text: `10_000`, `0xffff`, `65535`. */
  const valueOf = (text: string) => Number(text.replace(/_/g, ''));

  /** Decimal numbers in free text, not parts of words (`ipv6`, `a1b2`), links (`{@link X}`) or RFC numbers. */
  function numbersInText(text: string): number[] {
    const prose = text.replace(/\{@link[^}]*\}/g, '').replace(/\bRFC \d+/g, '');
    return [...prose.matchAll(/(?<![\w])\d[\d_]*(?![\w])/g)].map((match) => valueOf(match[0]));
  }

  /** Numbers in a regular expression's source: quantifiers and literal digits, escapes (`\x1f`, `\u00e9`) aside. */
  const numbersInPattern = (source: string) => [...source.replace(/\\(x[0-9a-fA-F]{2}|u\{?[0-9a-fA-F]+\}?|\d)/g, '').matchAll(/\d+/g)].map((match) => valueOf(match[0]));

  /** The text of a string or template that is a RegExp source, without its substitutions. */
  function patternText(argument: ts.Expression): string | undefined {
    if (ts.isStringLiteralLike(argument)) {
      return argument.text;
    }
    return ts.isTemplateExpression(argument) ? [argument.head.text, ...argument.templateSpans.map((span) => span.literal.text)].join('') : undefined;
  }

  /** One place a file writes numbers: a code literal, a RegExp literal or source, a JSDoc `@default`. */
  interface WrittenNumbers {
    readonly where: string;
    /** `` for a code literal, else ` in <the pattern or tag>`. */
    readonly context: string;
    readonly values: readonly number[];
  }

  /** Every place a file writes numbers of 10 or more. */
  function writtenNumbers(file: ParsedFile): WrittenNumbers[] {
    const found: WrittenNumbers[] = [];
    const add = (node: ts.Node, context: string, values: readonly number[]) => {
      const large = values.filter((value) => value >= MIN);
      if (large.length > 0) {
        found.push({ where: locate(file, node), context, values: large });
      }
    };
    const seenTags = new Set<number>();
    walk(file.source, (node) => {
      if (ts.isNumericLiteral(node)) {
        add(node, '', [valueOf(node.text)]);
      } else if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(file.source);
        add(node, ` in ${text}`, numbersInPattern(text.slice(1, text.lastIndexOf('/'))));
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp' && node.arguments?.[0]) {
        const pattern = patternText(node.arguments[0]);
        add(node, ` in the RegExp source ${node.arguments[0].getText(file.source)}`, pattern === undefined ? [] : numbersInPattern(pattern));
      }
      for (const tag of ts.getJSDocTags(node)) {
        if (tag.tagName.text === 'default' && !seenTags.has(tag.pos)) {
          seenTags.add(tag.pos);
          const text = ts.getTextOfJSDocComment(tag.comment) ?? '';
          add(tag, ` in @default ${JSON.stringify(text)}`, numbersInText(text));
        }
      }
    });
    return found;
  }

  const isAllowed = (file: string, value: number) => ALLOWED.some((entry) => entry.file === file && (entry.values === 'all' || entry.values.includes(value)));

  test('no port, port-range bound or AWS quota is written outside data/ and the facts module', () => {
    const violations = lib
      .filter((file) => file.path !== FACTS)
      .flatMap((file) =>
        writtenNumbers(file).flatMap(({ where, context, values }) => {
          const refused = values.filter((value) => !isAllowed(file.path, value));
          return refused.length > 0 ? [`${where}: ${refused.join(', ')}${context}; ${FIX}.`] : [];
        }),
      );
    expect(violations).toEqual([]);
  });

  test('every allowed number is still written where it is allowed', () => {
    const stale = ALLOWED.flatMap((entry) => {
      const file = lib.find((f) => f.path === entry.file);
      const written = new Set(file ? writtenNumbers(file).flatMap((place) => place.values) : []);
      const values = entry.values === 'all' ? (written.size > 0 ? [] : ['any number']) : entry.values.filter((value) => !written.has(value));
      return values.map((value) => `${entry.file}: ${String(value)} is allowed but no longer written there; remove it from ALLOWED.`);
    });
    expect(stale).toEqual([]);
  });

  test('finds numbers in code, RegExp literals, RegExp sources and @default tags, but not in words, links or escapes', () => {
    const source = [
      '/** Options. */',
      'interface Options {',
      '  /** Ports. @default 1024-65535, see {@link AWS_QUOTAS} and RFC 6335, ipv6 */',
      '  readonly ports?: string;',
      '}',
      'const quota = 60 + 9;',
      'const id = /^sg-[0-9a-f]{17}\\x1f$/;',
      'const name = new RegExp(`^[a-z]{1,${max}}-{128}$`);',
    ].join('\n');
    const file: ParsedFile = { path: 'lib/core/example.ts', source: ts.createSourceFile('lib/core/example.ts', source, ts.ScriptTarget.ES2022, true) };
    expect(writtenNumbers(file).map(({ where, context, values }) => `${where}: ${values.join(', ')}${context}`)).toEqual([
      'lib/core/example.ts:3: 1024, 65535 in @default "1024-65535, see {@link AWS_QUOTAS} and RFC 6335, ipv6"',
      'lib/core/example.ts:6: 60',
      'lib/core/example.ts:7: 17 in /^sg-[0-9a-f]{17}\\x1f$/',
      'lib/core/example.ts:8: 128 in the RegExp source `^[a-z]{1,${max}}-{128}$`',
    ]);
  });
});
