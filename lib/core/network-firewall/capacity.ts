/**
 * The capacity a Network Firewall rule group reserves, for both forms (Suricata rules and domain
 * lists). AWS fixes a rule group's capacity, name and type when it is created, so a rule group
 * whose rules outgrow it must be replaced: the default leaves room to grow, a generated name
 * carries the capacity so a replacement gets a new name, and a fixed name needs a given capacity.
 */
import { NETWORK_FIREWALL_QUOTAS } from '../aws/facts';
import type { Problem } from '../problems';

/** Room to grow: the default reserves half again as much as the rules need. */
export const CAPACITY_HEADROOM = 1.5;

/** Default capacities are whole steps of this, so most catalogue changes keep the same capacity. */
export const CAPACITY_STEP = 100;

/**
 * The capacity reserved when none is given: the rules' capacity × {@link CAPACITY_HEADROOM},
 * rounded up to a whole {@link CAPACITY_STEP}, within AWS's
 * {@link NETWORK_FIREWALL_QUOTAS.statefulRuleGroupCapacityMax} unless the rules alone need more.
 * Adding a product usually fits; when it does not, the capacity and so the generated name change,
 * and the group is replaced safely.
 */
export function defaultCapacity(required: number): number {
  const grown = Math.ceil((required * CAPACITY_HEADROOM) / CAPACITY_STEP) * CAPACITY_STEP;
  return Math.min(Math.max(grown, CAPACITY_STEP), Math.max(NETWORK_FIREWALL_QUOTAS.statefulRuleGroupCapacityMax, required));
}

/** The end of a generated rule group name: `-c200` for capacity 200, so a new capacity is a new name. */
export function capacityNameSuffix(capacity: number): string {
  return `-c${capacity}`;
}

/** A problem for a capacity that is not a whole number AWS accepts; true when it is one. */
export function checkCapacityValue(given: number | undefined, problems: Problem[], field = 'capacity'): boolean {
  const max = NETWORK_FIREWALL_QUOTAS.statefulRuleGroupCapacityMax;
  if (given === undefined || (Number.isInteger(given) && given >= 1 && given <= max)) {
    return true;
  }
  problems.push({ code: 'invalid-capacity', message: `${field} ${String(given)} is not a rule-group capacity. Use a whole number from 1 to ${max}, at least what the rules need, or leave it out.` });
  return false;
}

/**
 * The capacity to reserve: the given one, checked against the rules and AWS's maximum, or the
 * default; problems for a capacity that is not a whole number, is below the rules' or above AWS's.
 * `field` names the option in messages (`--capacity` on the command line).
 */
export function planCapacity(required: number, given: number | undefined, problems: Problem[], field = 'capacity'): number {
  const max = NETWORK_FIREWALL_QUOTAS.statefulRuleGroupCapacityMax;
  if (given === undefined) {
    if (required > max) {
      problems.push({ code: 'invalid-capacity', message: `The selection needs capacity ${required}, above the ${max} one stateful rule group can reserve. Split the selection over two rule groups.` });
    }
    return defaultCapacity(required);
  }
  if (checkCapacityValue(given, problems, field) && given < required) {
    problems.push({
      code: 'invalid-capacity',
      message: `${field} ${given} is below the ${required} this selection needs. Use at least ${required} (${defaultCapacity(required)} leaves room to grow), or leave it out; a deployed rule group cannot grow in place, so a new capacity replaces it.`,
    });
  }
  return given;
}
