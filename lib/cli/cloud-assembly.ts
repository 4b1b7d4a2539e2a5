/**
 * Reads the apple-ports policy records out of a cloud assembly (`cdk.out`): every stack of its
 * `manifest.json`, and of the nested assemblies that CDK stages write beside it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_METADATA_KEY, readPolicyRecord, type ReadPolicyRecord } from '../review';
import { UsageError } from './io';

/** One apple-ports construct found in an assembly. */
export interface RecordedConstruct {
  /** The stack's name as `cdk ls` shows it (`AppleVdi`, `Prod/AppleVdi` in a stage). */
  readonly stack: string;
  /** The construct path, unique in the app. */
  readonly path: string;
  readonly record: ReadPolicyRecord;
}

/** The parts of a cloud assembly manifest read here. */
interface Manifest {
  readonly artifacts?: Readonly<Record<string, { readonly type: string; readonly displayName?: string; readonly properties?: { readonly templateFile?: string; readonly directoryName?: string } }>>;
}

function readJson<T>(file: string, what: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new UsageError(`${what} ${file} cannot be read: ${(error as Error).message}`);
  }
}

function stackRecords(directory: string, stack: string, templateFile: string): RecordedConstruct[] {
  const file = join(directory, templateFile);
  const template = readJson<{ Metadata?: Record<string, unknown> }>(file, 'The template');
  const records = (template.Metadata?.[POLICY_METADATA_KEY] ?? {}) as Record<string, unknown>;
  return Object.entries(records).map(([path, value]) => {
    try {
      return { stack, path, record: readPolicyRecord(value) };
    } catch (error) {
      throw new UsageError(`${file}: the policy record of '${path}' cannot be read: ${(error as Error).message}.`);
    }
  });
}

function assemblyRecords(directory: string): RecordedConstruct[] {
  const manifest = readJson<Manifest>(join(directory, 'manifest.json'), 'The cloud assembly manifest');
  return Object.entries(manifest.artifacts ?? {}).flatMap(([id, artifact]) => {
    if (artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile) {
      return stackRecords(directory, artifact.displayName ?? id, artifact.properties.templateFile);
    }
    if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      return assemblyRecords(join(directory, artifact.properties.directoryName));
    }
    return [];
  });
}

/** Every apple-ports construct of the assembly in `directory`, sorted by construct path. */
export function readCloudAssembly(directory: string): RecordedConstruct[] {
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    throw new UsageError(`${directory} is not a directory. Give the cloud assembly \`cdk synth\` writes (cdk.out, or the directory of \`cdk synth -o\`).`);
  }
  if (!existsSync(join(directory, 'manifest.json'))) {
    throw new UsageError(`${directory} is not a cloud assembly: it has no manifest.json. Run \`npx cdk synth\` first, or give the directory of \`cdk synth -o\`.`);
  }
  return assemblyRecords(directory).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
