import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ApplePortsError, findProduct, findProfile, getProduct, getProfile, getService, lookupPort, products, productsUsing, services } from '../../../lib/core';

describe('typed catalogue access', () => {
  test('findProduct matches ids, aliases and Chinese names case-insensitively', () => {
    expect(findProduct('FaceTime')?.id).toBe('FaceTime');
    expect(findProduct('facetime')?.id).toBe('FaceTime');
    expect(findProduct('iMessage')?.id).toBe('Messages');
    expect(findProduct('APNs')?.id).toBe('PushNotifications');
    expect(findProduct('ard')?.id).toBe('AppleRemoteDesktop');
    expect(findProduct('FaceTime 通话')?.id).toBe('FaceTime');
    expect(findProduct('FaceTme')).toBeUndefined();
  });

  test('getProduct throws with the nearest valid ids', () => {
    expect(() => getProduct('FaceTme')).toThrow(new ApplePortsError([{ code: 'unknown-product', message: "Unknown Apple product 'FaceTme'. Did you mean 'FaceTime'?" }]));
    expect(getProduct('Siri').uses.map((u) => u.service)).toEqual(['https', 'spotlight-siri']);
  });

  test('profiles and services: find returns undefined, get throws', () => {
    expect(findProfile('MANAGED-MAC')?.id).toBe('managed-mac');
    expect(findProfile('nope')).toBeUndefined();
    expect(() => getProfile('comms')).toThrow(/^Unknown apple-ports profile 'comms'\./);
    expect(getService('apns').ports).toEqual([{ protocol: 'tcp', fromPort: 5223, toPort: 5223 }]);
    expect(() => getService('apn')).toThrow("Unknown Apple service 'apn'. Did you mean 'apns'?");
  });

  test('lookupPort finds every service and product using a port', () => {
    expect(lookupPort(5223).map((u) => [u.service.id, u.range, u.products])).toEqual([
      ['apns', { protocol: 'tcp', fromPort: 5223, toPort: 5223 }, ['Calendar', 'DeviceManagement', 'FaceTime', 'GameCenter', 'iCloud', 'Messages', 'PhotoStream', 'PushNotifications']],
    ]);
    expect(lookupPort(16390, 'udp').map((u) => u.service.id)).toEqual(['messages-rtp']);
    expect(lookupPort(16403).map((u) => u.service.id)).toEqual(['messages-rtp', 'game-center-rtp']);
    expect(lookupPort(53, 'udp').map((u) => u.range)).toEqual([{ protocol: 'udp', fromPort: 53, toPort: 53 }]);
    expect(lookupPort(5223, 'udp')).toEqual([]);
  });

  test('productsUsing lists products sorted by id', () => {
    expect(productsUsing('rfb')).toEqual(['AppleRemoteDesktop', 'ScreenSharing']);
  });

  test('the catalogue is exposed frozen, so no caller can change later policies', () => {
    expect(services[0].id).toBe('ssh');
    expect(Object.isFrozen(services) && Object.isFrozen(services[0].ports[0]) && Object.isFrozen(products[0].uses)).toBe(true);
    expect(() => {
      (services[0].ports[0] as { fromPort: number }).fromPort = 1;
    }).toThrow(TypeError);
    expect(services[0].ports[0].fromPort).toBe(22);
  });
});

describe('the core entry point', () => {
  test('loads neither aws-cdk-lib, constructs nor @pulumi (fresh node process)', () => {
    const root = join(__dirname, '..', '..', '..');
    const script = [
      "require('./lib/index.ts');",
      "const loaded = Object.keys(require.cache).filter((f) => /node_modules[\\\\/](aws-cdk-lib|constructs|@pulumi)[\\\\/]/.test(f));",
      'process.stdout.write(JSON.stringify(loaded));',
    ].join('\n');
    const output = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([]);
    // The same probe sees a framework when one is loaded, so the check above can fail.
    const control = execFileSync(process.execPath, ['-e', `require('aws-cdk-lib/aws-ec2'); ${script.split('\n').slice(1).join('\n')}`], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(control).length).toBeGreaterThan(0);
  });
});
