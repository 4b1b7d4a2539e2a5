import { run, type CliIo } from '../../lib/cli/main';

/** Runs the program in-process and collects what it writes. */
function runInProcess(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) };
  const code = run(argv, io);
  return { code, stdout, stderr };
}

describe('run(argv, io)', () => {
  test('writes the answer to io.stdout and returns 0', () => {
    const result = runInProcess('lookup', '3478/udp');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('udp 3478-3497  facetime-nat-traversal  STUN/TURN  current  FaceTime, Game Center\n');
  });

  test('writes usage errors to io.stderr and returns 2, without exiting the process', () => {
    expect(runInProcess('resolve', 'Facetim')).toEqual({ code: 2, stdout: '', stderr: "error: Unknown Apple product 'Facetim'. Did you mean 'FaceTime'?\n" });
    expect(runInProcess('frobnicate')).toMatchObject({ code: 2, stdout: '' });
  });

  test('help goes to io.stdout and returns 0', () => {
    const result = runInProcess('resolve', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--format json prints the ResolvedPolicy; table, markdown and csv print the review.');
  });

  test('hosts and firewall run in-process too', () => {
    const hosts = runInProcess('hosts', 'NetworkTime', '--format', 'csv');
    expect(hosts).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'host,match,protocol,from_port,to_port,host_groups,products,platforms,notes\r\n' +
        'time.apple.com,exact,udp,123,123,device-setup,Network time server synchronization,iOS; iPadOS; macOS; tvOS; visionOS,\r\n' +
        'time-ios.apple.com,exact,udp,123,123,device-setup,Network time server synchronization,iOS; iPadOS; tvOS; visionOS,\r\n' +
        'time-macos.apple.com,exact,udp,123,123,device-setup,Network time server synchronization,macOS,\r\n',
    });
    expect(runInProcess('firewall', 'NetworkTime', '--format', 'rules')).toEqual({
      code: 0,
      stderr: '',
      stdout: 'pass udp $HOME_NET any -> $EXTERNAL_NET 123 (msg:"Network time server synchronization: NTP (udp 123)"; sid:1000000; rev:1;)\n',
    });
  });

  test('each run starts from fresh options', () => {
    runInProcess('resolve', 'FaceTime', '--profile', 'managed-mac', '--format', 'json');
    const second = JSON.parse(runInProcess('resolve', 'FaceTime', '--format', 'json').stdout);
    expect(second.profiles).toEqual([]);
  });
});
