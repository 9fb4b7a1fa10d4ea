import { byteRange, detectFacets, graphemes } from './bluesky.facets';
import { createTid, encodeTid, isTid } from './bluesky.tid';

function slices(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  return detectFacets(text).map((f) => bytes.subarray(f.index.byteStart, f.index.byteEnd).toString('utf8'));
}

describe('Bluesky facets', () => {
  it('uses UTF-8 byte offsets, not UTF-16 indices', () => {
    const text = '🎉 #Launch';
    expect(detectFacets(text)).toEqual([{ index: { byteStart: 5, byteEnd: 12 }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'Launch' }] }]);
    expect(text.indexOf('#')).toBe(3);
    expect(byteRange('é#a', 1, 3)).toEqual({ byteStart: 2, byteEnd: 4 });
  });

  it('finds links and tags, without trailing punctuation, digits-only tags or anchors inside links', () => {
    expect(slices('See https://example.com/a_(b), (https://x.org/p). #one! #2024 #über-desk https://y.io/#frag')).toEqual([
      'https://example.com/a_(b)',
      'https://x.org/p',
      '#one',
      '#über-desk',
      'https://y.io/#frag',
    ]);
  });

  it('counts graphemes the way Bluesky limits text', () => {
    expect(graphemes('👩‍👩‍👧 e\u0301')).toBe(3);
  });
});

describe('TIDs', () => {
  it('encodes microseconds and a clock id in 13 sortable characters', () => {
    expect(encodeTid(0n, 0)).toBe('2222222222222');
    const earlier = createTid('key:0', 1_790_000_000_000);
    const later = createTid('key:0', 1_790_000_000_001);
    expect(isTid(earlier)).toBe(true);
    expect(earlier < later).toBe(true);
    expect(createTid('key:0', 1_790_000_000_000)).toBe(earlier);
    expect(createTid('key:1', 1_790_000_000_000)).not.toBe(earlier);
    expect(isTid('3jzfcijpj2z2a')).toBe(true);
    expect(isTid('kjzfcijpj2z2a')).toBe(false);
  });
});
