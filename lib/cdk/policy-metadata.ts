/**
 * Writes each apple-ports construct's policy record into its stack's template, under the template
 * `Metadata` key `apple-ports:policies`, by construct path. The template's own Metadata section
 * rather than a resource's: a construct that only adds rules to groups it was given
 * (`applyTo()`) creates no resource of its own, and one section per stack is one place to read.
 * Records are produced when the stack is synthesized, so rules attached after construction count,
 * and they are sorted by path, so the template changes only when a policy does.
 */
import { Lazy, Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { POLICY_METADATA_KEY, policyRecord, type PolicyRecord, type PolicyRecordSubject } from '../review/policy-record';

const RECORDS = new WeakMap<Stack, Map<string, () => PolicyRecord>>();

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Records `subject()`'s policy for `construct` in its stack's template. */
export function recordPolicy(construct: Construct, subject: () => PolicyRecordSubject): void {
  const stack = Stack.of(construct);
  let records = RECORDS.get(stack);
  if (!records) {
    const byPath = new Map<string, () => PolicyRecord>();
    records = byPath;
    RECORDS.set(stack, byPath);
    const metadata = (stack.templateOptions.metadata ??= {});
    metadata[POLICY_METADATA_KEY] = Lazy.any({
      produce: () => Object.fromEntries([...byPath.keys()].sort(compareText).map((path) => [path, byPath.get(path)!()])),
    });
  }
  records.set(construct.node.path, () => policyRecord(subject()));
}
