import { escapeLittleText, fromLittleText, parseLittleText, toLittleText } from './linkedin.text';

describe('LinkedIn little text', () => {
  it('escapes every reserved character', () => {
    expect(escapeLittleText('a\\b|c{d}e@f[g]h(i)j<k>l#m*n_o~p')).toBe('a\\\\b\\|c\\{d\\}e\\@f\\[g\\]h\\(i\\)j\\<k\\>l\\#m\\*n\\_o\\~p');
  });

  it('writes hashtags as templates, or escapes them when asked', () => {
    expect(toLittleText('#Start middle #über_cool end#not (x)')).toBe('{hashtag|\\#|Start} middle {hashtag|\\#|über\\_cool} end\\#not \\(x\\)');
    expect(toLittleText('Hi #tag', 'escape')).toBe('Hi \\#tag');
  });

  it('round-trips what the user wrote', () => {
    const text = 'Tips (1/2): use *bold* ideas, e-mail me@host.com ~ #CoWorking [beta] <3 \\o/';
    expect(fromLittleText(toLittleText(text))).toBe(text);
    expect(fromLittleText(toLittleText(text, 'escape'))).toBe(text);
  });

  it('renders mentions by name and, strictly, stops at an unescaped reserved character', () => {
    expect(fromLittleText('Thanks @[Quiet Desk](urn:li:organization:123)!')).toBe('Thanks Quiet Desk!');
    expect(parseLittleText('Open day (free) today', true)).toEqual({ text: 'Open day ', truncatedAt: 9 });
    expect(parseLittleText('Open day \\(free\\) today', true)).toEqual({ text: 'Open day (free) today' });
    expect(parseLittleText('Open day (free) today').text).toBe('Open day (free) today');
  });
});
