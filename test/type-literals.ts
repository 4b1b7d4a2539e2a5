/**
 * The string literals a type alias stands for, read with the TypeScript checker (so `Extract<…>`
 * and unions of unions resolve as the compiler sees them): how tests check that docs list every
 * code a union allows.
 */
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..');
const programs = new Map<string, ts.Program>();

/** The sorted string literals of the type alias `typeName` declared in `file` (relative to the repository). */
export function stringLiteralsOf(file: string, typeName: string): string[] {
  const path = join(ROOT, file);
  let program = programs.get(path);
  if (program === undefined) {
    program = ts.createProgram([path], { strict: true, noEmit: true, skipLibCheck: true, types: [] });
    programs.set(path, program);
  }
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(path);
  const alias = source?.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === typeName);
  if (alias === undefined) {
    throw new Error(`${file} declares no type alias ${typeName}`);
  }
  const type = checker.getTypeAtLocation(alias.name);
  const members = type.isUnion() ? type.types : [type];
  return members
    .map((member) => {
      if (!member.isStringLiteral()) {
        throw new Error(`${typeName} in ${file} holds ${checker.typeToString(member)}, not a string literal`);
      }
      return member.value;
    })
    .sort();
}
