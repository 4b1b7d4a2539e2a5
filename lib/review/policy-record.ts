/**
 * The record of a construct's resolved policy that the CDK writes into the synthesized template,
 * so `apple-ports review cdk.out` can render and diff it without the app's code. One function
 * writes it and one reads it back; the record is versioned, holds only what the review needs,
 * and names values known only at deploy time as the user knows them (`{AppleMacHosts/Bastion}`),
 * never as token strings, so it is the same on every synth.
 */
import type { AppleProduct } from '../core/catalogue';
import type { AppleNetworkPrefixListPlan } from '../core/aws';
import type { DnsFirewallPlan } from '../core/dns-firewall';
import type { DomainListRuleGroupPlan, FirewallRuleGroupPlan } from '../core/network-firewall';
import type { PolicyNotice, PolicyRule, ResolvedPolicy } from '../core/policy';

/** The template `Metadata` key holding the records of a stack's constructs, by construct path. */
export const POLICY_METADATA_KEY = 'apple-ports:policies';

/** The version of the record's shape; a reader refuses versions it does not know. */
export const POLICY_RECORD_VERSION = 1;

/** The construct types that record a policy. */
export type RecordedConstructType = 'AppleServicesEgress' | 'AppleServicesIngress' | 'AppleServicesFirewallRules' | 'AppleNetworkPrefixList' | 'AppleServicesDomainList' | 'AppleDnsFirewall';

/** A rule as recorded: `widened` holds the port ranges only (protocol and peer are the rule's); empty lists are left out. */
export type RecordedRule = Omit<PolicyRule, 'extra' | 'widened'> & {
  /** @default [] */
  readonly extra?: readonly string[];
  /** @default [] */
  readonly widened?: readonly {
    /** The first port opened beyond the selection. */
    readonly fromPort: number;
    /** The last port opened beyond the selection, inclusive. */
    readonly toPort: number;
  }[];
};

/** A notice as recorded; the ports a budget widened are the rules' own. */
export type RecordedNotice = Omit<PolicyNotice, 'widened'>;

/** A resolved policy as recorded. */
export type RecordedPolicy = Omit<ResolvedPolicy, 'rules' | 'notices'> & {
  /** The rules, in the policy's order. */
  readonly rules: readonly RecordedRule[];
  /** The notices, in the policy's order. */
  readonly notices: readonly RecordedNotice[];
};

/** What a rule group was planned for, in its record. */
export interface RecordedSelection {
  /** The selected products after aliases and profiles are expanded, sorted. */
  readonly products: readonly AppleProduct[];
  /** The profiles selected, sorted. */
  readonly profiles: readonly string[];
  /** The host groups the named hosts come from, sorted. */
  readonly hostGroups: readonly string[];
}

/** What one construct records, by its type. */
export type PolicyRecord =
  | {
      /** The record's version, `POLICY_RECORD_VERSION`. */
      readonly version: 1;
      /** The construct that recorded it. */
      readonly type: 'AppleServicesEgress' | 'AppleServicesIngress';
      /** The construct's resolved policy. */
      readonly policy: RecordedPolicy;
    }
  | (RecordedSelection & {
      /** The record's version, `POLICY_RECORD_VERSION`. */
      readonly version: 1;
      /** The construct that recorded it. */
      readonly type: 'AppleServicesFirewallRules';
      /** The capacity reserved for the rule group. */
      readonly capacity: number;
      /** How many rules the group holds. */
      readonly rules: number;
      /** The hosts the rules allow by name, sorted as the plan sorts them. */
      readonly hosts: readonly string[];
      /** The port rules' policy; absent when only host groups are selected. */
      readonly policy?: RecordedPolicy;
    })
  | {
      /** The record's version, `POLICY_RECORD_VERSION`. */
      readonly version: 1;
      /** The construct that recorded it. */
      readonly type: 'AppleNetworkPrefixList';
      /** Apple's whole network (`apple`) or the APNs subnets (`apns`). */
      readonly scope: AppleNetworkPrefixListPlan['scope'];
      /** The list's address family. */
      readonly family: AppleNetworkPrefixListPlan['family'];
      /** The list's max entries. */
      readonly maxEntries: number;
      /** The list's CIDRs, sorted. */
      readonly entries: readonly string[];
    }
  | (RecordedSelection & {
      /** The record's version, `POLICY_RECORD_VERSION`. */
      readonly version: 1;
      /** The construct that recorded it. */
      readonly type: 'AppleServicesDomainList';
      /** The capacity reserved for the rule group. */
      readonly capacity: number;
      /** The rule group's rule order. */
      readonly ruleOrder: DomainListRuleGroupPlan['ruleOrder'];
      /** What the list matches: TLS SNI, HTTP Host. */
      readonly targetTypes: DomainListRuleGroupPlan['targetTypes'];
      /** The list's targets as the rule group holds them (`.push.apple.com`). */
      readonly hosts: readonly string[];
    })
  | (RecordedSelection & {
      /** The record's version, `POLICY_RECORD_VERSION`. */
      readonly version: 1;
      /** The construct that recorded it. */
      readonly type: 'AppleDnsFirewall';
      /** Whether every other name is blocked. */
      readonly walledGarden: boolean;
      /** The rules in priority order: `100 ALLOW apple`. */
      readonly rules: readonly string[];
      /** Apple's names in the rule group's domain list, as DNS Firewall reads them. */
      readonly hosts: readonly string[];
      /** The names of your own the rule group allows. */
      readonly allowDomains: readonly string[];
    });

/** What a construct hands to `policyRecord`. */
export type PolicyRecordSubject =
  | {
      /** The construct recording its policy. */
      readonly type: 'AppleServicesEgress' | 'AppleServicesIngress';
      /** The construct's resolved policy. */
      readonly policy: ResolvedPolicy;
    }
  | {
      /** The construct recording its plan. */
      readonly type: 'AppleServicesFirewallRules';
      /** The rule group's plan. */
      readonly plan: FirewallRuleGroupPlan;
    }
  | {
      /** The construct recording its plan. */
      readonly type: 'AppleNetworkPrefixList';
      /** The prefix list's plan. */
      readonly plan: AppleNetworkPrefixListPlan;
    }
  | {
      /** The construct recording its plan. */
      readonly type: 'AppleServicesDomainList';
      /** The domain list rule group's plan. */
      readonly plan: DomainListRuleGroupPlan;
    }
  | {
      /** The construct recording its plan. */
      readonly type: 'AppleDnsFirewall';
      /** The DNS Firewall plan. */
      readonly plan: DnsFirewallPlan;
    };

/** A recorded construct read back, with its policies whole again for `reviewPolicy` and `diffPolicies`. */
export type ReadPolicyRecord =
  | {
      /** The construct that recorded it. */
      readonly type: 'AppleServicesEgress' | 'AppleServicesIngress';
      /** The construct's resolved policy. */
      readonly policy: ResolvedPolicy;
    }
  | (Omit<Extract<PolicyRecord, Record<'type', 'AppleServicesFirewallRules'>>, 'version' | 'type' | 'policy'> & {
      /** The construct that recorded it. */
      readonly type: 'AppleServicesFirewallRules';
      /** The port rules' policy; absent when only host groups are selected. */
      readonly policy?: ResolvedPolicy;
    })
  | (Omit<Extract<PolicyRecord, Record<'type', 'AppleNetworkPrefixList'>>, 'version' | 'type'> & {
      /** The construct that recorded it. */
      readonly type: 'AppleNetworkPrefixList';
    })
  | (Omit<Extract<PolicyRecord, Record<'type', 'AppleServicesDomainList'>>, 'version' | 'type'> & {
      /** The construct that recorded it. */
      readonly type: 'AppleServicesDomainList';
    })
  | (Omit<Extract<PolicyRecord, Record<'type', 'AppleDnsFirewall'>>, 'version' | 'type'> & {
      /** The construct that recorded it. */
      readonly type: 'AppleDnsFirewall';
    });

function recordPolicy(policy: ResolvedPolicy): RecordedPolicy {
  return {
    direction: policy.direction,
    products: policy.products,
    profiles: policy.profiles,
    ...(policy.maxRules !== undefined ? { maxRules: policy.maxRules } : {}),
    rules: policy.rules.map((rule) => ({
      protocol: rule.protocol,
      fromPort: rule.fromPort,
      toPort: rule.toPort,
      peer: rule.peer,
      description: rule.description,
      services: rule.services,
      products: rule.products,
      ...(rule.extra.length > 0 ? { extra: rule.extra } : {}),
      ...(rule.widened.length > 0 ? { widened: rule.widened.map((w) => ({ fromPort: w.fromPort, toPort: w.toPort })) } : {}),
    })),
    notices: policy.notices.map((notice) => ({ code: notice.code, message: notice.message, services: notice.services, products: notice.products })),
    excluded: policy.excluded,
  };
}

/** What a rule group was planned for, as its record holds it. */
function selectionOf(plan: RecordedSelection): RecordedSelection {
  return { products: plan.products, profiles: plan.profiles, hostGroups: plan.hostGroups };
}

/**
 * The record a construct writes into its template: compact and versioned. Deploy-time values are
 * already named as the user knows them (`{AppleMacHosts/Bastion}`) by the adapter's placeholders.
 */
export function policyRecord(subject: PolicyRecordSubject): PolicyRecord {
  switch (subject.type) {
    case 'AppleServicesEgress':
    case 'AppleServicesIngress':
      return { version: POLICY_RECORD_VERSION, type: subject.type, policy: recordPolicy(subject.policy) };
    case 'AppleServicesFirewallRules': {
      const { plan } = subject;
      return {
        version: POLICY_RECORD_VERSION,
        type: subject.type,
        ...selectionOf(plan),
        capacity: plan.capacity,
        rules: plan.rules.length,
        hosts: plan.hosts.hosts.map((host) => host.host),
        ...(plan.policy ? { policy: recordPolicy(plan.policy) } : {}),
      };
    }
    case 'AppleNetworkPrefixList':
      return { version: POLICY_RECORD_VERSION, type: subject.type, scope: subject.plan.scope, family: subject.plan.family, maxEntries: subject.plan.maxEntries, entries: subject.plan.entries.map((e) => e.cidr) };
    case 'AppleServicesDomainList': {
      const { plan } = subject;
      return {
        version: POLICY_RECORD_VERSION,
        type: subject.type,
        ...selectionOf(plan),
        capacity: plan.capacity,
        ruleOrder: plan.ruleOrder,
        targetTypes: plan.targetTypes,
        hosts: plan.targets,
      };
    }
    case 'AppleDnsFirewall': {
      const { plan } = subject;
      const listOf = (id: string) => plan.domainLists.find((list) => list.id === id)?.domains ?? [];
      return {
        version: POLICY_RECORD_VERSION,
        type: subject.type,
        ...selectionOf(plan),
        walledGarden: plan.walledGarden,
        rules: plan.rules.map((rule) => `${rule.priority} ${rule.action} ${rule.domainList}`),
        hosts: listOf('apple'),
        allowDomains: listOf('allowed'),
      };
    }
  }
}

function readPolicy(recorded: RecordedPolicy): ResolvedPolicy {
  const rules: PolicyRule[] = recorded.rules.map((rule) => ({
    protocol: rule.protocol,
    fromPort: rule.fromPort,
    toPort: rule.toPort,
    peer: rule.peer,
    description: rule.description,
    services: rule.services,
    products: rule.products,
    extra: rule.extra ?? [],
    widened: (rule.widened ?? []).map((w) => ({ protocol: rule.protocol, fromPort: w.fromPort, toPort: w.toPort, peer: rule.peer })),
  }));
  const widened = rules.flatMap((rule) => rule.widened);
  const notices: PolicyNotice[] = recorded.notices.map((notice) => ({ ...notice, widened: notice.code === 'budget-widened' ? widened : [] }));
  return {
    direction: recorded.direction,
    products: recorded.products,
    profiles: recorded.profiles,
    rules,
    notices,
    excluded: recorded.excluded,
    ...(recorded.maxRules !== undefined ? { maxRules: recorded.maxRules } : {}),
  };
}

const TYPES: readonly RecordedConstructType[] = ['AppleServicesEgress', 'AppleServicesIngress', 'AppleServicesFirewallRules', 'AppleNetworkPrefixList', 'AppleServicesDomainList', 'AppleDnsFirewall'];

/**
 * Reads a record from a template (already parsed JSON), with its policies whole again. Throws an
 * `Error` that says what is wrong when the value is not a record this version can read.
 */
export function readPolicyRecord(value: unknown): ReadPolicyRecord {
  const record = value as Partial<PolicyRecord> | null;
  if (record === null || typeof record !== 'object' || !TYPES.includes(record.type as RecordedConstructType)) {
    throw new Error(`not an apple-ports policy record: its type must be one of ${TYPES.join(', ')}`);
  }
  if (record.version !== POLICY_RECORD_VERSION) {
    throw new Error(`the policy record has version ${String(record.version)}; this apple-ports reads version ${POLICY_RECORD_VERSION}. Use the apple-ports version that synthesized it, or a later one`);
  }
  const { version: _version, ...rest } = record as PolicyRecord;
  switch (rest.type) {
    case 'AppleServicesEgress':
    case 'AppleServicesIngress':
      return { type: rest.type, policy: readPolicy(rest.policy) };
    case 'AppleServicesFirewallRules': {
      const { policy, ...plan } = rest;
      return { ...plan, ...(policy ? { policy: readPolicy(policy) } : {}) };
    }
    case 'AppleNetworkPrefixList':
    case 'AppleServicesDomainList':
    case 'AppleDnsFirewall':
      return rest;
  }
}
