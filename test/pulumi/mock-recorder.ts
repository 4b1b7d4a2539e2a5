/**
 * Runs Pulumi programs under runtime mocks and records every resource they register: its type,
 * name, inputs, parent and the options that matter here (deleteBeforeReplace, dependsOn). Used
 * by the component tests, the example-program test and the CDK/Pulumi parity test.
 *
 * Call `installMockRecorder()` before importing any module that creates resources.
 */
import * as pulumi from '@pulumi/pulumi';
import { rejectionOf } from '../thrown';

/** One registered resource, as the mocked engine saw it. */
export interface RecordedResource {
  /** The type token, e.g. `aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule`. */
  readonly type: string;
  readonly name: string;
  /** The inputs with every Output resolved (the mock monitor turns output values off). */
  readonly inputs: Record<string, unknown>;
  /** The parent's name, when the resource has a parent. */
  readonly parent?: string;
  readonly deleteBeforeReplace: boolean;
  /** Names of the resources it depends on (explicit dependsOn and inputs), sorted. */
  readonly dependencies: readonly string[];
  /** The names it was known by before (`aliases: [{ name }]`), when it has any. */
  readonly aliases?: readonly string[];
}

/** What a program did under the mocks. */
export interface Recording {
  /** Resources sorted by type then name: registration order is not stable. */
  readonly resources: readonly RecordedResource[];
  /** Messages passed to `pulumi.log.warn`, in order. */
  readonly warnings: readonly string[];
}

/** The minimal view of the protobuf request the monitor receives. */
interface RegisterResourceRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getObject(): unknown;
  getDeletebeforereplace(): boolean;
  getDependenciesList(): string[];
  getAliasesList(): { getUrn(): string; getSpec(): { getName(): string } | undefined }[];
  getAliasurnsList(): string[];
}

type Callback = (error: unknown, response: unknown) => void;

const ID_PREFIXES: Record<string, string> = {
  'aws:ec2/vpc:Vpc': 'vpc',
  'aws:ec2/subnet:Subnet': 'subnet',
  'aws:ec2/securityGroup:SecurityGroup': 'sg',
  'aws:ec2/networkAcl:NetworkAcl': 'acl',
  'aws:ec2/networkAclAssociation:NetworkAclAssociation': 'aclassoc',
  'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule': 'sgr',
  'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule': 'sgr',
  'aws:ec2/managedPrefixList:ManagedPrefixList': 'pl',
};

/** ARNs for the resources whose ARN the components expose, in the form AWS gives them. */
const ARNS: Record<string, (name: string) => string> = {
  'aws:networkfirewall/ruleGroup:RuleGroup': (name) => `arn:aws:network-firewall:us-east-1:123456789012:stateful-rulegroup/${name}`,
  'aws:cloudwatch/logGroup:LogGroup': (name) => `arn:aws:logs:us-east-1:123456789012:log-group:${name}`,
  'aws:iam/role:Role': (name) => `arn:aws:iam::123456789012:role/${name}`,
};

/** The account `aws.getCallerIdentity` answers with under the mocks. */
export const MOCK_ACCOUNT_ID = '123456789012';
const CALLER_IDENTITY = 'aws:index/getCallerIdentity:getCallerIdentity';

/** The ARN the mocked engine gives a resource of `type` named `name`, if the type has one here. */
export function mockArn(type: string, name: string): string | undefined {
  return ARNS[type]?.(name);
}

/**
 * A realistic, deterministic physical id (`sg-` and 17 hex digits for a security group named
 * `name`), so tools that check id formats accept the recorded inputs.
 */
export function mockId(type: string, name: string): string {
  const prefix = ID_PREFIXES[type];
  if (prefix === undefined) {
    return `${name}-id`;
  }
  let hash = 0xcbf29ce484222325n;
  for (const ch of `${type}|${name}`) {
    hash = ((hash ^ BigInt(ch.codePointAt(0)!)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `${prefix}-${hash.toString(16).padStart(17, '0').slice(-17)}`;
}

const lastPart = (urn: string): string => urn.slice(urn.lastIndexOf('::') + 2);

let recorded: RecordedResource[] = [];
let installed = false;

/** How the mocked engine behaves. */
export interface MockOptions {
  /** Run as `pulumi preview` does. @default false */
  readonly preview?: boolean;
  /** Leave every physical id unknown, as a preview of resources not created yet does. @default false */
  readonly unknownIds?: boolean;
}

/**
 * Installs the mocks and the recorder. Resources get `mockId` ids and their inputs as state, plus
 * a `mockArn` where the type has one; provider functions echo their inputs, except
 * `getCallerIdentity`, which answers with `MOCK_ACCOUNT_ID`.
 */
/** The options of the last install, for the fresh engine each recording gets. */
let mockOptions: MockOptions = {};

export async function installMockRecorder(options: MockOptions = {}): Promise<void> {
  mockOptions = options;
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const arn = mockArn(args.type, args.name);
        return { id: args.custom === false || options.unknownIds ? undefined : mockId(args.type, args.name), state: arn === undefined ? args.inputs : { ...args.inputs, arn } };
      },
      call: (args) => (args.token === CALLER_IDENTITY ? { accountId: MOCK_ACCOUNT_ID, arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:root`, userId: MOCK_ACCOUNT_ID } : args.inputs),
    },
    'apple-ports',
    'test',
    options.preview ?? false,
  );
  const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource(req: RegisterResourceRequest, callback: Callback): Promise<void> };
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    const parent = req.getParent();
    const aliases = [...req.getAliasesList().map((alias) => alias.getSpec()?.getName() || lastPart(alias.getUrn())), ...req.getAliasurnsList().map(lastPart)];
    recorded.push({
      type: req.getType(),
      name: req.getName(),
      inputs: pulumi.runtime.deserializeProperties(req.getObject() as Parameters<typeof pulumi.runtime.deserializeProperties>[0]),
      ...(parent ? { parent: lastPart(parent) } : {}),
      deleteBeforeReplace: req.getDeletebeforereplace(),
      dependencies: [...new Set(req.getDependenciesList().map(lastPart))].sort(),
      ...(aliases.length > 0 ? { aliases } : {}),
    });
    return register(req, callback);
  };
  installed = true;
}

/** Waits until every pending registration and output has reached the mocked engine. */
export async function settle(): Promise<void> {
  // Not in the SDK's typings, but exported at run time: the same wait Pulumi does before exiting.
  await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
}

function byTypeThenName(a: RecordedResource, b: RecordedResource): number {
  return a.type < b.type ? -1 : a.type > b.type ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Runs `program` and returns what it registered and warned, once every registration has
 * settled. Rethrows what the program throws, after the registrations it started have settled.
 */
export async function record(program: () => unknown): Promise<Recording> {
  if (!installed) {
    throw new Error('Call installMockRecorder() first.');
  }
  await settle();
  // A fresh engine per recording, as each program run has its own: ledgers of shared targets
  // (kept per resource monitor) start empty.
  await installMockRecorder(mockOptions);
  recorded = [];
  const warnings: string[] = [];
  const log = pulumi.log as { warn: typeof pulumi.log.warn };
  const warn = log.warn;
  log.warn = async (message: string) => {
    warnings.push(message);
  };
  try {
    await program();
  } finally {
    log.warn = warn;
    await settle();
  }
  return { resources: [...recorded].sort(byTypeThenName), warnings };
}

/** The `ResourceError` a program fails with, once its registrations have settled; rethrows any other error. */
export async function resourceErrorOf(program: () => unknown): Promise<pulumi.ResourceError> {
  const error = await rejectionOf(() => record(program));
  if (!pulumi.ResourceError.isInstance(error)) {
    throw error;
  }
  return error;
}

/** The resources of one type. */
export function ofType(recording: Recording, type: string): RecordedResource[] {
  return recording.resources.filter((r) => r.type === type);
}

/** The value an Output (or a plain value) resolves to under the mocks. */
export function valueOf<T>(output: pulumi.Input<T> | undefined): Promise<T | undefined> {
  return new Promise((resolve) => pulumi.output(output).apply((value) => resolve(value as T | undefined)));
}

/** Resource type tokens the components create. */
export const TYPES = {
  egressComponent: 'apple-ports:index:AppleServicesEgress',
  ingressComponent: 'apple-ports:index:AppleServicesIngress',
  securityGroup: 'aws:ec2/securityGroup:SecurityGroup',
  egressRule: 'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule',
  ingressRule: 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule',
  networkAcl: 'aws:ec2/networkAcl:NetworkAcl',
  networkAclRule: 'aws:ec2/networkAclRule:NetworkAclRule',
  networkAclAssociation: 'aws:ec2/networkAclAssociation:NetworkAclAssociation',
  prefixListComponent: 'apple-ports:index:AppleNetworkPrefixList',
  firewallRulesComponent: 'apple-ports:index:AppleServicesFirewallRules',
  prefixList: 'aws:ec2/managedPrefixList:ManagedPrefixList',
  ruleGroup: 'aws:networkfirewall/ruleGroup:RuleGroup',
  trafficObserverComponent: 'apple-ports:index:AppleTrafficObserver',
  logGroup: 'aws:cloudwatch/logGroup:LogGroup',
  queryDefinition: 'aws:cloudwatch/queryDefinition:QueryDefinition',
  role: 'aws:iam/role:Role',
  rolePolicy: 'aws:iam/rolePolicy:RolePolicy',
  flowLog: 'aws:ec2/flowLog:FlowLog',
  resolverQueryLogConfig: 'aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig',
  resolverQueryLogConfigAssociation: 'aws:route53/resolverQueryLogConfigAssociation:ResolverQueryLogConfigAssociation',
  domainListComponent: 'apple-ports:index:AppleServicesDomainList',
  dnsFirewallComponent: 'apple-ports:index:AppleDnsFirewall',
  dnsDomainList: 'aws:route53/resolverFirewallDomainList:ResolverFirewallDomainList',
  dnsRuleGroup: 'aws:route53/resolverFirewallRuleGroup:ResolverFirewallRuleGroup',
  dnsRule: 'aws:route53/resolverFirewallRule:ResolverFirewallRule',
  dnsAssociation: 'aws:route53/resolverFirewallRuleGroupAssociation:ResolverFirewallRuleGroupAssociation',
} as const;
