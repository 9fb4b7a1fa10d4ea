import { countHashtags, platformTextLength, textLength, xWeightedLength } from './text-length';

describe('xWeightedLength', () => {
  it('counts Latin text one per character', () => {
    expect(xWeightedLength('Hello, world')).toBe(12);
  });

  it('counts a URL as 23 whatever its length', () => {
    expect(xWeightedLength('see https://example.com/a/very/long/path/that/goes/on?q=1')).toBe(4 + 23);
  });

  it('counts emoji and CJK as 2', () => {
    expect(xWeightedLength('🚀')).toBe(2);
    expect(xWeightedLength('👩‍💻')).toBe(2);
    expect(xWeightedLength('日本')).toBe(4);
  });

  it('uses code points for Instagram', () => {
    expect(platformTextLength('instagram', '🚀ab')).toBe(3);
    expect(platformTextLength('x', '🚀ab')).toBe(4);
  });
});

describe('countHashtags', () => {
  it('counts hashtags at word starts only', () => {
    expect(countHashtags('#one two #three a#b #4ü')).toBe(3);
  });
});

describe('textLength counting rules', () => {
  const family = '👨‍👩‍👧‍👦'; // one grapheme, seven code points
  it('counts graphemes (Bluesky), code points (Instagram, Mastodon) and X weights differently', () => {
    expect(textLength('graphemes', `hi ${family}`)).toBe(4);
    expect(textLength('code-points', `hi ${family}`)).toBe(3 + 7);
    expect(textLength('x-weighted', `hi ${family}`)).toBe(3 + 2);
  });

  it('counts CJK one per grapheme but two on X', () => {
    expect(textLength('graphemes', '東京の朝')).toBe(4);
    expect(textLength('x-weighted', '東京の朝')).toBe(8);
  });
});
