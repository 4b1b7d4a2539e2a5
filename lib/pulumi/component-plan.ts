/**
 * What a component translates before the core plans it: Pulumi outputs become placeholders, and
 * its targets become what the planner reads. Every problem is gathered, so one error lists them
 * all; no resource is created, so the component can refuse bad input up front.
 */
import * as pulumi from '@pulumi/pulumi';
import type { Direction, PlanOutcome, Problem } from '../core';
import { peersField, planServices, resourceIdProblems, type AdapterVocabulary, type GivenResourceId, type NetworkAclDesign, type ServicesDesign } from '../core/internal';
import type { AppleServicesCommonArgs, PulumiDestination } from './apple-services-args';
import { InputReferences } from './input-references';

/** What a component's args look like to the planner, whichever the direction. */
export interface PlannerArgs extends AppleServicesCommonArgs {
  /** Destinations (egress) or sources (ingress). @default the direction's default: anywhere for egress, none for ingress */
  readonly peers?: readonly PulumiDestination[];
  /** What `'apple-network'` stands for. @default Apple's network from the catalogue */
  readonly appleNetworkPeers?: readonly PulumiDestination[];
}

/** How the components name themselves and their args in the planner's messages. */
export const PULUMI_VOCABULARY: AdapterVocabulary = {
  typeName: { egress: 'AppleServicesEgress', ingress: 'AppleServicesIngress' },
  claimant: 'component',
  props: { vpc: 'vpcId', securityGroup: 'securityGroupId', subnets: 'subnetIds', networkAcl: 'networkAclId' },
  peerExamples: "a bastion security group ({ securityGroup: bastion }), an admin CIDR ('203.0.113.0/24') or a prefix list ('pl-…')",
};

/** The core's design, and the way back from its placeholders to the user's inputs. */
export interface ComponentPlan {
  readonly design: ServicesDesign;
  /** The network ACL design, when the component has an ACL. */
  readonly networkAcl?: NetworkAclDesign;
  readonly references: InputReferences;
}

function subnetsKind(subnetIds: AppleServicesCommonArgs['subnetIds']): 'list' | 'empty' | 'output' | undefined {
  if (subnetIds === undefined) {
    return undefined;
  }
  if (!Array.isArray(subnetIds) || pulumi.Output.isInstance(subnetIds)) {
    return 'output';
  }
  return subnetIds.length === 0 ? 'empty' : 'list';
}

/** The target ids given as plain strings, which the core checks; Outputs are only known at deploy time. */
function targetIds(args: AppleServicesCommonArgs): GivenResourceId[] {
  const given = (kind: GivenResourceId['kind'], id: pulumi.Input<string> | undefined, field: string): GivenResourceId[] => (typeof id === 'string' ? [{ kind, id, field }] : []);
  return [
    ...given('vpc', args.vpcId, 'vpcId'),
    ...given('security-group', args.securityGroupId, 'securityGroupId'),
    ...(Array.isArray(args.subnetIds) ? args.subnetIds.flatMap((id, index) => given('subnet', id, `subnetIds[${index}]`)) : []),
    ...given('network-acl', args.networkAclId, 'networkAclId'),
  ];
}

/** Translates a component's args and plans it in the core. */
export function planComponent(args: PlannerArgs, direction: Direction): PlanOutcome<ComponentPlan> {
  const problems: Problem[] = [];
  const references = new InputReferences();
  const peers = references.toCoreDestinations(args.peers, peersField(direction), problems);
  const appleNetworkPeers = references.toCoreDestinations(args.appleNetworkPeers, 'appleNetworkPeers', problems);
  if (problems.length > 0) {
    // The planner would only add noise about lists emptied of the peers it could not read.
    return { ok: false, problems };
  }
  const outcome = planServices({
    ...args,
    direction,
    peers,
    appleNetworkPeers,
    networkAclStandIns: references.networkAclStandIns,
    ownedSecurityGroups: new Set(references.ownedSecurityGroups.keys()),
    target: {
      vpc: args.vpcId !== undefined,
      securityGroup: args.securityGroupId !== undefined,
      subnets: subnetsKind(args.subnetIds),
      networkAcl: args.networkAclId !== undefined,
    },
    isUnresolved: references.isPlaceholder,
    readable: (text) => references.readable(text),
    vocabulary: PULUMI_VOCABULARY,
  });
  const idProblems = resourceIdProblems(targetIds(args));
  if (!outcome.ok || idProblems.length > 0) {
    return { ok: false, problems: [...idProblems, ...(outcome.ok ? [] : outcome.problems)] };
  }
  const design = outcome.value;
  const networkAcl = design.networkAcl === 'none' ? undefined : design.networkAclDesign();
  if (networkAcl !== undefined && !networkAcl.ok) {
    return networkAcl;
  }
  return { ok: true, value: { design, ...(networkAcl !== undefined ? { networkAcl: networkAcl.value } : {}), references } };
}
