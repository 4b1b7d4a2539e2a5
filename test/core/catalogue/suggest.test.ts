import { compareIds, didYouMean, editDistance, nearestIds } from '../../../lib/core/catalogue';

describe('suggestions', () => {
  test('edit distance counts an adjacent swap as one edit', () => {
    expect(editDistance('facetime', 'facetmie')).toBe(1);
    expect(editDistance('facetime', 'factime')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  test('nearest ids are case-insensitive, deduplicated by id and ordered by distance', () => {
    const candidates = [
      { name: 'FaceTime', id: 'FaceTime' },
      { name: 'FaceTime 通话', id: 'FaceTime' },
      { name: 'GameCenter', id: 'GameCenter' },
      { name: 'iCloud', id: 'iCloud' },
      { name: 'iCloudMail', id: 'iCloudMail' },
    ];
    expect(nearestIds('facetme', candidates)).toEqual(['FaceTime']);
    expect(nearestIds('icloud mail', candidates)).toEqual(['iCloudMail']);
    expect(nearestIds('gamecenter', [...candidates, { name: 'GameCentre', id: 'GameCentre' }])).toEqual(['GameCenter']);
    expect(nearestIds('icloudmai', candidates)).toEqual(['iCloudMail']);
    expect(nearestIds('zzzzzz', candidates)).toEqual([]);
  });

  test('didYouMean lists one, two or three names, or falls back', () => {
    expect(didYouMean(['A'], 'x')).toBe("Did you mean 'A'?");
    expect(didYouMean(['A', 'B', 'C'], 'x')).toBe("Did you mean 'A', 'B' or 'C'?");
    expect(didYouMean([], 'See the list.')).toBe('See the list.');
  });

  test('ids sort case-insensitively, independent of locale', () => {
    expect(['iCloud', 'FaceTime', 'AirPlay', 'iCloudMail', 'DNS'].sort(compareIds)).toEqual(['AirPlay', 'DNS', 'FaceTime', 'iCloud', 'iCloudMail']);
  });
});
