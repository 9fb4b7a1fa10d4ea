/**
 * Reconciliation by content: after an unknown outcome on a platform without idempotency keys, the post is
 * looked for among the account's recent posts. Platforms rewrite text (HTML on Mastodon, t.co links on X,
 * entity escaping on Meta), so both sides are normalised before they are compared.
 */
export function normalizeForMatch(text: string, html = false): string {
  const plain = html ? decodeEntities(text.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>\s*<p>/gi, '\n').replace(/<[^>]+>/g, '')) : text;
  return plain
    .normalize('NFC')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Whether a post on the platform carries the text we sent (prefix match on the normalised form); `html` when
 * the platform returns the post as HTML (Mastodon's `content`).
 */
export function sameText(sent: string, found: string | undefined, html = false): boolean {
  if (!found) return false;
  const a = normalizeForMatch(sent);
  const b = normalizeForMatch(found, html);
  const n = Math.min(a.length, b.length, 120);
  return n > 0 && a.slice(0, n) === b.slice(0, n);
}

/** Whether an instant falls in the window around a send in which the post would have been created. */
export function withinWindow(createdAt: Date | undefined, sentAt: Date, slackMs = 10 * 60_000): boolean {
  if (!createdAt) return false;
  const t = createdAt.getTime();
  return t >= sentAt.getTime() - slackMs && t <= sentAt.getTime() + slackMs;
}

/** Decodes the HTML entities platforms use in text (numeric, quotes, angle brackets, ampersand). */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
