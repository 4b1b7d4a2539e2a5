/**
 * The command line's words for the selection: the resolver and the planners build their messages
 * from these, so an error names `--max-rules` or `--source`, never `maxRules` or `sources`.
 */
import type { SelectionTerms, TermField } from '../core/policy';

const FLAGS: Readonly<Record<TermField, string>> = {
  products: 'the products',
  profiles: '--profile',
  destinations: '--destination',
  sources: '--source',
  appleNetworkPeers: '--apple-network',
  ipv6: '--ipv6',
  includeLegacy: '--include-legacy',
  includeLinkLocal: '--include-link-local',
  exclude: '--exclude',
  extraRules: 'extra rules',
  maxRules: '--max-rules',
  securityGroupRuleQuota: 'the security-group rule quota',
  networkAclOptions: 'the network ACL options',
  hostGroups: '--host-group',
  sidBase: '--sid-base',
  capacity: '--capacity',
  homeNet: '--home-net',
  platforms: '--platform',
  appleRoute: '--pac-route',
  otherwise: '--pac-otherwise',
};

/** The terms of one command, whose name its examples use: `apple-ports resolve iCloud FaceTime`. */
export function cliTerms(command: string): SelectionTerms {
  const run = `apple-ports ${command}`;
  return {
    field: (field) => FLAGS[field],
    enable: (field) => `pass ${FLAGS[field]}`,
    direction: (direction) => (direction === 'ingress' ? '--ingress' : 'egress (without --ingress)'),
    chooseDirection: 'Name the profiles of one direction in each run, with --ingress for the ingress ones.',
    selectExample: `\`${run} iCloud FaceTime\` or \`${run} --profile managed-mac\``,
    peerExamples:
      '`--ingress --source sg-0123456789abcdef0` for a bastion security group, `--source 203.0.113.0/24` for an admin CIDR or `--source pl-0123456789abcdef0` for a prefix list',
    peer: (direction) => (direction === 'ingress' ? '--source' : '--destination'),
    appleNetwork: '--apple-network',
    anywhere: (direction) => (direction === 'ingress' ? '--source anywhere' : '--destination anywhere'),
    selectHostsExample: `\`${run} iCloud\` or \`${run} --host-group certificate-validation\``,
  };
}
