import { eventually } from '@app/testing';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { staleOpenApiFiles } from '../../apps/gateway/openapi/api-types';
import { axeViolations, launchChromium, screenshotDir, seriousViolations } from './browser';

/** `YYYY-MM-DDTHH:mm` in Europe/Paris, the test campaign's time zone (as a datetime-local input reads). */
function parisWallTime(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .format(new Date(iso))
    .replace(' ', 'T');
}

export interface DashboardSystem {
  dashboardUrl: string;
  gatewayUrl: string;
  /** Names the screenshots' folder: `embedded`, `distributed`. */
  mode: string;
  /** Whether posts get generated images (an image model is configured). */
  images: boolean;
}

interface ApiPost {
  id: string;
  platform: string;
  status: string;
  text: string;
  scheduledTime: string | null;
  editRevision: number;
  visual: { imageUrl: string | null } | null;
}

/**
 * A marketer's path through the web dashboard in headless Chromium, against the real system: register,
 * create a campaign (after a validation error shown on its fields), watch the agents' stages arrive live,
 * edit and reschedule a post, execute, and see it published; every page passes axe-core and is photographed;
 * another user reaches none of it.
 */
export function dashboardScenario(getSystem: () => DashboardSystem): void {
  let closeBrowser: () => Promise<void>;
  let browser: Browser;
  let alice: BrowserContext;
  let page: Page;
  let shots: string;
  const email = `dash-${Date.now()}@example.com`;
  const password = 'correct horse battery';
  let campaignId: string;
  let campaignUrl: string;
  let chosen: ApiPost;
  let token: string;

  const url = (p: string) => `${getSystem().dashboardUrl}${p}`;
  const shoot = (name: string, target = page) => target.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  const expectAccessible = async (target = page) => {
    // A live refresh may be re-rendering the head at this instant; a title that never comes is still reported by axe.
    await target.waitForFunction('document.title.length > 0', undefined, { timeout: 5_000 }).catch(() => undefined);
    expect(seriousViolations(await axeViolations(target))).toEqual([]);
  };
  /** The gateway's own answer about a post, with the user's token (read from the HttpOnly cookie by the test, not the page). */
  const apiPost = async (id: string): Promise<ApiPost> => {
    const res = await fetch(`${getSystem().gatewayUrl}/api/v1/posts/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as ApiPost;
  };

  beforeAll(async () => {
    shots = screenshotDir(getSystem().mode);
    await eventually('dashboard answers', async () => ((await fetch(url('/healthz')).catch(() => undefined))?.ok ? true : undefined), 30_000, 200);
    ({ browser, close: closeBrowser } = await launchChromium());
    alice = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await alice.newPage();
  }, 60_000);

  afterAll(async () => {
    await closeBrowser?.();
  });

  it('is typed from the OpenAPI document this gateway serves (docs/openapi.json and the generated types are current)', async () => {
    const res = await fetch(`${getSystem().gatewayUrl}/docs-json`);
    expect(res.status).toBe(200);
    expect(await staleOpenApiFiles((await res.json()) as Record<string, unknown>)).toEqual([]);
  });

  it('sends a visitor without a session to the login page, which passes axe', async () => {
    await page.goto(url('/campaigns'));
    expect(new URL(page.url()).pathname).toBe('/login');
    await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await expectAccessible();
    await shoot('login');
  });

  it('registers with the keyboard alone; the token stays in an HttpOnly cookie the page cannot read', async () => {
    await page.goto(url('/register'));
    await page.getByLabel('Email').focus();
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/campaigns\/new$/);
    const cookies = await alice.cookies();
    const session = cookies.find((c) => c.name === 'as_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    token = session!.value;
    expect(token.split('.')).toHaveLength(3);
    expect(await page.evaluate<string>('document.cookie')).not.toContain(token);
    expect(await page.evaluate<string>('JSON.stringify(localStorage) + JSON.stringify(sessionStorage)')).not.toContain(token);
  });

  it('shows the API’s validation errors on their fields and keeps what was typed', async () => {
    await page.getByLabel('Goal').fill('Grow the beta waitlist');
    await page.getByLabel('Duration (days)').fill('400');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    const nameErrors = page.locator('[data-field-error="name"]');
    await nameErrors.waitFor();
    expect(await nameErrors.innerText()).toMatch(/name/i);
    expect(await page.locator('[data-field-error="targetPlatforms"]').innerText()).toMatch(/targetPlatforms/);
    expect(await page.locator('[data-field-error="durationDays"]').innerText()).toMatch(/durationDays must not be greater than 90/);
    expect(await page.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Goal').inputValue()).toBe('Grow the beta waitlist');
    expect(new URL(page.url()).pathname).toBe('/campaigns/new');
    await expectAccessible();
    await shoot('campaign-new-with-errors');
  });

  it('creates a campaign and shows the agents’ stages arriving live, without a reload', async () => {
    await page.getByLabel('Name').fill('Browser launch');
    await page.getByLabel('Duration (days)').fill('7');
    await page.getByLabel('X', { exact: true }).check();
    await page.getByLabel('Instagram').check();
    await page.getByLabel('Time zone').selectOption('Europe/Paris');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    campaignUrl = page.url();
    campaignId = campaignUrl.split('/').pop()!;
    // In the page: how many stages have succeeded, recorded at every change of the document. A reload would
    // lose this window's state, so finding it at the end proves the page updated itself.
    await page.evaluate(`(() => {
      const seen = (window.stagesSeen = []);
      const record = () => seen.push(document.querySelectorAll('[data-stage-status="succeeded"]').length);
      record();
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true });
    })()`);
    await page.locator('[data-stage="schedule"][data-stage-status="succeeded"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-post-id]').first().waitFor();
    const seen = await page.evaluate<number[] | undefined>('window.stagesSeen');
    expect(seen).toBeDefined();
    expect(seen!.at(-1)).toBe(4);
    expect(seen!.every((n, i) => i === 0 || n >= seen![i - 1])).toBe(true);
    expect(await page.locator('[data-live-state="live"]').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Strategy' }).isVisible()).toBe(true);
  });

  it('shows every post as its platform’s preview: X counts weighted characters, Instagram its hashtags', async () => {
    const view = (await (await fetch(`${getSystem().gatewayUrl}/api/v1/campaigns/${campaignId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { posts: ApiPost[] };
    const posts = view.posts as ApiPost[];
    expect(await page.locator('[data-post-id]').count()).toBe(posts.length);
    const x = page.getByRole('article', { name: 'X preview' });
    expect(await x.count()).toBe(posts.filter((p) => p.platform === 'x').length);
    expect(await x.first().getByTestId('x-weighted-count').first().innerText()).toMatch(/^\d+\/280/);
    const instagram = page.getByRole('article', { name: 'Instagram preview' }).first();
    expect(await instagram.getByTestId('instagram-hashtag-count').innerText()).toMatch(/^\d+\/30 hashtags/);
    if (getSystem().images) {
      // The generated image comes through the dashboard's server (the browser has no token for the gateway).
      const image = instagram.getByRole('img').first();
      await image.waitFor();
      expect(await image.getAttribute('src')).toMatch(/^\/media\/[0-9a-f-]{36}$/);
      expect(await image.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).complete && (img as unknown as { naturalWidth: number }).naturalWidth > 0)).toBe(true);
    }
    chosen = posts.find((p) => p.platform === 'x' && p.status === 'draft')!;
    expect(chosen).toBeDefined();
    await expectAccessible();
    await shoot('campaign');
  });

  it('edits a post’s text', async () => {
    const card = page.locator(`[data-post-id="${chosen.id}"]`);
    await card.getByText('Edit text').click();
    const text = `Edited in the browser ${Date.now() % 1000} #launch`;
    await card.getByLabel('Text').fill(text);
    await card.getByRole('button', { name: 'Save text' }).click();
    await card.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const after = await apiPost(chosen.id);
    expect(after.text).toBe(text);
    expect(after.editRevision).toBe(chosen.editRevision + 1);
    await eventually('the preview shows the new text', async () => ((await card.getByRole('article').innerText()).includes(text) ? true : undefined), 10_000, 200);
  });

  it('reschedules it with the date picker, in the campaign’s time zone', async () => {
    // The next whole minute at least 10 s away: the picker has minutes, and the post is to go out during this test.
    const due = new Date(Math.ceil((Date.now() + 10_000) / 60_000) * 60_000);
    const paris = parisWallTime(due.toISOString());
    const card = page.locator(`[data-post-id="${chosen.id}"]`);
    await card.getByText('Reschedule').first().click();
    await card.getByLabel('New time (Europe/Paris)').fill(paris);
    await card.getByRole('button', { name: 'Reschedule' }).click();
    await card.getByRole('status').filter({ hasText: 'Rescheduled.' }).waitFor();
    expect((await apiPost(chosen.id)).scheduledTime).toBe(due.toISOString());
  });

  it('moves another post to the next day by dragging it on the calendar, keeping its time of day', async () => {
    const view = (await (await fetch(`${getSystem().gatewayUrl}/api/v1/campaigns/${campaignId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { posts: ApiPost[] };
    const chips = page.locator('[data-calendar-post][draggable="true"]');
    const ids = await chips.evaluateAll((nodes) => nodes.map((n) => (n as unknown as { dataset: { calendarPost: string } }).dataset.calendarPost));
    const other = view.posts.find((p) => p.id !== chosen.id && ids.includes(p.id))!;
    expect(other).toBeDefined();
    const days = await page.locator('[data-day]').evaluateAll((nodes) => nodes.map((n) => (n as unknown as { dataset: { day: string } }).dataset.day));
    const from = await page.locator('[data-day]', { has: page.locator(`[data-calendar-post="${other.id}"]`) }).getAttribute('data-day');
    const to = days[days.indexOf(from!) + 1] ?? days[days.indexOf(from!) - 1];
    const status = page.locator('[data-calendar-status]');
    // Source and target in view together: a drag that has to scroll the page is not a drag a person makes.
    await page.locator(`[data-day="${to}"]`).scrollIntoViewIfNeeded();
    await page.locator(`[data-calendar-post="${other.id}"]`).dragTo(page.locator(`[data-day="${to}"]`));
    expect(await eventually('the calendar says what happened', async () => (await status.innerText()) || undefined, 15_000, 100)).toMatch(/^Moved to /);
    const moved = await apiPost(other.id);
    expect(parisWallTime(moved.scheduledTime!).slice(0, 10)).toBe(to);
    expect(parisWallTime(moved.scheduledTime!).slice(11)).toBe(parisWallTime(other.scheduledTime!).slice(11));
    await page.locator(`[data-day="${to}"] [data-calendar-post="${other.id}"]`).waitFor();
  });

  it('executes the campaign and shows the post published, live', async () => {
    await page.getByRole('button', { name: 'Execute campaign' }).click();
    await page.getByText('Executing', { exact: false }).first().waitFor();
    const card = page.locator(`[data-post-id="${chosen.id}"][data-status="published"]`);
    await card.waitFor({ timeout: 90_000 });
    expect((await apiPost(chosen.id)).status).toBe('published');
    expect(await card.getByText(/^Published /).count()).toBeGreaterThan(0);
    await shoot('campaign-published');
  }, 120_000);

  it('lists the campaign, and shows the dashboard with what was published', async () => {
    await page.goto(url('/campaigns'));
    await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
    await shoot('campaigns');
    expect(await page.getByRole('link', { name: 'Browser launch', exact: true }).count()).toBe(1);
    await expectAccessible();
    await page.goto(url('/'));
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const published = page.locator('section', { has: page.getByRole('heading', { name: 'Just published' }) });
    expect(await published.getByText('X', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: 'Last 7 days' }).isVisible()).toBe(true);
    await expectAccessible();
    await shoot('dashboard');
  });

  it('connects a sandbox account on the Platforms page, then disconnects it', async () => {
    await page.goto(url('/platforms'));
    await page.getByRole('heading', { name: 'Platforms', level: 1 }).waitFor();
    await expectAccessible();
    await page.getByLabel('Platform').selectOption('linkedin');
    await page.getByRole('button', { name: 'Connect a sandbox account' }).click();
    const connection = page.getByTestId('connection').filter({ hasText: 'LinkedIn' });
    await connection.waitFor();
    expect(await connection.innerText()).toMatch(/active/);
    const listed = (await (await fetch(`${getSystem().gatewayUrl}/api/v1/platforms`, { headers: { authorization: `Bearer ${token}` } })).json()) as Array<{ platform: string; kind: string }>;
    expect(listed.filter((c) => c.platform === 'linkedin').map((c) => c.kind)).toEqual(['sandbox']);
    await expectAccessible();
    await shoot('platforms');
    page.once('dialog', (dialog) => void dialog.accept());
    await connection.getByRole('button', { name: /^Disconnect / }).click();
    await eventually('the account is gone', async () => ((await page.getByTestId('connection').filter({ hasText: 'LinkedIn' }).count()) === 0 ? true : undefined), 10_000, 200);
  });

  it('shows the campaign’s analytics, with the CSV export', async () => {
    await page.goto(url(`/analytics?campaign=${campaignId}`));
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Best times to post' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Campaign', { exact: true }).inputValue()).toBe(campaignId);
    const csv = await alice.request.get(url(`/exports/${campaignId}`));
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/text\/csv/);
    expect(csv.headers()['content-disposition']).toContain(`campaign-${campaignId}-analytics.csv`);
    expect((await csv.text()).split('\n')[0]).toMatch(/^post_id,platform,/);
    await expectAccessible();
    await shoot('analytics');
  });

  it('fits a phone’s width', async () => {
    const phone = await alice.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    for (const [path, name] of [
      ['/', 'dashboard'],
      [`/campaigns/${campaignId}`, 'campaign'],
    ] as const) {
      await phone.goto(url(path));
      const overflow = await phone.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(phone);
      await shoot(`phone-${name}`, phone);
    }
    await phone.close();
  });

  it('keeps another user away from the campaign, its live stream and its images', async () => {
    const bob = await browser.newContext();
    const bobPage = await bob.newPage();
    await bobPage.goto(url('/register'));
    await bobPage.getByLabel('Email').fill(`bob-${Date.now()}@example.com`);
    await bobPage.getByLabel('Password').fill(password);
    await bobPage.getByRole('button', { name: 'Create your account' }).click();
    await bobPage.waitForURL(/\/campaigns\/new$/);
    // The page streams (its loading state goes out first), so the status is already 200 when the ownership
    // check fails: what must not happen is anything of the campaign reaching bob's browser.
    await bobPage.goto(url(`/campaigns/${campaignId}`));
    await bobPage.getByRole('heading', { name: 'Not found' }).waitFor();
    expect(await bobPage.content()).not.toContain(chosen.id);
    expect(await bobPage.getByText('Browser launch').count()).toBe(0);
    expect((await bob.request.get(url(`/live?campaignId=${campaignId}`))).status()).toBe(404);
    expect((await bob.request.get(url(`/media/${chosen.id}`))).status()).toBe(404);
    expect((await bob.request.get(url(`/exports/${campaignId}`))).status()).toBe(404);
    await bobPage.goto(url('/campaigns'));
    await bobPage.getByText('No campaigns yet').waitFor();
    await bob.close();
  });

  it('signs out: the cookie is gone and the pages ask for a login again', async () => {
    await page.goto(url('/'));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    expect((await alice.cookies()).some((c) => c.name === 'as_session')).toBe(false);
    await page.goto(url(`/campaigns/${campaignId}`));
    expect(new URL(page.url()).pathname).toBe('/login');
  });
}
