import 'reflect-metadata';
import { DashboardProcess, EMBEDDED_NODE_FLAGS, REPO_ROOT, Progress, dashboardBuilt, freePort, startDashboard } from '@app/launcher';
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { AllInOne, startAllInOne } from '../../apps/all-in-one/src/system';
import { percentile } from '../pipeline/stats';

/**
 * The campaign page (`/campaigns/<id>`) of the dashboard's production build (`next start`), loaded in headless
 * Chromium on loopback against the whole system embedded in this process: Largest Contentful Paint, TTFB and the
 * JavaScript the page downloads. Cold loads each use a fresh browser context (empty HTTP cache); warm loads reuse
 * one context whose cache a first, unmeasured load has filled. Prints only: a missed target does not fail the run.
 *
 *   node dist/bench/dashboard/run.js [--runs 10] [--warm-runs 5]
 */
const RUNS = argument('--runs', 10);
const WARM_RUNS = argument('--warm-runs', 5);
const TARGET_LCP_MS = 1_500;
const TARGET_JS_GZIP_BYTES = 200_000;
/** After `load`, a run ends once no script has been requested or received for this long (Next prefetches after load). */
const SETTLE_MS = 1_000;
const SETTLE_MAX_MS = 5_000;
const VIEWPORT = { width: 1280, height: 900 };
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function argument(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return fallback;
  const value = Number(args[i].includes('=') ? args[i].split('=')[1] : args[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a positive integer`);
  return value;
}

/** One script the page downloaded. */
interface Script {
  path: string;
  /** Received once the page had loaded (Next's prefetches, lazy chunks) rather than before (the page's own). */
  afterLoad: boolean;
  /** Body bytes as they came over the wire, compressed (0 from the HTTP cache). */
  transfer: number;
  /** Served from the browser's HTTP cache. */
  cached: boolean;
  encoding: string;
  raw: number;
  gzip6: number;
}

interface Run {
  lcp: number;
  fcp: number;
  ttfb: number;
  /** The last byte of the HTML: the server streams the page's shell first and the rendered campaign after it. */
  htmlDone: number;
  domContentLoaded: number;
  load: number;
  lcpElement: string;
  scripts: Script[];
  /** The HTML document (with the inline RSC payload), when bodies were read. */
  document?: { raw: number; transfer: number; encoding: string };
}

interface PageTimings {
  lcp: number | null;
  fcp: number | null;
  ttfb: number;
  htmlDone: number;
  domContentLoaded: number;
  load: number;
  lcpElement: string;
}

/** Evaluated in the page as a string: the bench is compiled without the DOM's types. */
const TIMINGS = `new Promise((resolve) => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  let last = null;
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    last = entries[entries.length - 1];
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const describe = (e) => {
    if (!e) return 'none';
    const el = e.element;
    const name = el ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') : '(removed)';
    const text = el && el.textContent ? ' "' + el.textContent.trim().slice(0, 40) + '"' : '';
    return name + (e.url ? ' ' + e.url : text) + ', ' + e.size + ' px²';
  };
  // Buffered entries reach the observer in a later task.
  setTimeout(() => resolve({
    lcp: last ? last.startTime : null,
    fcp: fcp ? fcp.startTime : null,
    ttfb: nav.responseStart - nav.startTime,
    htmlDone: nav.responseEnd - nav.startTime,
    domContentLoaded: nav.domContentLoadedEventStart - nav.startTime,
    load: nav.loadEventStart - nav.startTime,
    lcpElement: describe(last),
  }), 50);
})`;

/** One navigation to `url` in `page`, measured. Response bodies are read only after the measurement. */
async function measure(page: Page, url: string, readBodies: boolean): Promise<Run> {
  const seen: Array<{ response: Response; afterLoad: boolean }> = [];
  let loaded = false;
  let lastScriptAt = Date.now();
  const onRequest = (request: { resourceType(): string }) => {
    if (request.resourceType() === 'script') lastScriptAt = Date.now();
  };
  const onResponse = (response: Response) => {
    if (response.request().resourceType() !== 'script') return;
    lastScriptAt = Date.now();
    seen.push({ response, afterLoad: loaded });
  };
  page.on('request', onRequest);
  page.on('response', onResponse);
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    loaded = true;
    if (!response?.ok()) throw new Error(`${url}: ${response?.status()}`);
    if (new URL(page.url()).pathname !== new URL(url).pathname) throw new Error(`${url} went to ${page.url()} (not signed in?)`);
    const loadedAt = Date.now();
    while (Date.now() - lastScriptAt < SETTLE_MS && Date.now() - loadedAt < SETTLE_MAX_MS) await new Promise((resolve) => setTimeout(resolve, 50));
    const timings = await page.evaluate<PageTimings>(TIMINGS);
    if (timings.lcp === null || timings.fcp === null) throw new Error(`${url}: the browser reported no LCP or FCP`);
    const scripts: Script[] = [];
    for (const { response: r, afterLoad } of seen) {
      const sizes = await r.request().sizes();
      const body = readBodies ? await r.body() : undefined;
      scripts.push({
        path: new URL(r.url()).pathname,
        afterLoad,
        // A response from Chromium's cache has no bytes on the wire: Playwright's figure (wire bytes minus headers) is negative.
        transfer: Math.max(0, sizes.responseBodySize),
        cached: sizes.responseBodySize < 0,
        encoding: (await r.headerValue('content-encoding')) ?? 'identity',
        raw: body?.length ?? 0,
        gzip6: body ? gzipSync(body, { level: 6 }).length : 0,
      });
    }
    const document = readBodies
      ? { raw: (await response.body()).length, transfer: (await response.request().sizes()).responseBodySize, encoding: (await response.headerValue('content-encoding')) ?? 'identity' }
      : undefined;
    return { lcp: timings.lcp, fcp: timings.fcp, ttfb: timings.ttfb, htmlDone: timings.htmlDone, domContentLoaded: timings.domContentLoaded, load: timings.load, lcpElement: timings.lcpElement, scripts, document };
  } finally {
    page.off('request', onRequest);
    page.off('response', onResponse);
  }
}

async function api<T>(base: string, route: string, body?: object, token?: string): Promise<T> {
  const res = await fetch(`${base}${route}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
}

interface Session {
  email: string;
  token: string;
  expiresIn: number;
}

/** A user and a realistic campaign (3 platforms, two weeks), through the gateway's REST API, run to `scheduled`. */
async function seed(gateway: string): Promise<{ session: Session; campaignId: string; posts: number }> {
  const email = 'dashboard-bench@example.com';
  const password = 'dashboard-bench-password';
  await api(gateway, '/api/v1/auth/register', { email, password });
  const { accessToken, expiresIn } = await api<{ accessToken: string; expiresIn: number }>(gateway, '/api/v1/auth/login', { email, password });
  const { id } = await api<{ id: string }>(
    gateway,
    '/api/v1/campaigns',
    {
      name: 'Spring launch of the Harbor coworking space',
      goal: 'Fill 40 new desk memberships before the end of April and grow the newsletter by 500 sign-ups',
      targetPlatforms: ['x', 'instagram', 'linkedin'],
      durationDays: 14,
      targetAudience: 'freelancers and small remote teams in the city centre',
      brandVoice: 'warm, practical, a little playful',
      contentThemes: ['member stories', 'productivity tips', 'community events', 'behind the scenes'],
      timezone: 'Europe/Paris',
    },
    accessToken,
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    const view = await api<{ status: string; posts: unknown[] }>(gateway, `/api/v1/campaigns/${id}`, undefined, accessToken);
    if (view.status === 'scheduled') return { session: { email, token: accessToken, expiresIn }, campaignId: id, posts: view.posts.length };
    if (view.status === 'failed') throw new Error(`campaign ${id} failed`);
    if (Date.now() > deadline) throw new Error(`campaign ${id} still ${view.status} after 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A browser context signed in as the dashboard's login would: the token in the HttpOnly session cookie. */
async function signedInContext(browser: Browser, session: Session): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const expires = Math.floor(Date.now() / 1000) + session.expiresIn;
  const cookie = { domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Lax' as const, secure: false, expires };
  await context.addCookies([
    { ...cookie, name: 'as_session', value: session.token },
    { ...cookie, name: 'as_user', value: session.email },
  ]);
  return context;
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);
const ms = (n: number) => String(Math.round(n));
const sum = (scripts: Script[], pick: (s: Script) => number) => scripts.reduce((total, s) => total + pick(s), 0);

function stats(values: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] };
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => '  ' + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ')).join('\n');
}

function report(env: string[], posts: number, apiMs: number[], cold: Run[], warm: Run[]): void {
  const first = cold[0];
  const own = first.scripts.filter((s) => !s.afterLoad);
  const later = first.scripts.filter((s) => s.afterLoad);
  const timingRows: string[][] = [['', 'p50', 'p95', 'max']];
  for (const [label, runs] of [
    [`cold (${cold.length} runs)`, cold],
    [`warm (${warm.length} runs)`, warm],
  ] as const) {
    for (const [metric, pick] of [
      ['LCP', (r: Run) => r.lcp],
      ['FCP', (r: Run) => r.fcp],
      ['TTFB', (r: Run) => r.ttfb],
      ['HTML complete', (r: Run) => r.htmlDone],
      ['DOMContentLoaded', (r: Run) => r.domContentLoaded],
      ['load', (r: Run) => r.load],
    ] as const) {
      const s = stats(runs.map(pick));
      timingRows.push([`${metric} ${label}`, `${ms(s.p50)} ms`, `${ms(s.p95)} ms`, `${ms(s.max)} ms`]);
    }
  }
  const encodings = [...new Set(first.scripts.map((s) => s.encoding))].join(', ');
  const jsRows: string[][] = [['', 'files', 'raw', 'gzip as sent', 'gzip -6 recomputed']];
  const jsRow = (label: string, scripts: Script[]) => [label, String(scripts.length), `${kB(sum(scripts, (s) => s.raw))} kB`, `${kB(sum(scripts, (s) => s.transfer))} kB`, `${kB(sum(scripts, (s) => s.gzip6))} kB`];
  jsRows.push(jsRow('until load (the page)', own), jsRow('after load (prefetch)', later), jsRow('total', first.scripts));
  const coldCounts = new Set(cold.map((r) => `${r.scripts.length} files, ${kB(sum(r.scripts, (s) => s.transfer))} kB`));
  const warmCached = Math.min(...warm.map((r) => r.scripts.filter((s) => s.cached).length));
  const warmTransfer = stats(warm.map((r) => sum(r.scripts, (s) => s.transfer)));

  console.log(`\ndashboard benchmark: campaign page /campaigns/<id> (3 platforms × 14 days, ${posts} posts, status scheduled), production build (next start), headless Chromium`);
  for (const line of env) console.log(`  ${line}`);
  console.log(`\ntimings (from navigation start; the server warmed by one unmeasured load):`);
  console.log(table(timingRows));
  console.log(`  LCP element: ${first.lcpElement}`);
  const apiTimes = stats(apiMs);
  console.log(`  the gateway's GET /api/v1/campaigns/<id>, which the server render awaits: p50 ${ms(apiTimes.p50)} ms, max ${ms(apiTimes.max)} ms (${apiMs.length} requests)`);
  console.log(`\nJavaScript (resource type script) of a cold load; kB = 1,000 bytes; content-encoding as sent: ${encodings}`);
  console.log(table(jsRows));
  console.log(`  every cold run: ${[...coldCounts].join(' | ')} transferred`);
  console.log(`  warm runs: ${warm[0].scripts.length} scripts, at least ${warmCached} from the HTTP cache, at most ${kB(warmTransfer.max)} kB transferred`);
  if (first.document) {
    console.log(`  not counted: the HTML document (with the RSC payload inline): raw ${kB(first.document.raw)} kB, ${kB(first.document.transfer)} kB as sent (${first.document.encoding})`);
  }
  console.log(`\nscripts of a cold load, largest first:`);
  const list = [...first.scripts].sort((a, b) => b.raw - a.raw);
  console.log(
    table([
      ['path', 'raw', 'gzip as sent', 'gzip -6', ''],
      ...list.map((s) => [s.path, `${kB(s.raw)} kB`, `${kB(s.transfer)} kB`, `${kB(s.gzip6)} kB`, s.afterLoad ? 'after load' : '']),
    ]),
  );
  const lcpCold = stats(cold.map((r) => r.lcp));
  const lcpWarm = stats(warm.map((r) => r.lcp));
  const jsGzip = sum(first.scripts, (s) => s.gzip6);
  const jsSent = sum(first.scripts, (s) => s.transfer);
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  console.log(`\ntargets:`);
  console.log(`  LCP under ${TARGET_LCP_MS} ms (p95, cold and warm):  ${ms(lcpCold.p95)} ms (p50 ${ms(lcpCold.p50)}, warm p95 ${ms(lcpWarm.p95)})  ${verdict(lcpCold.p95 < TARGET_LCP_MS && lcpWarm.p95 < TARGET_LCP_MS)}`);
  console.log(
    `  JavaScript under ${TARGET_JS_GZIP_BYTES / 1000} kB gzipped (everything a cold load downloads, gzip -6):  ${kB(jsGzip)} kB (as sent ${kB(jsSent)} kB)  ${verdict(jsGzip < TARGET_JS_GZIP_BYTES && jsSent < TARGET_JS_GZIP_BYTES)}`,
  );
}

async function main(): Promise<void> {
  if (!dashboardBuilt()) throw new Error('the dashboard is not built: run `npm run build:dashboard` first');
  const resultsDir = path.join(REPO_ROOT, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const logFile = path.join(resultsDir, `dashboard-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
  const logFd = openSync(logFile, 'a');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'agentic-dashboard-bench-'));
  const env: Record<string, string | undefined> = { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'error' };
  for (const name of ['GATEWAY', 'STRATEGY', 'CONTENT', 'CREATIVE', 'SCHEDULER', 'POSTING', 'ANALYTICS']) env[`${name}_PORT`] = String(await freePort());
  let system: AllInOne | undefined;
  let dashboard: DashboardProcess | undefined;
  let browser: Browser | undefined;
  try {
    console.log(`starting the system (embedded PostgreSQL and bus in ${dataDir}) and the dashboard (log in ${path.relative(REPO_ROOT, logFile)})`);
    system = await startAllInOne(env, ['error']);
    const gateway = system.gatewayUrl.replace('//localhost:', '//127.0.0.1:');
    dashboard = await startDashboard({ enabled: true, port: await freePort(), host: '127.0.0.1' }, gateway, process.env, logFd);
    const dashboardUrl = dashboard.url.replace('//localhost:', '//127.0.0.1:');
    const { session, campaignId, posts } = await seed(gateway);
    const url = `${dashboardUrl}/campaigns/${campaignId}`;
    // As test/e2e/browser.ts (not part of the build): Debian's Chromium, nothing that reaches out to the internet.
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const environment = [
      `Node ${process.version} (${EMBEDDED_NODE_FLAGS.join(' ')}), Next.js ${(require('next/package.json') as { version: string }).version}, Chromium ${browser.version()} (headless, ${VIEWPORT.width}×${VIEWPORT.height})`,
      `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}; loopback, no CPU or network throttling`,
    ];

    // The server's first render of the route (module loading, JIT) is not what a visitor of a running server gets.
    const warmUp = await signedInContext(browser, session);
    await measure(await warmUp.newPage(), url, false);
    await warmUp.close();

    const apiMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await api(gateway, `/api/v1/campaigns/${campaignId}`, undefined, session.token);
      apiMs.push(performance.now() - started);
    }

    const progress = new Progress('page loads', RUNS + WARM_RUNS);
    const cold: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await signedInContext(browser, session);
      cold.push(await measure(await context.newPage(), url, i === 0));
      await context.close();
      progress.update(i + 1);
    }
    const warm: Run[] = [];
    const context = await signedInContext(browser, session);
    const page = await context.newPage();
    await measure(page, url, false);
    for (let i = 0; i < WARM_RUNS; i++) {
      await page.goto('about:blank');
      warm.push(await measure(page, url, false));
      progress.update(RUNS + i + 1);
    }
    await context.close();
    progress.finish();
    report(environment, posts, apiMs, cold, warm);
  } finally {
    await browser?.close().catch(() => undefined);
    await dashboard?.stop().catch(() => undefined);
    await system?.stop().catch(() => undefined);
    closeSync(logFd);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The embedded PostgreSQL runs in this process: the same V8 flags as `npm start` (see EMBEDDED_NODE_FLAGS). */
if (!EMBEDDED_NODE_FLAGS.every((flag) => process.execArgv.includes(flag))) {
  const child = spawn(process.execPath, [...EMBEDDED_NODE_FLAGS, ...process.execArgv, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  main().then(
    () => process.exit(0),
    (error: Error) => {
      console.error(error.stack ?? error.message);
      process.exit(1);
    },
  );
}
