import { ApplePortsError, catalogueChanges, catalogueReleases, renderCatalogueChanges, type AppleProductName } from '../../lib';
import { thrown } from '../thrown';
import { changeText } from './change-text';
import { LATER_RELEASE, withLaterRelease } from './later-release';

const [current, first] = [catalogueReleases[0]!, catalogueReleases[catalogueReleases.length - 1]!];

describe('catalogueChanges across the shipped versions', () => {
  test('without a selection: every version after the first, with its change-log entries and no policy', () => {
    const changes = catalogueChanges();
    expect(changes.since).toBe(first.version);
    expect(changes.current).toBe(current.version);
    expect(changes.selection).toBeNull();
    expect(changes.versions.map((v) => [v.version, v.previous, v.changes.length, v.policy])).toEqual(
      catalogueReleases.slice(0, -1).reverse().map((r) => [r.version, r.previous, r.changes.length, null]),
    );
    expect(changes.widens).toBe(false);
  });

  test('"App Store" meant the Mac App Store in 2026112600 and the App Store product since: the same ports, no firewall change', () => {
    const changes = catalogueChanges({ products: ['App Store'] }, { since: '2026112600' });
    const version = changes.versions.find((v) => v.version === '2026120100')!;
    expect(version.policy!.products).toEqual({ added: ['AppStore'], removed: ['MacAppStore'] });
    expect(version.policy!.changes).toEqual([]);
    expect(version.policy!.unchangedRules).toBe(2);
    expect(changes.selection).toEqual({ direction: 'egress', products: ['AppStore'], profiles: [] });
  });

  test('NAT-PMP requests moved from link-local to the local gateway: still left out, nothing opens or closes', () => {
    const changes = catalogueChanges({ products: ['Bonjour', 'Printing'] }, { since: '2026112600' });
    expect(changes.versions.find((v) => v.version === '2026120100')!.policy!.changes).toEqual([]);
    const kept = catalogueChanges({ products: ['Bonjour'], includeLinkLocal: true }, { since: '2026112600' });
    expect(kept.versions.find((v) => v.version === '2026120100')!.policy!.changes).toEqual([]);
    expect(kept.widens).toBe(false);
  });

  test('since the current version there is nothing to list', () => {
    const changes = catalogueChanges({ products: ['FaceTime'] }, { since: current.version });
    expect(changes.versions).toEqual([]);
    expect(renderCatalogueChanges(changes, { format: 'text' })).toBe(
      [
        'Apple catalogue changes',
        '=======================',
        '',
        `Catalogue: ${current.version} (${current.date})`,
        `Changes after: ${current.version}`,
        'Direction: egress',
        'Products: FaceTime',
        'Profiles: none',
        '',
        `No catalogue version after ${current.version}.`,
        '',
      ].join('\n'),
    );
  });

  test('an unknown version or product is refused as resolve refuses it', () => {
    const error = thrown(() => catalogueChanges({ products: ['FaceTime'] }, { since: '2026-12-01' }));
    expect(error).toBeInstanceOf(ApplePortsError);
    expect((error as ApplePortsError).problems).toEqual([
      { code: 'unknown-catalogue-version', message: `Unknown catalogue version '2026-12-01'. Valid versions: ${catalogueReleases.map((r) => r.version).join(', ')} (newest first; see data/changes.json).` },
    ]);
    expect(() => catalogueChanges({ products: ['Facetim' as AppleProductName] })).toThrow("Unknown Apple product 'Facetim'. Did you mean 'FaceTime'?");
  });
});

describe('catalogueChanges for a release that changes ports (made up)', () => {
  const lib = withLaterRelease<typeof import('../../lib')>('../lib');

  test('opens, closes and narrows, each port explained with the catalogue of its own side', () => {
    const changes = lib.catalogueChanges({ products: ['AirPlay'] }, { since: current.version });
    const policy = changes.versions[0]!.policy!;
    expect(policy.changes.map(changeText)).toEqual([
      'removed egress tcp 554 → - 0.0.0.0/0; +- -554',
      'added egress tcp - → 555 0.0.0.0/0; +555 --',
      'removed egress tcp 3689 → - 0.0.0.0/0; +- -3689',
      'added egress tcp - → 7000 0.0.0.0/0; +7000 --',
      'removed egress udp 554 → - 0.0.0.0/0; +- -554',
      'added egress udp - → 555 0.0.0.0/0; +555 --',
    ]);
    // RTSP's old port is explained by RTSP as the older catalogue has it, not left unexplained.
    expect(policy.changes[0]!.reasons).toEqual([{ effect: 'closes', ports: [{ fromPort: 554, toPort: 554 }], source: 'service', service: 'rtsp', products: ['AirPlay'], extra: [] }]);
    expect(policy.changes[2]!.reasons[0]).toMatchObject({ service: 'daap', cause: 'legacy' });
    expect(changes.widens).toBe(true);
  });

  test('a product the older version did not have opens its ports as added', () => {
    const changes = lib.catalogueChanges({ products: ['AirPlayReceiver' as AppleProductName] }, { since: current.version });
    const policy = changes.versions[0]!.policy!;
    expect(policy.products).toEqual({ added: ['AirPlayReceiver'], removed: [] });
    expect(policy.changes.map(changeText)).toEqual(['added egress tcp - → 7000 0.0.0.0/0; +7000 --']);
  });

  test('renders each version with its entries, the firewall changes and whether the policy widened', () => {
    const text = lib.renderCatalogueChanges(lib.catalogueChanges({ products: ['AirPlay'] }, { since: current.version }), { format: 'text' });
    expect(text).toBe(
      [
        'Apple catalogue changes',
        '=======================',
        '',
        `Catalogue: ${LATER_RELEASE.version} (${LATER_RELEASE.date})`,
        `Changes after: ${current.version}`,
        'Direction: egress',
        'Products: AirPlay',
        'Profiles: none',
        '',
        `${LATER_RELEASE.version} (${LATER_RELEASE.date}), after ${current.version}`,
        '-----------------------------------------',
        '',
        'A made-up release.',
        '',
        'In the catalogue:',
        '',
        '- ~ changed service rtsp: ports. Made up. (https://example.com/made-up-release)',
        '- ~ changed service daap: status current → legacy; retired. Made up. (https://example.com/made-up-release)',
        '- + added service airplay-control. Made up. (https://example.com/made-up-release)',
        '- ~ changed product AirPlay: uses. Made up. (https://example.com/made-up-release)',
        '- + added product AirPlayReceiver. Made up. (https://example.com/made-up-release)',
        '',
        'For the selection:',
        '',
        'Opens 3 ports in 3 ranges; closes 3 ports in 3 ranges.',
        '',
        '- removed egress tcp 554 to 0.0.0.0/0',
        '    closes tcp 554: AirPlay → rtsp: Real Time Streaming Protocol (RTSP), RFC 7826 (Apple cites RFC 2326)',
        '+ added egress tcp 555 to 0.0.0.0/0',
        '    opens tcp 555: AirPlay → rtsp: Real Time Streaming Protocol (RTSP), RFC 7826 (Apple cites RFC 2326)',
        '- removed egress tcp 3689 to 0.0.0.0/0',
        '    closes tcp 3689: AirPlay → daap: Digital Audio Access Protocol (DAAP) (now left out: retired by Apple)',
        '+ added egress tcp 7000 to 0.0.0.0/0',
        '    opens tcp 7000: AirPlay → airplay-control: AirPlay control',
        '- removed egress udp 554 to 0.0.0.0/0',
        '    closes udp 554: AirPlay → rtsp: Real Time Streaming Protocol (RTSP), RFC 7826 (Apple cites RFC 2326)',
        '+ added egress udp 555 to 0.0.0.0/0',
        '    opens udp 555: AirPlay → rtsp: Real Time Streaming Protocol (RTSP), RFC 7826 (Apple cites RFC 2326)',
        '',
        `Widens the policy: ${LATER_RELEASE.version} opens ports the version before did not.`,
        '',
      ].join('\n'),
    );
  });

  test('in Chinese, with the change log reasons as written', () => {
    const markdown = lib.renderCatalogueChanges(lib.catalogueChanges({ products: ['AirPlay'] }, { since: current.version }), { locale: 'zh-CN' });
    expect(markdown).toContain(`## ${LATER_RELEASE.version}（${LATER_RELEASE.date}），上一版本 ${current.version}\n`);
    expect(markdown).toContain('- ~ 变更 服务 daap：status current → legacy；retired。Made up.（https://example.com/made-up-release）\n');
    expect(markdown).toContain('| 新增 | 出站 | tcp | 7000 | 0.0.0.0/0 | 开放 tcp 7000：隔空播放 → airplay-control：AirPlay control |');
    expect(markdown).toContain(`策略被放宽：${LATER_RELEASE.version} 开放了上一版本未开放的端口。`);
  });
});
