import { FakeLinkedIn } from './fake-linkedin';

describe('FakeLinkedIn wire protocol', () => {
  const fake = new FakeLinkedIn();
  let ada: ReturnType<FakeLinkedIn['addMember']>;
  let bo: ReturnType<FakeLinkedIn['addMember']>;

  beforeAll(async () => {
    await fake.start();
    ada = fake.addMember('Ada Lovelace');
    bo = fake.addMember('Bo Builder');
  });
  afterAll(() => fake.close());

  const rest = async (method: string, path: string, options: { token?: string; json?: unknown; version?: string | null } = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${options.token ?? ada.token}`, 'x-restli-protocol-version': '2.0.0' };
    if (options.version !== null) headers['linkedin-version'] = options.version ?? '202601';
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${fake.url}${path}`, { method, headers, body: options.json === undefined ? undefined : JSON.stringify(options.json) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : undefined };
  };
  const share = (commentary: string, author = ada.urn, token = ada.token) =>
    rest('POST', '/rest/posts', {
      token,
      json: { author, commentary, visibility: 'PUBLIC', distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] }, lifecycleState: 'PUBLISHED', isReshareDisabledByAuthor: false },
    });

  it('creates with 201, x-restli-id and no body; truncates text at an unescaped reserved character', async () => {
    const created = await share('Fine \\(escaped\\) but (not this');
    expect([created.status, created.text]).toEqual([201, '']);
    const urn = created.headers.get('x-restli-id')!;
    expect(urn).toMatch(/^urn:li:share:\d{19}$/);
    expect(fake.posts.find((p) => p.urn === urn)).toMatchObject({ text: 'Fine (escaped) but ', truncated: true });
    expect(created.headers.get('ratelimit-remaining')).toBeNull();
    expect(created.headers.get('retry-after')).toBeNull();
  });

  it('rejects identical commentary with 422 DUPLICATE_POST naming the existing post', async () => {
    const first = await share('Same words twice');
    const second = await share('Same words twice');
    expect(second.status).toBe(422);
    expect(second.body.errorDetails.inputErrors[0].code).toBe('DUPLICATE_POST');
    expect(second.body.message).toContain(first.headers.get('x-restli-id'));
    expect((await share('Same words twice', bo.urn, bo.token)).status).toBe(201);
  });

  it('pages the author finder with start/count/total, newest first, and denies another member', async () => {
    const all = fake.postsOf(ada.urn).length;
    const page = await rest('GET', `/rest/posts?q=author&author=${encodeURIComponent(ada.urn)}&count=1&start=1&sortBy=CREATED`);
    expect(page.body.paging).toMatchObject({ start: 1, count: 1, total: all });
    expect(page.body.elements).toHaveLength(1);
    expect(typeof page.body.elements[0].createdAt).toBe('number');
    const first = await rest('GET', `/rest/posts?q=author&author=${encodeURIComponent(ada.urn)}&count=10`);
    const times = first.body.elements.map((e: { lastModifiedAt: number }) => e.lastModifiedAt);
    expect(times).toEqual([...times].sort((a: number, b: number) => b - a));
    const denied = await rest('GET', `/rest/posts?q=author&author=${encodeURIComponent(bo.urn)}`);
    expect([denied.status, denied.body.code]).toEqual([403, 'ACCESS_DENIED']);
  });

  it('deletes idempotently with 204 and requires URL-encoded URNs in paths', async () => {
    const urn = (await share('delete me')).headers.get('x-restli-id')!;
    expect((await rest('GET', `/rest/posts/${urn}`)).status).toBe(400);
    expect((await rest('DELETE', `/rest/posts/${encodeURIComponent(urn)}`)).status).toBe(204);
    expect((await rest('DELETE', `/rest/posts/${encodeURIComponent(urn)}`)).status).toBe(204);
    expect((await rest('GET', `/rest/posts/${encodeURIComponent(urn)}`)).status).toBe(404);
  });

  it('requires both version headers and a live token', async () => {
    expect((await rest('GET', '/rest/posts?q=author', { version: null })).body.code).toBe('VERSION_MISSING');
    expect((await rest('GET', '/rest/posts?q=author', { version: '202401' })).status).toBe(426);
    const noRestli = await fetch(`${fake.url}/rest/posts?q=author&author=${encodeURIComponent(ada.urn)}`, { headers: { authorization: `Bearer ${ada.token}`, 'linkedin-version': '202601' } });
    expect(noRestli.status).toBe(400);
    const bad = await rest('GET', '/v2/userinfo', { token: 'nope' });
    expect([bad.status, bad.body.serviceErrorCode]).toEqual([401, 65600]);
  });

  it('counts the daily post quota per member and resets it at 00:00 UTC', async () => {
    const quotas = new FakeLinkedIn({ dailyPostLimit: 3 });
    await quotas.start();
    const carl = quotas.addMember('Carl Counter');
    const share = (commentary: string) =>
      fetch(`${quotas.url}/rest/posts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${carl.token}`, 'linkedin-version': '202601', 'x-restli-protocol-version': '2.0.0', 'content-type': 'application/json' },
        body: JSON.stringify({ author: carl.urn, commentary, visibility: 'PUBLIC', distribution: { feedDistribution: 'MAIN_FEED' }, lifecycleState: 'PUBLISHED' }),
      }).then(async (res) => ({ status: res.status, headers: res.headers, body: (res.status === 201 ? undefined : await res.json()) as { message?: string } | undefined }));
    quotas.clock = () => new Date('2026-11-25T23:59:00Z');
    try {
      for (let i = 0; i < 3; i++) expect((await share(`quota ${i}`)).status).toBe(201);
      const limited = await share('quota 3');
      expect([limited.status, limited.body?.message]).toEqual([429, 'Resource level throttle limit for calls to this resource is reached.']);
      expect([...limited.headers.keys()].filter((h) => /rate|retry/i.test(h))).toEqual([]);
      quotas.clock = () => new Date('2026-11-26T00:00:01Z');
      expect((await share('quota 3')).status).toBe(201);
      expect(quotas.postsOf(carl.urn)).toHaveLength(4);
    } finally {
      await quotas.close();
    }
  });

  it('serves post metrics in LinkedIn’s shapes and refuses malformed analytics queries', async () => {
    const post = fake.seedPost(ada.urn, { commentary: 'Measured', publishedAt: new Date('2026-11-01T10:00:00Z') });
    fake.setInsights(post.urn, { IMPRESSION: 40, reactions: { LIKE: 3, PRAISE: 1 }, comments: 2 });
    const enc = encodeURIComponent(post.urn);
    expect((await rest('GET', `/rest/socialMetadata/${enc}`)).body).toEqual({
      entity: post.urn,
      reactionSummaries: { LIKE: { reactionType: 'LIKE', count: 3 }, PRAISE: { reactionType: 'PRAISE', count: 1 } },
      commentSummary: { count: 2, topLevelCount: 2 },
      commentsState: 'OPEN',
    });
    expect((await rest('GET', `/rest/socialMetadata/${post.urn}`)).status).toBe(400);
    expect((await rest('GET', `/rest/socialMetadata/${encodeURIComponent('urn:li:share:1')}`)).status).toBe(404);
    const analytics = (type: string, entity = `(share:${enc})`, token = ada.token) => rest('GET', `/rest/memberCreatorPostAnalytics?q=entity&entity=${entity}&queryType=${type}&aggregation=TOTAL`, { token });
    const impressions = await analytics('IMPRESSION');
    expect(impressions.body.elements).toEqual([{ count: 40, metricType: { 'com.linkedin.adsexternalapi.memberanalytics.v1.CreatorPostAnalyticsMetricTypeV1': 'IMPRESSION' }, targetEntity: { share: post.urn } }]);
    expect((await analytics('REACTION')).body.elements[0].count).toBe(4);
    expect((await analytics('MEMBERS_REACHED')).body.elements).toEqual([]);
    expect((await analytics('IMPRESSIONS')).status).toBe(400);
    expect((await analytics('IMPRESSION', `(ugc:${enc})`)).status).toBe(400);
    expect((await analytics('IMPRESSION', `(share:${enc})`, bo.token)).status).toBe(403);
  });

  it('requires the client credentials at the token endpoint', async () => {
    const res = await fetch(`${fake.url}/oauth/v2/accessToken`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=refresh_token&refresh_token=${ada.refreshToken}&client_id=app` });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
  });
});
