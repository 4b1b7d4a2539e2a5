/**
 * `apple-ports flows`: read VPC Flow Logs (with Route 53 Resolver query logs and Network Firewall
 * alert logs beside them), say which flows are Apple's, suggest the selection that covers them and
 * replay a candidate policy. Reading, attribution and the report come from the core; this file
 * parses the flags, opens the inputs and writes the report.
 */
import { existsSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import {
  ApplePortsError,
  FlowObservation,
  parseFieldList,
  parseProducts,
  planFirewallRules,
  type FirewallRuleGroupPlan,
  type Locale,
  type LogKind,
  type Problem,
} from '../../core';
import { renderFlowReport, type FlowReportFormat } from '../../review';
import { expandInputs, sniff, textChunks, type SniffedInput } from '../flow-inputs';
import { readJsonFile } from '../json-file';
import { ProgressBar } from '../progress';
import { readReplayPolicy } from '../replay-input';
import { collect, formatOption, langOption, sidBaseOption, splitList } from '../options';
import { cliTerms } from '../terms';

/** Where the command writes, and the process streams it reads and draws progress on. */
export interface FlowsIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** @default process.stdin */
  readonly stdin?: NodeJS.ReadableStream;
  /** Where the progress bar goes; drawn only on a TTY. @default process.stderr */
  readonly progress?: { isTTY?: boolean; write(text: string): unknown };
}

interface FlowsFlags {
  readonly suggest?: boolean;
  readonly replay?: string;
  readonly local?: string[];
  readonly fields?: string;
  readonly firewall?: string;
  readonly sidBase?: number;
  readonly includeLegacy?: boolean;
  readonly format: FlowReportFormat;
  readonly lang: Locale;
}

/** Resolver logs first (they tie addresses to hosts), then firewall alerts, then flows. */
const READ_ORDER: readonly LogKind[] = ['resolver-query-log', 'firewall-log', 'flow-log'];

const EXAMPLES = `
Examples:
  $ apple-ports flows flow-logs/ --suggest
  $ apple-ports flows flows.log.gz dns-queries.log.gz --suggest --local 10.20.0.0/16
  $ apple-ports flows export.txt --fields "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status"
  $ apple-ports flows flow-logs/ --replay iCloud,FaceTime
  $ apple-ports flows flow-logs/ --replay cdk.out --format html > report.html
  $ aws logs filter-log-events … | jq -r '.events[].message' | apple-ports flows - --suggest`;

function fieldsOption(value: string): readonly string[] {
  const { fields, problems } = parseFieldList(value);
  if (problems.length > 0) {
    throw new InvalidArgumentError(problems.map((p) => p.message).join(' '));
  }
  return fields;
}

/** The rule group whose alerts the logs hold: a plan JSON (`apple-ports firewall --format json`) or products. */
function firewallPlan(value: string, sidBase: number | undefined): FirewallRuleGroupPlan {
  if (existsSync(value)) {
    const refuse = (what: string): Problem => ({ code: 'invalid-flow-input', message: `--firewall ${value}: ${what}. Write one with \`apple-ports firewall … --format json\`, or give the products.` });
    const plan = readJsonFile(value, (reason) => refuse(`not JSON (${reason}), so not a rule-group plan`)) as FirewallRuleGroupPlan;
    if (!Array.isArray(plan?.rules)) {
      throw new ApplePortsError([refuse('not a rule-group plan')]);
    }
    return plan;
  }
  try {
    return planFirewallRules({ products: parseProducts(splitList([value])) }, { terms: cliTerms('flows'), ...(sidBase !== undefined ? { sidBase } : {}) });
  } catch (error) {
    if (error instanceof ApplePortsError) {
      throw new ApplePortsError(error.problems.map((p) => ({ ...p, message: `--firewall: ${p.message}` })));
    }
    throw error;
  }
}

async function runFlows(files: readonly string[], flags: FlowsFlags, io: FlowsIo): Promise<void> {
  const stdin = io.stdin ?? process.stdin;
  const inputs = expandInputs(files);
  if (flags.sidBase !== undefined && flags.firewall === undefined) {
    throw new ApplePortsError([{ code: 'invalid-flow-input', message: '--sid-base numbers the rules of --firewall. Give --firewall with the products of the rule group, or leave --sid-base out.' }]);
  }
  const replay = flags.replay !== undefined ? readReplayPolicy(flags.replay) : undefined;
  const plan = flags.firewall !== undefined ? firewallPlan(flags.firewall, flags.sidBase) : undefined;
  let observation: FlowObservation;
  try {
    observation = new FlowObservation({ local: flags.local ?? [], ...(replay ? { replay } : {}), ...(plan ? { firewallPlan: plan } : {}) });
  } catch (error) {
    // The only option the observation checks itself is `local`, which the command calls --local.
    if (error instanceof ApplePortsError) {
      throw new ApplePortsError(error.problems.map((p) => ({ ...p, message: `--${p.message}` })));
    }
    throw error;
  }
  const sniffed: SniffedInput[] = [];
  for (const input of inputs) {
    sniffed.push(await sniff(input, stdin));
  }
  const progress = ProgressBar.for(
    inputs.reduce((sum, input) => sum + (input.size ?? 0), 0),
    io.progress ?? process.stderr,
  );
  const fields = flags.fields as readonly string[] | undefined;
  for (const kind of READ_ORDER) {
    for (const { input, pending } of sniffed.filter((s) => s.kind === kind)) {
      const text = pending ?? textChunks(input, stdin, (bytes) => progress.add(bytes));
      if (kind === 'resolver-query-log') {
        await observation.readResolverQueryLog(input.name, text);
      } else if (kind === 'firewall-log') {
        await observation.readFirewallLog(input.name, text);
      } else {
        await observation.readFlowLog(input.name, text, fields ? { fields } : {});
      }
    }
  }
  progress.done();
  const report = observation.report(flags.suggest ? { suggest: { includeLegacy: flags.includeLegacy ?? false } } : {});
  io.stdout(renderFlowReport(report, { format: flags.format, locale: flags.lang }));
}

/** Adds `flows` to the program; its action returns a promise, so run the program with `parseAsync`. */
export function registerFlowsCommand(program: Command, io: FlowsIo): Command {
  return program
    .command('flows')
    .description('which Apple products the traffic in VPC Flow Logs belongs to; suggest a selection, replay a candidate policy')
    .argument('<files...>', 'flow logs, Resolver query logs, Network Firewall alert logs: files, folders (recursively) or - for standard input; gzip or plain')
    .option('--suggest', 'suggest the products (and a profile, where one fits) that cover the Apple traffic seen with the fewest extra ports')
    .option('--replay <policy>', 'replay the flows against a candidate: a cdk.out directory, a policy JSON (resolve --format json), a template, or products')
    .option('--local <cidr>', 'the Apple devices: a CIDR they are in, or a network interface id (eni-…) whose records alone count; repeatable or comma-separated', collect)
    .option('--fields <fields>', 'the records\' fields in order, for logs without a header line (CloudWatch Logs exports): names or the ${field} format string', fieldsOption)
    .option('--firewall <plan>', 'map Network Firewall alerts to rules: a plan JSON (firewall --format json) or the rule group\'s products')
    .addOption(sidBaseOption("with --firewall products: the rule group's first signature id"))
    .option('--include-legacy', 'let --suggest choose products and services Apple has retired')
    .addOption(formatOption(['text', 'markdown', 'json', 'csv', 'html'], 'text'))
    .addOption(langOption())
    .addHelpText('after', `\n--format json prints the FlowReport; csv one record per flow group; html one self-contained page with charts.\n${EXAMPLES}`)
    .action((files: string[], flags: FlowsFlags) => runFlows(files, flags, io));
}
