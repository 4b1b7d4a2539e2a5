/**
 * Pulumi outputs as resolver peers. The resolver needs plain values, but a bastion's security-group
 * id is an `Output` until deploy time. Each output becomes a readable placeholder the resolver
 * passes through unvalidated; the placeholder is swapped back for the output when the rules are
 * created, so no resource is ever created inside `apply`.
 *
 * A placeholder names the output as the program does: the resource it comes from and the field it
 * was given as (`<bastion.securityGroupId>`), or, for an output of no single resource, where it was
 * given (`<sources[1].cidrIpv4>`). Rules used to be named by numbered placeholders
 * (`<securityGroupId#0>`); each placeholder keeps that old name so the rules named after it can
 * carry it as an alias, and an upgrade renames them in place instead of replacing them.
 */
import * as pulumi from '@pulumi/pulumi';
import { SecurityGroup } from '@pulumi/aws/ec2';
import type { AddressFamily, Destination, Peer, Problem } from '../core';
import type { PulumiDestination } from './apple-services-args';
import { findPrefixListFacts, type PrefixListFacts } from './prefix-list-peers';

type ReferenceField = 'securityGroup' | 'securityGroupId' | 'prefixListId' | 'cidrIpv4' | 'cidrIpv6';

/** What a placeholder may stand for: a reference's value, or a plain string argument such as `homeNet` or a VPC id. */
type PlaceholderField = Exclude<ReferenceField, 'securityGroup'> | 'homeNet' | 'vpcIds';

const REFERENCE_FIELDS: readonly ReferenceField[] = ['securityGroup', 'securityGroupId', 'prefixListId', 'cidrIpv4', 'cidrIpv6'];

/** What `String(output)` gives: a common mistake is a template string around an output. */
const STRINGIFIED_OUTPUT = 'Calling [toString] on an [Output<T>] is not supported';

const WRAP_HINT = 'say what it is: { securityGroup: … }, { securityGroupId: … }, { prefixListId: … }, { cidrIpv4: … } or { cidrIpv6: … }';

function isPending(value: unknown): boolean {
  return pulumi.Output.isInstance(value) || (typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function');
}

/** The name a resource was given in the program, when the SDK tells it. */
function nameOfResource(resource: pulumi.Resource): string | undefined {
  const named = (pulumi as { resourceName?: (resource: pulumi.Resource) => string }).resourceName;
  try {
    return typeof named === 'function' ? named(resource) : (resource as { __name?: string }).__name;
  } catch {
    // Resources built by an SDK that does not record names: the placeholder says where the value was given.
    return undefined;
  }
}

/**
 * The one resource an output's value comes from (`bastion` for `bastion.id`), if there is exactly
 * one. Outputs carry the resources they depend on for the engine; the SDK has no public accessor.
 */
function sourceResourceOf(input: unknown): pulumi.Resource | undefined {
  if (!pulumi.Output.isInstance(input)) {
    return undefined;
  }
  const resources = (input as { resources?: () => Set<pulumi.Resource> }).resources?.();
  return resources instanceof Set && resources.size === 1 ? [...resources][0] : undefined;
}

/** Placeholders for the outputs among a component's destinations, and the way back. */
export class InputReferences {
  private readonly inputs = new Map<string, pulumi.Input<string>>();
  private readonly placeholders = new Map<PlaceholderField, Map<unknown, string>>();
  /** The numbered name each placeholder had before placeholders were named: `<securityGroupId#0>`. */
  private readonly legacyNames = new Map<string, string>();
  private readonly legacyCounts = new Map<PlaceholderField, number>();
  /** Placeholders of security groups given as `{ securityGroup }`, which get the matching rule. */
  private readonly groups = new Map<string, SecurityGroup>();
  /** Placeholders of prefix lists an `AppleNetworkPrefixList` created → what is known of them. */
  private readonly prefixLists = new Map<string, PrefixListFacts>();

  /** True for a placeholder this registry made; the resolver skips validating it. */
  public readonly isPlaceholder = (value: string): boolean => this.inputs.has(value);

  /**
   * Turns destinations into the core's form. `where` names the argument in messages, e.g.
   * `'destinations'`.
   */
  public toCoreDestinations(destinations: readonly PulumiDestination[] | undefined, where: string, problems: Problem[]): Destination[] | undefined {
    if (destinations === undefined) {
      return undefined;
    }
    const result: Destination[] = [];
    destinations.forEach((destination, index) => {
      const converted = this.toCoreDestination(destination, `${where}[${index}]`, problems);
      if (converted !== undefined) {
        result.push(converted);
      }
    });
    return result;
  }

  /**
   * A plain string for the core: the string itself, or a placeholder (`<vpc.homeNet>`) for an
   * Output, which the core passes through unvalidated. `where` names the argument in messages.
   */
  public toCoreString(value: pulumi.Input<string>, field: 'homeNet' | 'vpcIds', where: string, problems: Problem[]): string | undefined {
    if (typeof value === 'string') {
      if (value.includes(STRINGIFIED_OUTPUT)) {
        problems.push({ code: 'unwrapped-output', message: `${where} is a Pulumi Output turned into a string by a template literal; pass the Output itself.` });
        return undefined;
      }
      return value;
    }
    return this.placeholderFor(field, value, where);
  }

  /** The value to give AWS for a peer's id or CIDR: the original input for a placeholder. */
  public inputFor(value: string): pulumi.Input<string> {
    return this.inputs.get(value) ?? value;
  }

  /** The numbered name a placeholder had in earlier versions, for aliases of the resources named after it. */
  public legacyNameOf(placeholder: string): string | undefined {
    return this.legacyNames.get(placeholder);
  }

  /** `text` with every placeholder in it swapped back for its input; the text itself when it holds none. */
  public interpolate(text: string): pulumi.Input<string> {
    const used = [...this.inputs.keys()].filter((placeholder) => text.includes(placeholder));
    if (used.length === 0) {
      return text;
    }
    return pulumi.all(used.map((placeholder) => this.inputs.get(placeholder)!)).apply((values) => used.reduce((result, placeholder, index) => result.replaceAll(placeholder, values[index]!), text));
  }

  /** Text with the placeholders of lists apple-ports created replaced by the lists' names, for messages. */
  public readable(text: string): string {
    let result = text;
    for (const [placeholder, facts] of this.prefixLists) {
      // The label quotes the component's name itself: `AppleNetworkPrefixList 'apple'`.
      result = result.replaceAll(`'${placeholder}'`, facts.label).replaceAll(placeholder, facts.label);
    }
    return result;
  }

  /** Prefix lists (by placeholder) an `AppleNetworkPrefixList` filled from the catalogue, with the CIDRs network ACL entries use instead. */
  public get networkAclStandIns(): ReadonlyMap<string, readonly Peer[]> {
    return new Map([...this.prefixLists].map(([placeholder, facts]) => [placeholder, facts.networkAclPeers]));
  }

  /** Security groups given as `{ securityGroup }`, by placeholder: the planner gives each the matching rule. */
  public get ownedSecurityGroups(): ReadonlyMap<string, SecurityGroup> {
    return this.groups;
  }

  private toCoreDestination(destination: PulumiDestination, where: string, problems: Problem[]): Destination | undefined {
    if (isPending(destination)) {
      problems.push({ code: 'unwrapped-output', message: `${where} is a Pulumi Output or Promise; ${WRAP_HINT}.` });
      return undefined;
    }
    if (typeof destination === 'string') {
      if (destination.includes(STRINGIFIED_OUTPUT)) {
        problems.push({ code: 'unwrapped-output', message: `${where} is a Pulumi Output turned into a string by a template literal; pass the Output itself and ${WRAP_HINT}.` });
        return undefined;
      }
      return destination;
    }
    if (typeof destination !== 'object' || destination === null || 'kind' in destination) {
      // Peers and anything unexpected go to the resolver, which validates them.
      return destination as Destination;
    }
    const fields = REFERENCE_FIELDS.filter((field) => field in destination);
    if (fields.length !== 1) {
      problems.push({
        code: 'invalid-reference',
        message: `${where} must have exactly one of securityGroup, securityGroupId, prefixListId, cidrIpv4 or cidrIpv6${fields.length > 1 ? ` (it has ${fields.join(', ')})` : ''}.`,
      });
      return undefined;
    }
    const field = fields[0];
    if (field === 'securityGroup') {
      const group = (destination as { securityGroup: unknown }).securityGroup;
      if (!SecurityGroup.isInstance(group)) {
        problems.push({
          code: 'invalid-reference',
          message: `${where}.securityGroup must be an aws.ec2.SecurityGroup created in the program, which gets the matching rule. For a group known by its id, pass { securityGroupId: … }.`,
        });
        return undefined;
      }
      // Keyed by the group's id output, so `{ securityGroupId: group.id }` is the same peer.
      const id = this.placeholderFor('securityGroupId', group.id, where, group);
      this.groups.set(id, group);
      return { kind: 'security-group', id };
    }
    const value = (destination as Record<PlaceholderField, pulumi.Input<string>>)[field];
    const id = typeof value === 'string' ? value : this.placeholderFor(field, value, where);
    switch (field) {
      case 'securityGroupId':
        return { kind: 'security-group', id };
      case 'prefixListId': {
        const given = destination as { maxEntries?: number; family?: AddressFamily };
        const facts = findPrefixListFacts(value);
        if (facts !== undefined) {
          this.prefixLists.set(id, facts);
        }
        // AWS counts a list apple-ports created as it is, whatever the reference claims.
        const maxEntries = facts?.maxEntries ?? given.maxEntries;
        const family = facts?.family ?? given.family;
        return { kind: 'prefix-list', id, ...(maxEntries !== undefined ? { maxEntries } : {}), ...(family !== undefined ? { family } : {}) };
      }
      case 'cidrIpv4':
        return { kind: 'ipv4', cidr: id };
      case 'cidrIpv6':
        return { kind: 'ipv6', cidr: id };
    }
  }

  /**
   * One placeholder per distinct input: `<bastion.securityGroupId>` after the resource the value
   * comes from, else `<sources[1].cidrIpv4>` after where it was given (`where`, with the field
   * unless `where` names it already). Two inputs named alike stay apart: `<vpc.cidrIpv4 #2>`.
   */
  private placeholderFor(field: PlaceholderField, input: pulumi.Input<string>, where: string, resource = sourceResourceOf(input)): string {
    const ofField = this.placeholders.get(field) ?? new Map<unknown, string>();
    this.placeholders.set(field, ofField);
    const known = ofField.get(input);
    if (known !== undefined) {
      return known;
    }
    const resourceName = resource !== undefined ? nameOfResource(resource) : undefined;
    // A VPC given in `vpcIds` is its id: `<vdi.vpcId>`.
    const label = field === 'vpcIds' ? 'vpcId' : field;
    const name = resourceName !== undefined ? `${resourceName}.${label}` : where.startsWith(field) ? where : `${where}.${label}`;
    let placeholder = `<${name}>`;
    for (let n = 2; this.inputs.has(placeholder); n++) {
      placeholder = `<${name} #${n}>`;
    }
    ofField.set(input, placeholder);
    this.inputs.set(placeholder, input);
    // Numbered per field in order of first appearance, as placeholders were before they were named.
    const index = this.legacyCounts.get(field) ?? 0;
    this.legacyCounts.set(field, index + 1);
    this.legacyNames.set(placeholder, `<${field}#${index}>`);
    return placeholder;
  }
}
