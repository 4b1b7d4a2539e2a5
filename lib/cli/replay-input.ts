/**
 * What `--replay` names, read into a candidate policy: a `cdk.out` directory (the policies its
 * apple-ports constructs recorded, or, without any, its templates' security groups), a JSON file (a resolved policy, or a CloudFormation template), or a
 * selection of products and profiles.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ApplePortsError,
  findProfile,
  isResolvedPolicy,
  parseSelection,
  replayPolicyFromRecords,
  replayPolicyFromResolved,
  replayPolicyFromSelection,
  replayPolicyFromTemplates,
  type ReplayPolicy,
  type ResolvedPolicy,
} from '../core';
import { readCloudAssembly } from './cloud-assembly';
import { readJsonFile } from './json-file';
import { splitList } from './options';

function templatesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? templatesIn(path) : entry.name.endsWith('.template.json') ? [path] : [];
    });
}

function readJson(path: string): unknown {
  return readJsonFile(path, (reason) => ({
    code: 'invalid-replay-policy',
    message: `--replay ${path}: not JSON (${reason}). Give a policy JSON, a template, a cdk.out directory or products.`,
  }));
}

/** The security-group policies the apple-ports constructs of a cloud assembly recorded, by construct path. */
function recordedPolicies(directory: string): { path: string; policy: ResolvedPolicy }[] {
  return readCloudAssembly(directory).flatMap(({ path, record }) =>
    record.type === 'AppleServicesEgress' || record.type === 'AppleServicesIngress' ? [{ path, policy: record.policy }] : [],
  );
}

/** The candidate policy `--replay` names. */
export function readReplayPolicy(value: string): ReplayPolicy {
  if (existsSync(value)) {
    if (statSync(value).isDirectory()) {
      const recorded = existsSync(join(value, 'manifest.json')) ? recordedPolicies(value) : [];
      if (recorded.length > 0) {
        return replayPolicyFromRecords(recorded, value);
      }
      const templates = templatesIn(value).map((file) => ({ name: file.slice(value.length).replace(/^[\\/]/, ''), template: readJson(file) }));
      return replayPolicyFromTemplates(templates, value);
    }
    const json = readJson(value);
    if (isResolvedPolicy(json)) {
      return replayPolicyFromResolved(json, value);
    }
    return replayPolicyFromTemplates([{ name: value, template: json }], value);
  }
  const names = splitList([value]);
  const profiles = names.filter((name) => findProfile(name));
  const products = names.filter((name) => !findProfile(name));
  try {
    return replayPolicyFromSelection(parseSelection({ products, profiles }), names.join(', '));
  } catch (error) {
    if (error instanceof ApplePortsError) {
      throw new ApplePortsError(error.problems.map((p) => ({ ...p, message: `--replay: ${p.message}` })));
    }
    throw error;
  }
}
