/**
 * What CloudFormation does when a stack goes from one template to another, judged with
 * `@aws-cdk/cloudformation-diff` (the engine of `cdk diff`, which knows from AWS's resource
 * specification which property changes replace a resource). Lists what would fail or hurt on a
 * real account; an empty list means the update is safe.
 */
import { fullDiff } from '@aws-cdk/cloudformation-diff';

/** A synthesized template, as `Template.toJSON()` or `app.synth()` gives it. */
export type TemplateJson = { readonly Resources?: Record<string, { readonly Type: string; readonly Properties?: Record<string, unknown> }> };

/** Properties that give a resource a fixed physical name: CloudFormation cannot replace it under the same name. */
const NAME_PROPERTIES: Readonly<Record<string, string>> = {
  'AWS::EC2::SecurityGroup': 'GroupName',
  'AWS::EC2::PrefixList': 'PrefixListName',
  'AWS::NetworkFirewall::RuleGroup': 'RuleGroupName',
  'AWS::Route53Resolver::FirewallDomainList': 'Name',
  'AWS::Route53Resolver::FirewallRuleGroup': 'Name',
};

/** `acl egress 100`: what AWS holds at most one network ACL entry for. */
function entrySlot(properties: Record<string, unknown>): string {
  return `${JSON.stringify(properties.NetworkAclId)} ${properties.Egress === true ? 'egress' : 'ingress'} ${String(properties.RuleNumber)}`;
}

const DNS_ASSOCIATION = 'AWS::Route53Resolver::FirewallRuleGroupAssociation';

/**
 * What AWS holds at most one DNS Firewall association for: a rule group in a VPC (`FirewallRuleGroupId`
 * and `VpcId`, both replace the association when they change), and a priority in a VPC ("You must
 * specify a unique priority for each rule group that you associate with a single VPC").
 */
function associationSlots(properties: Record<string, unknown>): string[] {
  const vpc = JSON.stringify(properties.VpcId);
  return [`rule group ${JSON.stringify(properties.FirewallRuleGroupId)} in VPC ${vpc}`, `priority ${String(properties.Priority)} in VPC ${vpc}`];
}

/** Every way the update from `before` to `after` would fail or cut traffic on a real account. */
export function updateProblems(before: TemplateJson, after: TemplateJson): string[] {
  const problems: string[] = [];
  const beforeResources = before.Resources ?? {};
  const afterResources = after.Resources ?? {};
  const diff = fullDiff(before as Parameters<typeof fullDiff>[0], after as Parameters<typeof fullDiff>[1]);
  // Network ACL slots held by entries that stay through the update, with the id holding each.
  const heldSlots = new Map<string, string>();
  for (const [id, resource] of Object.entries(beforeResources)) {
    if (resource.Type === 'AWS::EC2::NetworkAclEntry' && afterResources[id] !== undefined) {
      heldSlots.set(entrySlot(resource.Properties ?? {}), id);
    }
  }
  // DNS Firewall association slots before the update. An association created by the update (added,
  // or a replacement) exists before CloudFormation deletes the old ones in its clean-up.
  const heldAssociationSlots = new Map<string, string>();
  for (const [id, resource] of Object.entries(beforeResources)) {
    if (resource.Type === DNS_ASSOCIATION) {
      for (const slot of associationSlots(resource.Properties ?? {})) {
        heldAssociationSlots.set(slot, id);
      }
    }
  }
  diff.resources.forEachDifference((id, change) => {
    const type = change.newResourceType ?? change.oldResourceType ?? '';
    const replaced = change.changeImpact === 'WILL_REPLACE';
    const nameProperty = NAME_PROPERTIES[type];
    const oldName = nameProperty !== undefined ? beforeResources[id]?.Properties?.[nameProperty] : undefined;
    const newName = nameProperty !== undefined ? afterResources[id]?.Properties?.[nameProperty] : undefined;
    // A replacement under a new name is created before the old resource is deleted: only the same name fails.
    const named = (oldName !== undefined || newName !== undefined) && JSON.stringify(oldName) === JSON.stringify(newName);
    if (replaced && named) {
      problems.push(`${id} (${type}) would be replaced under its custom name ${nameProperty}, which CloudFormation refuses.`);
    }
    if (replaced && type === 'AWS::EC2::SecurityGroup') {
      problems.push(`${id} (AWS::EC2::SecurityGroup) would be replaced, cutting every connection it allows and every reference to it.`);
    }
    if (type === 'AWS::EC2::NetworkAclEntry' && (replaced || change.isAddition)) {
      const slot = entrySlot(afterResources[id]?.Properties ?? {});
      const holder = heldSlots.get(slot);
      // A replacement is created before the entry it replaces is deleted, and an addition may run
      // before another entry's update frees the number: either fails while the number is taken.
      if (holder !== undefined && (holder !== id || replaced)) {
        problems.push(`${id} (AWS::EC2::NetworkAclEntry) would be created on ${slot}, still held by ${holder}: NetworkAclEntryAlreadyExists.`);
      }
    }
    if (type === DNS_ASSOCIATION && (replaced || change.isAddition)) {
      for (const slot of associationSlots(afterResources[id]?.Properties ?? {})) {
        const holder = heldAssociationSlots.get(slot);
        if (holder !== undefined && (holder !== id || replaced)) {
          problems.push(`${id} (${DNS_ASSOCIATION}) would be created for the ${slot}, still held by ${holder}: AWS refuses a second one.`);
        }
      }
    }
    if (type === 'AWS::EC2::SubnetNetworkAclAssociation' && (replaced || change.isAddition || change.isRemoval)) {
      const subnetsBefore = associatedSubnets(beforeResources);
      const subnetsAfter = associatedSubnets(afterResources);
      if (JSON.stringify(subnetsBefore) === JSON.stringify(subnetsAfter)) {
        problems.push(`${id} (AWS::EC2::SubnetNetworkAclAssociation) would be ${replaced ? 'replaced' : change.isAddition ? 'added' : 'removed'} though the subnets did not change: the subnet switches ACL mid-update.`);
      }
    }
  });
  return problems;
}

function associatedSubnets(resources: NonNullable<TemplateJson['Resources']>): string[] {
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::EC2::SubnetNetworkAclAssociation')
    .map((r) => JSON.stringify(r.Properties?.SubnetId))
    .sort();
}

/** The kind of change each resource sees, for assertions: `Id: WILL_UPDATE`. */
export function changeImpacts(before: TemplateJson, after: TemplateJson): string[] {
  const impacts: string[] = [];
  fullDiff(before as Parameters<typeof fullDiff>[0], after as Parameters<typeof fullDiff>[1]).resources.forEachDifference((id, change) => {
    impacts.push(`${id}: ${change.changeImpact}`);
  });
  return impacts.sort();
}
