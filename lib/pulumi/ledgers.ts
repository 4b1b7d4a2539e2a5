/**
 * One ledger per security group and network ACL that apple-ports components put rules on, so
 * components sharing a target are checked together (the ledgers themselves are the core's).
 *
 * A target is known by its id: the very Output passed around the program (kept weakly, so it ends
 * with the program), or the id string. Strings are kept per resource monitor, the engine
 * connection one program run has, so programs run one after another in one process (the
 * Automation API's inline programs, or tests that set the runtime mocks again) never see each
 * other's claims.
 */
import * as pulumi from '@pulumi/pulumi';
import { DnsFirewallVpcLedger, NetworkAclLedger, SecurityGroupLedger, SubnetLedger } from '../core/internal';

/** The ledgers of one kind of target. */
class LedgerBook<T> {
  private readonly byObject = new WeakMap<object, T>();
  private readonly byMonitor = new WeakMap<object, Map<string, T>>();
  /** Before any monitor is set (a program constructing resources outside a Pulumi run). */
  private readonly withoutMonitor = new Map<string, T>();

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
    const monitor = pulumi.runtime.getMonitor();
    if (monitor === undefined) {
      return this.withoutMonitor;
    }
    let strings = this.byMonitor.get(monitor);
    if (strings === undefined) {
      strings = new Map();
      this.byMonitor.set(monitor, strings);
    }
    return strings;
  }
}

/** Ledgers of the security groups components add rules to. */
export const securityGroupLedgers = new LedgerBook(() => new SecurityGroupLedger());
/** Ledgers of the network ACLs components add entries to. */
export const networkAclLedgers = new LedgerBook(() => new NetworkAclLedger());
/**
 * Ledgers of the subnets components associate a network ACL with. A subnet id known when the
 * program runs, or the same Output passed to two components, is caught; two different Outputs
 * that resolve to the same subnet only at deploy time cannot be told apart before deployment.
 */
export const subnetLedgers = new LedgerBook(() => new SubnetLedger());

/**
 * Ledgers of the VPCs components associate a DNS Firewall rule group with: a VPC id known when the
 * program runs, or the same Output passed to two components, is caught.
 */
export const dnsFirewallVpcLedgers = new LedgerBook(() => new DnsFirewallVpcLedger());

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

/**
 * The tag an Output created later will have: a component checks its claims before it creates the
 * group whose id they name, then binds the id's Output to the tag with `bindInputContent`.
 */
export function reserveInputContent(): { readonly content: string; readonly bind: (output: pulumi.Output<string>) => void } {
  const id = nextInputId++;
  return { content: `<input ${id}>`, bind: (output) => inputIds.set(output, id) };
}
