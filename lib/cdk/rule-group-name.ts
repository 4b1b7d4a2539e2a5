/**
 * The name a Network Firewall rule group gets in CloudFormation: the user's, or one generated from
 * the construct path that ends with the capacity (`…-c200`). Capacity and name cannot change in
 * place, so a new capacity is a new name and CloudFormation creates the new group before it
 * deletes the old one; the core refuses a fixed name without a fixed capacity.
 */
import { Names } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { RULE_GROUP_NAME_MAX_LENGTH, type RuleGroupNaming } from '../core/internal';

/** The rule group's name for `scope`. */
export function ruleGroupNameFor(scope: Construct, given: string | undefined, naming: RuleGroupNaming): string {
  if (given !== undefined) {
    return given;
  }
  const suffix = naming.generatedNameSuffix;
  return `${Names.uniqueResourceName(scope, { maxLength: RULE_GROUP_NAME_MAX_LENGTH - suffix.length, separator: '-', allowedSpecialCharacters: '-' })}${suffix}`;
}
