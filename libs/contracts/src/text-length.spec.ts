import { countHashtags, platformTextLength, xWeightedLength } from './text-length';

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
