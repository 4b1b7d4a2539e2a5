/** What `apple-ports flows` reads: files, folders and standard input, each told apart by its first line. */
import { expandInputs, logKindOf } from '../../lib/cli/flow-inputs';
import { thrown } from '../thrown';

describe('the inputs of apple-ports flows', () => {
  test('a path that does not exist is refused with what to give', () => {
    expect(thrown(() => expandInputs(['nope.log'])).problems).toEqual([
      { code: 'invalid-flow-input', message: 'nope.log: no such file or folder. Give flow log, Resolver query log or Network Firewall log files, folders of them, or - for standard input.' },
    ]);
  });

  test('JSON lines are Resolver query logs or Network Firewall logs, and anything else is refused', () => {
    expect(logKindOf('2 123456789012 eni-0123456789abcdef0 10.0.0.1 17.0.0.1 49152 443 6 1 60 1 2 ACCEPT OK\n', 'flows.log')).toBe('flow-log');
    expect(logKindOf('  {"query_name": "apple.com."}\n', 'dns.jsonl')).toBe('resolver-query-log');
    expect(logKindOf('{"firewall_name": "fw", "event": {}}\n', 'alerts.jsonl')).toBe('firewall-log');
    expect(thrown(() => logKindOf('{"level": "info"}\n', 'app.jsonl')).problems).toEqual([
      {
        code: 'invalid-flow-input',
        message:
          'app.jsonl: JSON lines that are neither a Route 53 Resolver query log (query_name) nor an AWS Network Firewall log (event). Give VPC Flow Logs records, Resolver query logs or Network Firewall alert logs.',
      },
    ]);
  });
});
