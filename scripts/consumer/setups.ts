/**
 * The project setups the consumer matrix installs the package into. Each is a tsconfig.json (and
 * package.json "type") that real projects have, with where its values come from, the TypeScript
 * its projects get, and how such a project runs its program.
 */

/** The TypeScript versions the setups use, installed side by side under these aliases. */
export const TYPESCRIPTS = {
  /** `cdk init` until May 2025 pinned ~5.6.3. */
  ts56: '~5.6.3',
  /** Pulumi's templates ask for ^5.0.0; also what projects from `tsc --init` before 5.9 carry. */
  ts5: '^5.0.0',
  /** TypeScript 6, the release between 5 and the native 7. */
  ts6: '^6.0.0',
  /** `cdk init` today pins ~7.0.2, the current release. */
  ts7: '~7.0.2',
} as const;

export type TypeScriptAlias = keyof typeof TYPESCRIPTS;

export interface Setup {
  /** The `--setup` name. */
  readonly name: string;
  /** What kind of project this is, in a few words. */
  readonly title: string;
  /** Where the tsconfig values come from. */
  readonly source: string;
  readonly typescript: TypeScriptAlias;
  /** package.json "type"; CommonJS when absent. */
  readonly type?: 'module';
  readonly tsconfig: { readonly compilerOptions: Record<string, unknown>; readonly [key: string]: unknown };
  /**
   * How the project runs its program: `tsc` emits JavaScript (which also type-checks) and node runs
   * it; `tsx` runs the TypeScript directly after `tsc --noEmit` has type-checked it.
   */
  readonly run: 'node' | 'tsx';
  /** Also checks that Node's ESM loader sees every named export of the three entry points. */
  readonly namedExports?: boolean;
}

/** The `tsc --init` of TypeScript 5.0 to 5.8 (from 5.9 on it writes the nodenext template below). */
const TSC_INIT_5_8 = {
  target: 'es2016',
  module: 'commonjs',
  esModuleInterop: true,
  forceConsistentCasingInFileNames: true,
  strict: true,
  skipLibCheck: true,
};

/** The `tsc --init` of TypeScript 5.9, 6.0 and 7.0, with its comments left out. */
const TSC_INIT_7 = {
  module: 'nodenext',
  target: 'esnext',
  types: [] as string[],
  sourceMap: true,
  declaration: true,
  declarationMap: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  strict: true,
  jsx: 'react-jsx',
  verbatimModuleSyntax: true,
  isolatedModules: true,
  noUncheckedSideEffectImports: true,
  moduleDetection: 'force',
  skipLibCheck: true,
};

export const SETUPS: readonly Setup[] = [
  {
    name: 'cdk-init',
    title: 'cdk init app --language typescript (today)',
    source: 'aws/aws-cdk-cli packages/aws-cdk/lib/init-templates/app/typescript/tsconfig.json, since 2026-07 (9bf08e5f)',
    typescript: 'ts7',
    tsconfig: {
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['es2022'],
        declaration: true,
        strict: true,
        noImplicitAny: true,
        strictNullChecks: true,
        noImplicitThis: true,
        alwaysStrict: true,
        noUnusedLocals: false,
        noUnusedParameters: false,
        noImplicitReturns: true,
        noFallthroughCasesInSwitch: false,
        inlineSourceMap: true,
        inlineSources: true,
        experimentalDecorators: true,
        strictPropertyInitialization: false,
        skipLibCheck: true,
        typeRoots: ['./node_modules/@types'],
        noEmit: true,
        isolatedModules: true,
        types: ['jest', 'node'],
      },
      exclude: ['node_modules', 'cdk.out'],
    },
    // The template's cdk.json app: `npx tsc && npx tsx bin/<name>.ts`.
    run: 'tsx',
  },
  {
    name: 'cdk-init-2024',
    title: 'cdk init app --language typescript (until May 2025), most existing CDK apps',
    source: 'the same file before aws/aws-cdk-cli 4068210f (2025-05-01): module commonjs, no moduleResolution (node10)',
    typescript: 'ts56',
    tsconfig: {
      compilerOptions: {
        target: 'ES2020',
        module: 'commonjs',
        lib: ['es2020'],
        declaration: true,
        strict: true,
        noImplicitAny: true,
        strictNullChecks: true,
        noImplicitThis: true,
        alwaysStrict: true,
        noUnusedLocals: false,
        noUnusedParameters: false,
        noImplicitReturns: true,
        noFallthroughCasesInSwitch: false,
        inlineSourceMap: true,
        inlineSources: true,
        experimentalDecorators: true,
        strictPropertyInitialization: false,
        typeRoots: ['./node_modules/@types'],
      },
      exclude: ['node_modules', 'cdk.out'],
    },
    // The template ran `npx ts-node --prefer-ts-exts bin/<name>.ts`; tsc's output is the same code.
    run: 'node',
  },
  {
    name: 'pulumi',
    title: 'pulumi new aws-typescript (today)',
    source: 'pulumi/templates aws-typescript/tsconfig.json, since 2026-03 (81e65225)',
    typescript: 'ts5',
    tsconfig: {
      compilerOptions: {
        strict: true,
        outDir: 'bin',
        target: 'es2020',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        sourceMap: true,
        experimentalDecorators: true,
        pretty: true,
        noFallthroughCasesInSwitch: true,
        noImplicitReturns: true,
        forceConsistentCasingInFileNames: true,
      },
      files: ['index.ts'],
    },
    run: 'node',
  },
  {
    name: 'pulumi-2024',
    title: 'pulumi new aws-typescript (2024 to March 2026), most existing Pulumi programs',
    source: 'pulumi/templates aws-typescript/tsconfig.json from a3029400 (2024-04) until 81e65225 (2026-03)',
    typescript: 'ts5',
    tsconfig: {
      compilerOptions: {
        strict: true,
        outDir: 'bin',
        target: 'es2020',
        module: 'commonjs',
        moduleResolution: 'node',
        sourceMap: true,
        experimentalDecorators: true,
        pretty: true,
        noFallthroughCasesInSwitch: true,
        noImplicitReturns: true,
        forceConsistentCasingInFileNames: true,
      },
      files: ['index.ts'],
    },
    run: 'node',
  },
  {
    name: 'node10',
    title: 'classic CommonJS: module commonjs, moduleResolution node10',
    source: '`tsc --init` of TypeScript 5.0-5.8, with the moduleResolution it implies (node10) written out',
    typescript: 'ts5',
    tsconfig: { compilerOptions: { ...TSC_INIT_5_8, moduleResolution: 'node10' } },
    run: 'node',
  },
  {
    name: 'node16',
    title: 'module nodenext, moduleResolution node16 (CommonJS package)',
    source: '@tsconfig/node22 (tsconfig/bases bases/node22.json)',
    typescript: 'ts6',
    tsconfig: {
      compilerOptions: {
        lib: ['es2024', 'ESNext.Array', 'ESNext.Collection', 'ESNext.Iterator'],
        module: 'nodenext',
        target: 'es2022',
        types: ['node'],
        strict: true,
        esModuleInterop: true,
        skipLibCheck: true,
        moduleResolution: 'node16',
      },
    },
    run: 'node',
  },
  {
    name: 'bundler',
    title: 'module esnext, moduleResolution bundler, run by an esbuild-based tool',
    source: "module esnext with moduleResolution bundler and noEmit, as TypeScript's modules guide advises for code that a bundler or an esbuild-based runner such as tsx handles",
    typescript: 'ts7',
    tsconfig: {
      compilerOptions: {
        target: 'es2022',
        module: 'esnext',
        moduleResolution: 'bundler',
        types: ['node'],
        strict: true,
        esModuleInterop: true,
        skipLibCheck: true,
        isolatedModules: true,
        noEmit: true,
      },
    },
    run: 'tsx',
  },
  {
    name: 'esm',
    title: 'ESM project: "type": "module", module nodenext, compiled and run by node',
    source:
      '`tsc --init` of TypeScript 5.9-7.0 in a "type": "module" package, with types ["node"] as its comment says and without exactOptionalPropertyTypes, under which aws-cdk-lib\'s own Vpc is not an IVpc',
    typescript: 'ts7',
    type: 'module',
    tsconfig: { compilerOptions: { ...TSC_INIT_7, types: ['node'], exactOptionalPropertyTypes: false } },
    run: 'node',
    namedExports: true,
  },
];
