/**
 * The `HOME_NET` a rule group's rules allow traffic from, checked once for every planner that takes
 * it: the Suricata rule group and the domain list.
 */
import { API_TERMS, asSentenceEnd, parseCidr, type SelectionTerms } from '../policy';
import type { Problem } from '../problems';

/**
 * The problems of a `homeNet`: an empty list, or an entry that is not a CIDR (values known only at
 * deploy time are skipped). None when `homeNet` is not given: the firewall policy's applies.
 */
export function homeNetProblems(homeNet: readonly string[] | undefined, isUnresolved: (value: string) => boolean, terms: SelectionTerms = API_TERMS): Problem[] {
  if (homeNet === undefined) {
    return [];
  }
  const field = terms.field('homeNet');
  const problems: Problem[] = [];
  if (homeNet.length === 0) {
    problems.push({ code: 'invalid-firewall-option', message: `${field} is empty. Name the CIDRs of the VPCs the Apple devices are in, or leave it out to use the firewall policy's HOME_NET.` });
  }
  for (const cidr of homeNet.filter((c) => !isUnresolved(c))) {
    const parsed = parseCidr(String(cidr));
    if (!parsed.ok) {
      problems.push({ code: 'invalid-firewall-option', message: `${field}: '${String(cidr)}' is not a CIDR: ${asSentenceEnd(parsed.reason)}` });
    }
  }
  return problems;
}
