/**
 * Shapes of test code that cannot fail, found in the syntax trees of test/: an error caught and
 * never looked at, an error captured by a private copy of test/thrown.ts, an order checked by
 * comparing two `indexOf` results (which holds when the first is missing: -1 is below anything),
 * and a constant asserted equal to a literal (which restates the constant instead of testing
 * what it does).
 */
import ts from 'typescript';
import { locate, parseTree, walk, type ParsedFile } from './syntax-trees';

/** Where errors are captured for tests: every other test file asserts through these helpers. */
const CAPTURE_HELPERS = 'test/thrown.ts';

/** True when `name` is read anywhere inside `node`. */
function mentions(node: ts.Node, name: string): boolean {
  let found = false;
  walk(node, (child) => {
    found ||= ts.isIdentifier(child) && child.text === name;
  });
  return found;
}

/** `x = caught;` and nothing else: the error handed out of the catch to be checked later. */
function onlyStoresTheError(clause: ts.CatchClause, name: string): boolean {
  const [statement, ...rest] = clause.block.statements;
  return (
    rest.length === 0 &&
    statement !== undefined &&
    ts.isExpressionStatement(statement) &&
    ts.isBinaryExpression(statement.expression) &&
    statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isIdentifier(statement.expression.right) &&
    statement.expression.right.text === name
  );
}

const isIndexOf = (node: ts.Node) => ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'indexOf';

const ORDER_OPERATORS = new Set([ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken]);

/** `A_CONSTANT` or `A_CONSTANT.member`. */
function isConstant(node: ts.Expression): boolean {
  const root = ts.isPropertyAccessExpression(node) ? node.expression : node;
  return ts.isIdentifier(root) && /^[A-Z][A-Z0-9_]+$/.test(root.text);
}

/** A number, a string, or an array of them. */
const isLiteral = (node: ts.Expression): boolean =>
  ts.isNumericLiteral(node) || ts.isStringLiteralLike(node) || (ts.isArrayLiteralExpression(node) && node.elements.every((element) => isLiteral(element)));

/** `expect(CONSTANT).toBe(60)`: the argument of expect a constant, the expected value a literal. */
function assertsConstantIsLiteral(node: ts.CallExpression): boolean {
  const matcher = node.expression;
  if (!ts.isPropertyAccessExpression(matcher) || !['toBe', 'toEqual', 'toStrictEqual'].includes(matcher.name.text) || !ts.isCallExpression(matcher.expression)) {
    return false;
  }
  const subject = matcher.expression;
  return ts.isIdentifier(subject.expression) && subject.expression.text === 'expect' && subject.arguments.length === 1 && isConstant(subject.arguments[0]!) && node.arguments.length === 1 && isLiteral(node.arguments[0]!);
}

/** Every shape of `file` that lets a test pass whatever the code does, with the fix. */
function weakShapes(file: ParsedFile): string[] {
  const found: string[] = [];
  walk(file.source, (node) => {
    if (ts.isCatchClause(node) && file.path !== CAPTURE_HELPERS) {
      const name = node.variableDeclaration && ts.isIdentifier(node.variableDeclaration.name) ? node.variableDeclaration.name.text : undefined;
      if (name === undefined || !mentions(node.block, name)) {
        found.push(`${locate(file, node)}: the caught error is never checked; capture it with errorOf, rejectionOf or thrown (test/thrown.ts) and assert on it.`);
      } else if (onlyStoresTheError(node, name)) {
        found.push(`${locate(file, node)}: a private copy of the error capture; use errorOf, rejectionOf or thrown (test/thrown.ts).`);
      }
    } else if (ts.isBinaryExpression(node) && ORDER_OPERATORS.has(node.operatorToken.kind) && isIndexOf(node.left) && isIndexOf(node.right)) {
      found.push(`${locate(file, node)}: comparing two indexOf results passes when the first is missing; assert the whole order with toEqual.`);
    } else if (ts.isCallExpression(node) && assertsConstantIsLiteral(node)) {
      found.push(`${locate(file, node)}: a constant asserted equal to a literal restates it; assert the behaviour it bounds (the value at the bound accepted, one past it refused).`);
    }
  });
  return found;
}

const parse = (path: string, text: string): ParsedFile => ({ path, source: ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true) });

test('no test in test/ catches an error it does not check, copies the error capture, orders by indexOf or restates a constant', () => {
  expect(parseTree('test').flatMap(weakShapes)).toEqual([]);
});

test('each weak shape is reported with its line and fix, and checked errors are not', () => {
  const file = parse(
    'test/example.test.ts',
    [
      'try { build(); } catch {}',
      'try { build(); } catch (error) { done(); }',
      'let error; try { build(); } catch (thrown) { error = thrown; }',
      'expect(lines.indexOf(a) < lines.indexOf(b)).toBe(true);',
      'try { build(); } catch (error) { if (!(error instanceof ApplePortsError)) throw error; }',
      'expect(lines.indexOf(a)).toBeLessThan(3);',
      'expect(AWS_QUOTAS.securityGroupRulesPerDirection).toBe(60);',
      "expect(PROTOCOLS).toEqual(['tcp', 'udp']);",
      'expect(resolve(CASE).rules).toEqual([]);',
    ].join('\n'),
  );
  expect(weakShapes(file)).toEqual([
    'test/example.test.ts:1: the caught error is never checked; capture it with errorOf, rejectionOf or thrown (test/thrown.ts) and assert on it.',
    'test/example.test.ts:2: the caught error is never checked; capture it with errorOf, rejectionOf or thrown (test/thrown.ts) and assert on it.',
    'test/example.test.ts:3: a private copy of the error capture; use errorOf, rejectionOf or thrown (test/thrown.ts).',
    'test/example.test.ts:4: comparing two indexOf results passes when the first is missing; assert the whole order with toEqual.',
    'test/example.test.ts:7: a constant asserted equal to a literal restates it; assert the behaviour it bounds (the value at the bound accepted, one past it refused).',
    'test/example.test.ts:8: a constant asserted equal to a literal restates it; assert the behaviour it bounds (the value at the bound accepted, one past it refused).',
  ]);
  expect(weakShapes(parse(CAPTURE_HELPERS, 'try { build(); } catch (error) { return error; }'))).toEqual([]);
});
