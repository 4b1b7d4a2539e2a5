/**
 * What a string only known at deploy time stands for. A bare `securityGroup.securityGroupId` or
 * `prefixList.prefixListId` is a string token like a CIDR parameter; read back with
 * `Tokenization.reverseString`, it names the resource and attribute it refers to, so it can become
 * the right kind of peer rather than an IPv4 CIDR that CloudFormation refuses at deploy time.
 */
import { CfnParameter, CfnResource, Reference, Stack, Tokenization } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { IConstruct } from 'constructs';

/** A reference to one value of a resource or parameter: an attribute (`GroupId`) or `Ref`. */
export interface TokenReference {
  /** The resource or parameter referred to. */
  readonly target: IConstruct;
  /** The attribute, or `Ref` for the resource's or parameter's own value. */
  readonly attribute: string;
}

/**
 * What a referenced value is as a peer. `security-group-name` is the `Ref` of a security group
 * without a VPC id, which CloudFormation documents as the group's name, not its id.
 */
export type ReferencedPeerKind = 'security-group' | 'prefix-list' | 'security-group-name';

/** The reference a string consists of, or `undefined` when it is anything else (a concatenation, an import…). */
export function findTokenReference(value: string): TokenReference | undefined {
  const fragments = Tokenization.reverseString(value);
  const token = fragments.length === 1 ? fragments.firstToken : undefined;
  return token !== undefined && Reference.isReference(token) ? { target: token.target, attribute: token.displayName } : undefined;
}

/** The peer kind a reference stands for, or `undefined` for values that are taken as an IPv4 CIDR. */
export function referencedPeerKind({ target, attribute }: TokenReference): ReferencedPeerKind | undefined {
  if (target instanceof CfnParameter) {
    return target.type === 'AWS::EC2::SecurityGroup::Id' ? 'security-group' : undefined;
  }
  if (!CfnResource.isCfnResource(target)) {
    return undefined;
  }
  switch (target.cfnResourceType) {
    case ec2.CfnSecurityGroup.CFN_RESOURCE_TYPE_NAME:
      if (attribute === 'GroupId') {
        return 'security-group';
      }
      if (attribute === 'Ref') {
        return ec2.CfnSecurityGroup.isCfnSecurityGroup(target) && target.vpcId === undefined ? 'security-group-name' : 'security-group';
      }
      return undefined;
    case ec2.CfnPrefixList.CFN_RESOURCE_TYPE_NAME:
      return attribute === 'PrefixListId' || attribute === 'Ref' ? 'prefix-list' : undefined;
    default:
      return undefined;
  }
}

/**
 * The construct users know a resource by: the outermost construct whose default child it is
 * (`Test/Bastion` for the `AWS::EC2::SecurityGroup` at `Test/Bastion/Resource`).
 */
export function ownerOf(construct: IConstruct): IConstruct {
  let owner = construct;
  while (owner.node.scope !== undefined && !Stack.isStack(owner.node.scope) && owner.node.scope.node.defaultChild === owner) {
    owner = owner.node.scope;
  }
  return owner;
}

/** How messages name a referenced value: `Test/Vpc.CidrBlock`, or `Test/AdminCidr` for a `Ref`. */
export function describeReference({ target, attribute }: TokenReference): string {
  const path = ownerOf(target).node.path;
  return attribute === 'Ref' ? path : `${path}.${attribute}`;
}
