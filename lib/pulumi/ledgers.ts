/**
 * One ledger per security group and network ACL that apple-ports components put rules on, so
 * components sharing a target are checked together (the ledgers themselves are the core's).
 *
 * A target is known by its id: the very Output passed around the program (kept weakly, so it ends
 * with the program), or the id string. Strings are kept per Pulumi stack resource, so programs run
 * one after another in one process (the Automation API's inline programs) never see each other's
 * claims; under runtime mocks, which have no stack resource, they last for the process.
 */
import * as pulumi from '@pulumi/pulumi';
import { NetworkAclLedger, SecurityGroupLedger } from '../core/internal';

/** The ledgers of one kind of target. */
class LedgerBook<T> {
  private readonly byObject = new WeakMap<object, T>();
  private readonly byStack = new WeakMap<object, Map<string, T>>();
  private readonly withoutStack = new Map<string, T>();

  constructor(private readonly create: () => T) {}

  /** The ledger of the target with this id, created on first use. */
  public of(id: pulumi.Input<string>): T {
    if (typeof id === 'string') {
      const strings = this.strings();
      let ledger = strings.get(id);
      if (ledger === undefined) {
        ledger = this.create();
        strings.set(id, ledger);
      }
      return ledger;
    }
    let ledger = this.byObject.get(id as object);
    if (ledger === undefined) {
      ledger = this.create();
      this.byObject.set(id as object, ledger);
    }
    return ledger;
  }

  /** Makes `alias` (e.g. a component's `networkAclId` output) name the same ledger as `id`. */
  public alias(id: pulumi.Input<string>, alias: pulumi.Output<string>): void {
    if ((alias as unknown) !== id) {
      this.byObject.set(alias, this.of(id));
    }
  }

  private strings(): Map<string, T> {
    const stack = pulumi.runtime.getStackResource();
    if (stack === undefined) {
      return this.withoutStack;
    }
    let strings = this.byStack.get(stack);
    if (strings === undefined) {
      strings = new Map();
      this.byStack.set(stack, strings);
    }
    return strings;
  }
}

/** Ledgers of the security groups components add rules to. */
export const securityGroupLedgers = new LedgerBook(() => new SecurityGroupLedger());
/** Ledgers of the network ACLs components add entries to. */
export const networkAclLedgers = new LedgerBook(() => new NetworkAclLedger());

const inputIds = new WeakMap<object, number>();
let nextInputId = 1;

/** A value as ledger content: its text, or a stable tag for an Output (the same Output, the same tag). */
export function inputContent(value: pulumi.Input<string>): string {
  if (typeof value === 'string') {
    return value;
  }
  const object = value as object;
  if (!inputIds.has(object)) {
    inputIds.set(object, nextInputId++);
  }
  return `<input ${inputIds.get(object)}>`;
}
