/** @jest-environment jsdom */
import { cleanup, render, screen, within } from '@testing-library/react';
import type { PostView } from '@/api/types';
import { PostPreview } from './post-preview';

function makePost(overrides: Partial<PostView> = {}): PostView {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    campaignId: '00000000-0000-4000-8000-000000000002',
    connectionId: null,
    platform: 'x',
    contentType: 'single',
    pillar: 'Education',
    text: 'Hello world',
    threadParts: null,
    hashtags: [],
    callToAction: null,
    visual: null,
    scheduledTime: '2026-12-01T09:00:00.000Z',
    status: 'draft',
    error: null,
    failureCode: null,
    url: null,
    accountName: '@acme',
    platformPostId: null,
    publishedAt: null,
    slotChoice: null,
    editRevision: 0,
    createdAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T09:00:00.000Z',
    ...overrides,
  };
}

const visual = { concept: 'A sunlit desk with a seedling in a mug', imagePrompt: 'photo of a seedling in a mug', altText: 'A green seedling growing in a white mug on a desk', imageUrl: null };

/** The "n/limit" at the start of a count element, as numbers. */
function countOf(element: HTMLElement): { n: number; limit: number } {
  const match = /^(\d+)\/(\d+)/.exec(element.textContent ?? '');
  if (!match) throw new Error(`no count in ${JSON.stringify(element.textContent)}`);
  return { n: Number(match[1]), limit: Number(match[2]) };
}

afterEach(cleanup);

describe('PostPreview: X', () => {
  it('shows the weighted count of a single post: a URL counts 23, an emoji 2', () => {
    const url = 'https://example.com/a-rather-long-path/to-the-launch-post';
    const text = `Hi 👋 see ${url}`;
    render(<PostPreview post={makePost({ text })} />);

    const article = screen.getByRole('article', { name: 'X preview' });
    const counts = within(article).getAllByTestId('x-weighted-count');
    expect(counts).toHaveLength(1);
    // "Hi " 3 + 👋 2 + " see " 5 + URL 23 = 33 (its code-point length would be 9 + 57 = 66).
    expect(url.length).toBe(57);
    expect(countOf(counts[0]!)).toEqual({ n: 33, limit: 280 });
    expect(counts[0]!.getAttribute('data-over-limit')).toBeNull();
    expect(counts[0]!.textContent).not.toMatch(/over the limit/);
    expect(within(article).getByText('@acme')).toBeTruthy();
    expect(within(article).queryByTestId('thread-part-number')).toBeNull();
  });

  it('splits a thread into one numbered card per part, in order, each with its own count', () => {
    const threadParts = ['1/3 First part here', '2/3 The second part, a bit longer', '3/3 Last 🎉'];
    render(<PostPreview post={makePost({ contentType: 'thread', text: threadParts[0]!, threadParts })} />);

    const article = screen.getByRole('article', { name: 'X preview' });
    const list = within(article).getByRole('list', { name: 'Thread of 3 posts' });
    const cards = within(list).getAllByRole('listitem');
    expect(cards).toHaveLength(3);
    expect(within(article).getAllByTestId('thread-line')).toHaveLength(2);

    const expectedCounts = [19, 33, 11]; // ASCII counts 1 each; "🎉" counts 2
    cards.forEach((card, i) => {
      expect(within(card).getByTestId('thread-part-number').textContent).toBe(`${i + 1}/3`);
      expect(within(card).getByText(threadParts[i]!)).toBeTruthy();
      expect(countOf(within(card).getByTestId('x-weighted-count'))).toEqual({ n: expectedCounts[i], limit: 280 });
    });
  });

  it('flags a 300-character post as over the limit, in words', () => {
    render(<PostPreview post={makePost({ text: 'a'.repeat(300) })} />);

    const count = screen.getByTestId('x-weighted-count');
    expect(count.textContent).toMatch(/^300\/280\b.*— over the limit$/);
    expect(count.getAttribute('data-over-limit')).toBe('true');
    expect(count.className).toContain('text-red-800');
  });
});

describe('PostPreview: Instagram', () => {
  const tags = ['#PlantCare', '#UrbanJungle', '#Houseplants', '#GreenHome', '#Seedlings'];

  it('counts the hashtags in the caption once, even though post.hashtags lists them too', () => {
    const text = `New leaf day! 🌱\n\nWater little and often.\n\n${tags.join(' ')}`;
    render(<PostPreview post={makePost({ platform: 'instagram', contentType: 'image', text, hashtags: tags, visual })} />);

    const count = within(screen.getByRole('article', { name: 'Instagram preview' })).getByTestId('instagram-hashtag-count');
    expect(count.textContent).toBe('5/30 hashtags');
    expect(count.getAttribute('data-over-limit')).toBeNull();
  });

  it('flags more than 30 hashtags', () => {
    const many = Array.from({ length: 31 }, (_, i) => `#Tag${i}`);
    render(<PostPreview post={makePost({ platform: 'instagram', contentType: 'image', text: `Caption ${many.join(' ')}`, hashtags: many, visual })} />);

    const count = screen.getByTestId('instagram-hashtag-count');
    expect(count.textContent).toBe('31/30 hashtags — over the limit');
    expect(count.getAttribute('data-over-limit')).toBe('true');
  });

  it('shows the visual concept in place of the image while there is none', () => {
    render(<PostPreview post={makePost({ platform: 'instagram', contentType: 'image', visual })} imageSrc={null} />);

    const article = screen.getByRole('article', { name: 'Instagram preview' });
    const placeholder = within(article).getByRole('figure');
    expect(within(placeholder).getByText('Visual concept')).toBeTruthy();
    expect(within(placeholder).getByText(visual.concept)).toBeTruthy();
    expect(within(article).queryByRole('img')).toBeNull();
  });

  it('shows the image with its alt text when it can be loaded', () => {
    const post = makePost({ platform: 'instagram', contentType: 'image', visual: { ...visual, imageUrl: '/api/v1/images/1' } });
    render(<PostPreview post={post} imageSrc={`/media/${post.id}`} />);

    const article = screen.getByRole('article', { name: 'Instagram preview' });
    const image = within(article).getByRole('img', { name: visual.altText });
    expect(image.getAttribute('src')).toBe(`/media/${post.id}`);
    expect(within(article).queryByText('Visual concept')).toBeNull();
  });
});

describe('PostPreview: other platforms', () => {
  it('counts a LinkedIn post in code points against 3000 and shows its hashtags and call to action', () => {
    const text = 'Plants at work 🌿 make people happier. #WorkplaceWellbeing';
    render(<PostPreview post={makePost({ platform: 'linkedin', text, hashtags: ['#WorkplaceWellbeing'], callToAction: 'Read the study' })} />);

    const article = screen.getByRole('article', { name: 'LinkedIn preview' });
    // 57 code points: the emoji is one code point (two UTF-16 units, so text.length is 58).
    expect(text.length).toBe(58);
    expect(countOf(within(article).getByTestId('text-count'))).toEqual({ n: 57, limit: 3000 });
    expect(within(within(article).getByRole('list', { name: 'Hashtags' })).getByText('#WorkplaceWellbeing')).toBeTruthy();
    expect(within(article).getByText('Read the study')).toBeTruthy();
  });

  it('counts a Bluesky post in graphemes: a family emoji (ZWJ sequence) is one', () => {
    const family = '👨‍👩‍👧‍👦';
    expect([...family]).toHaveLength(7);
    render(<PostPreview post={makePost({ platform: 'bluesky', text: `${family} hi` })} />);

    const article = screen.getByRole('article', { name: 'Bluesky preview' });
    expect(countOf(within(article).getByTestId('text-count'))).toEqual({ n: 4, limit: 300 });
  });

  it('shows a Mastodon thread part by part with code-point counts', () => {
    const threadParts = ['1/2 Start 👨‍👩‍👧‍👦', '2/2 End'];
    render(<PostPreview post={makePost({ platform: 'mastodon', contentType: 'thread', text: threadParts[0]!, threadParts })} />);

    const article = screen.getByRole('article', { name: 'Mastodon preview' });
    const cards = within(article).getAllByRole('listitem').filter((li) => li.getAttribute('data-testid') === 'thread-part');
    expect(cards).toHaveLength(2);
    expect(countOf(within(cards[0]!).getByTestId('text-count'))).toEqual({ n: 17, limit: 500 }); // 10 + 7 code points
    expect(countOf(within(cards[1]!).getByTestId('text-count'))).toEqual({ n: 7, limit: 500 });
  });
});
