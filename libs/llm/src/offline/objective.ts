/** What the campaign is for, inferred from goal keywords; drives KPIs, calls to action and filler pillars. */
export type Objective = 'awareness' | 'engagement' | 'traffic' | 'signups' | 'sales' | 'launch' | 'event';

const PATTERNS: ReadonlyArray<readonly [Objective, RegExp]> = [
  ['sales', /\b(sell|selling|sales|revenue|purchases?|buy|buying|orders?|conversions?|shop|e-?commerce|bookings?|checkouts?|customers)\b/],
  ['signups', /\b(sign[- ]?ups?|signing up|register|registrations?|subscri\w*|leads?|wait-?list|trials?|downloads?|installs?|enrol\w*|join|members(hip)?|newsletter)\b/],
  ['event', /\b(attend\w*|events?|tickets?|rsvps?|webinars?|workshops?|meetups?|festivals?|conferences?|turnout)\b/],
  ['launch', /\b(launch\w*|introduc\w*|unveil\w*|releases?|debut\w*|announc\w*|new product)\b/],
  ['traffic', /\b(traffic|visits?|visitors|website|web site|clicks?|blog|site|landing page|readers)\b/],
  ['engagement', /\b(engag\w*|comments?|interactions?|conversations?|community|ugc|shares?|participation|loyalty|retention)\b/],
  ['awareness', /\b(awareness|reach|visibility|recogni\w*|impressions|known|followers?|audience|brand)\b/],
];

export function detectObjective(goal: string): Objective {
  const lower = goal.toLowerCase();
  return PATTERNS.find(([, pattern]) => pattern.test(lower))?.[0] ?? 'awareness';
}

/** A number the goal commits to, e.g. "500 sign-ups" or "20%", if any. */
export function goalTarget(goal: string): string | undefined {
  const match = goal.match(/\d[\d,.]*(?:\s*(?:%|percent\b|k\b))?(?:\s+(?:new\s+)?[\p{L}-]+)?/iu);
  if (!match) return undefined;
  const text = match[0].trim();
  if (/%|percent/i.test(text)) return text.replace(/\s*percent\b.*$/i, '%').replace(/%.*$/, '%');
  if (/^\d{4}$/.test(text.split(/\s/)[0] ?? '') && /^(19|20)\d\d/.test(text)) return undefined;
  return text;
}
