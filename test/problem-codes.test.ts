/**
 * Every code a problem or notice can carry is produced by lib/ and asserted by a test together
 * with its exact message: read from the syntax trees of lib/ (the codes the types declare) and of
 * test/ (the codes assertions name beside a message).
 */
import ts from 'typescript';
import { locate, parseTree, walk, type ParsedFile } from './syntax-trees';

/** A code and where lib/ declares it. */
interface DeclaredCode {
  readonly code: string;
  readonly where: string;
}

/** The string literals of a union type: `'a' | 'b'`. */
function literalMembers(type: ts.TypeNode): ts.StringLiteral[] {
  const members = ts.isUnionTypeNode(type) ? type.types : [type];
  return members.flatMap((member) => (ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal) ? [member.literal] : []));
}

/**
 * The codes lib/ declares: the members of every `…Code` type (`ProblemCode`, `NoticeCode`,
 * `FirewallNoticeCode`) and of every literal union typing a `code` property of a `…Problem` or
 * `…Notice` interface (`ObserverNotice`).
 */
function declaredCodes(files: readonly ParsedFile[]): DeclaredCode[] {
  const declared: DeclaredCode[] = [];
  const add = (file: ParsedFile, literals: readonly ts.StringLiteral[]) => literals.forEach((literal) => declared.push({ code: literal.text, where: locate(file, literal) }));
  for (const file of files) {
    walk(file.source, (node) => {
      if (ts.isTypeAliasDeclaration(node) && node.name.text.endsWith('Code')) {
        add(file, literalMembers(node.type));
      } else if (ts.isInterfaceDeclaration(node) && /(Problem|Notice)$/.test(node.name.text)) {
        for (const member of node.members) {
          if (ts.isPropertySignature(member) && member.name.getText(file.source) === 'code' && member.type) {
            add(file, literalMembers(member.type));
          }
        }
      }
    });
  }
  return declared;
}

/** Every string lib/ writes in code (declarations of the codes' types aside): where problems and notices get their codes. */
function writtenStrings(files: readonly ParsedFile[]): Set<string> {
  const strings = new Set<string>();
  for (const file of files) {
    walk(file.source, (node) => {
      if (ts.isStringLiteralLike(node) && !ts.isLiteralTypeNode(node.parent)) {
        strings.add(node.text);
      }
    });
  }
  return strings;
}

/** The identifier a chain of calls and property accesses starts from: `expect` in `expect(x).not.toEqual(y)`. */
function chainRoot(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current)) {
    current = current.expression;
  }
  return current;
}

const isExpectChain = (node: ts.Expression) => {
  const root = chainRoot(node);
  return ts.isIdentifier(root) && root.text === 'expect';
};

/** The assertion whose arguments hold a node: `expect(…)`, or a matcher that asserts presence (`.toEqual(…)`, not `.not.toContain(…)`). */
function assertionOf(node: ts.Node): ts.CallExpression | undefined {
  for (let current: ts.Node = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (ts.isCallExpression(parent) && parent.arguments.includes(current as ts.Expression) && isExpectChain(parent.expression)) {
      return parent.expression.getText().includes('.not.') ? undefined : parent;
    }
  }
  return undefined;
}

const inAssertion = (node: ts.Node) => assertionOf(node) !== undefined;

/** True inside the table of a `test.each(…)`, whose rows hold what the test asserts. */
function inTestTable(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isCallExpression(current) && /^(test|it|describe)\.each$/.test(current.expression.getText())) {
      return true;
    }
  }
  return false;
}

/** A value that states a message exactly: anything but an asymmetric matcher (`expect.any(String)`, `expect.stringContaining(…)`). */
const isExactMessage = (value: ts.Expression) => !isExpectChain(value);

/** The callback of the `test(…)`/`it(…)` a node is in, or the file when it is in none. */
function enclosingTest(node: ts.Node): ts.Node {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isCallExpression(current) && /^(test|it)\b/.test(current.expression.getText())) {
      return current;
    }
  }
  return node.getSourceFile();
}

/** `expect(x)…` → `x`: what an assertion is about. */
function subjectOf(call: ts.CallExpression): ts.Expression | undefined {
  let current: ts.Expression = call;
  while (ts.isPropertyAccessExpression(current) || ts.isCallExpression(current)) {
    if (ts.isCallExpression(current) && ts.isIdentifier(current.expression) && current.expression.text === 'expect') {
      return current.arguments[0];
    }
    current = current.expression;
  }
  return undefined;
}

/** True when a test asserts a message exactly: `expect(….message).toBe(…)` (or of messages mapped out) or `toThrow('…')`, with no asymmetric matcher. */
function assertsAMessage(scope: ts.Node): boolean {
  let found = false;
  walk(scope, (node) => {
    if (found || !ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || !isExpectChain(node.expression) || node.expression.getText().includes('.not.')) {
      return;
    }
    const [expected] = node.arguments;
    const matcher = node.expression.name.text;
    if (!expected || !isExactMessage(expected)) {
      return;
    }
    const subject = subjectOf(node)?.getText() ?? '';
    found = (['toBe', 'toEqual', 'toStrictEqual'].includes(matcher) && /\bmessage\b/.test(subject)) || (matcher === 'toThrow' && !ts.isRegularExpressionLiteral(expected));
  });
  return found;
}

/**
 * The codes a test asserts with their message. Inside an assertion or a `test.each` table: an object `{ code: 'x', message: … }`,
 * a warning `{ id: 'apple-ports:x', message: … }`, a pair `['x', 'message']`, or a logged warning
 * `'apple-ports:x: message'` (a warning id may carry a group prefix: `apple-ports:network-acl-x`).
 * Or a code asserted on its own (`expect(error.code).toBe('x')`, `expect(problems.map((p) => p.code)).toEqual(['x'])`)
 * in a test that also asserts the message exactly (`expect(error.message).toBe(…)`, `toThrow('…')`).
 * A message matched by a regular expression or an asymmetric matcher does not count.
 */
function assertedCodes(files: readonly ParsedFile[], codes: ReadonlySet<string>): Set<string> {
  const asserted = new Set<string>();
  const fromWarningId = (id: string) => {
    const name = id.replace(/^apple-ports:/, '');
    return [...codes].filter((code) => name === code || name.endsWith(`-${code}`));
  };
  const messageAsserted = new Map<ts.Node, boolean>();
  const testAssertsAMessage = (node: ts.Node) => {
    const scope = enclosingTest(node);
    if (!messageAsserted.has(scope)) {
      messageAsserted.set(scope, assertsAMessage(scope));
    }
    return messageAsserted.get(scope)!;
  };
  for (const file of files) {
    walk(file.source, (node) => {
      if (ts.isObjectLiteralExpression(node) && (inAssertion(node) || inTestTable(node))) {
        const property = (name: string) =>
          node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name)?.initializer;
        const code = property('code');
        const id = property('id');
        const message = property('message');
        if (message && isExactMessage(message)) {
          if (code && ts.isStringLiteralLike(code)) {
            asserted.add(code.text);
          }
          if (id && ts.isStringLiteralLike(id) && id.text.startsWith('apple-ports:')) {
            fromWarningId(id.text).forEach((c) => asserted.add(c));
          }
        }
      } else if (ts.isArrayLiteralExpression(node) && node.elements.length === 2 && (inAssertion(node) || inTestTable(node))) {
        const [code, message] = node.elements;
        if (ts.isStringLiteralLike(code) && codes.has(code.text) && isExactMessage(message) && !ts.isSpreadElement(message)) {
          asserted.add(code.text);
        }
      } else if (ts.isStringLiteralLike(node) && inAssertion(node)) {
        const warning = /^apple-ports:([a-z0-9-]+): \S/.exec(node.text);
        if (warning) {
          fromWarningId(warning[1]).forEach((c) => asserted.add(c));
        } else if (codes.has(node.text)) {
          const assertion = assertionOf(node);
          if (assertion && /\bcode\b/.test(subjectOf(assertion)?.getText() ?? '') && testAssertsAMessage(node)) {
            asserted.add(node.text);
          }
        }
      }
    });
  }
  return asserted;
}

const lib = parseTree('lib');
const declared = declaredCodes(lib);
const codes = new Set(declared.map((d) => d.code));

test('reads the codes of problems, policy notices, firewall notices and observer notices', () => {
  expect(codes).toContain('unknown-product');
  expect(codes).toContain('budget-widened');
  expect(codes).toContain('quic-not-matched');
  expect(codes).toContain('flow-logs-blind-spots');
  expect(codes.size).toBeGreaterThan(60);
});

test('lib/ produces every code it declares', () => {
  const written = writtenStrings(lib);
  expect(declared.filter((d) => !written.has(d.code)).map((d) => `${d.where}: '${d.code}' is declared but nothing produces it; remove it from its type.`)).toEqual([]);
});

test('a test asserts every code with its exact message', () => {
  const asserted = assertedCodes(parseTree('test'), codes);
  const missing = declared.filter((d) => !asserted.has(d.code));
  expect(
    missing.map((d) => `${d.where}: no test asserts '${d.code}' with its message; add one, e.g. expect(thrown(() => …).problems).toEqual([{ code: '${d.code}', message: '…' }]).`),
  ).toEqual([]);
});

test('assertions count only with the code beside an exact message, and not when negated', () => {
  const source = [
    "expect(problems).toEqual([{ code: 'invalid-port', message: 'Port 0 is not a port.' }]);",
    "expect(warnings).toContainEqual({ id: 'apple-ports:network-acl-budget-widened', message: `Widened.` });",
    "expect(pairs).toEqual([['unknown-service', 'Unknown service.']]);",
    "expect(log).toEqual(['apple-ports:amazon-dns: DNS to the Amazon resolver is never filtered.']);",
    "expect(problems).toEqual([{ code: 'invalid-budget', message: expect.any(String) }]);",
    "expect(codes).not.toContainEqual({ code: 'quic-closed', message: 'x' });",
    "const input = { code: 'open-ingress', message: 'x' };",
    "test('a', () => { expect(error.code).toBe('invalid-quota'); expect(error.message).toBe('Bad quota.'); });",
    "test('b', () => { expect(error.code).toBe('no-target'); expect(error.message).toMatch(/target/); });",
    "test('c', () => { expect(problems.map((p) => p.code)).toEqual(['unknown-peer']); expect(() => run()).toThrow('Unknown peer.'); });",
  ].join('\n');
  const file: ParsedFile = { path: 'test/example.test.ts', source: ts.createSourceFile('test/example.test.ts', source, ts.ScriptTarget.ES2022, true) };
  expect([...assertedCodes([file], codes)].sort()).toEqual(['amazon-dns', 'budget-widened', 'invalid-port', 'invalid-quota', 'unknown-peer', 'unknown-service']);
});
