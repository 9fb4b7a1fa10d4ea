import { eventually } from '@app/testing';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiSession } from './api-client';
import { EmbeddedProcess } from './embedded-process';

jest.setTimeout(120_000);

/** `npm start` with nothing configured keeps its data under DATA_DIR across restarts. */
describe('embedded mode keeps campaigns across a restart', () => {
  let dataDir: string;
  let system: EmbeddedProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'agentic-restart-'));
    system = await EmbeddedProcess.create(dataDir, path.resolve(__dirname, '../../test-artifacts/logs', path.basename(dataDir)));
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds the campaign and its posts after a restart, and the pipeline goes on where it stopped', async () => {
    await system.start();
    expect(existsSync(path.join(dataDir, 'pglite'))).toBe(true);
    const user = await ApiSession.register(system.gatewayUrl, 'restart@example.com');
    const created = await user.post('/api/v1/campaigns', {
      name: 'Corner Bakery weekend specials',
      goal: 'Bring 100 more customers in on Saturday mornings',
      targetPlatforms: ['instagram', 'facebook'],
      durationDays: 3,
      timezone: 'Europe/Paris',
    }).expect(202);
    // Stop as soon as the request is accepted: the pipeline may be anywhere, mid-stage included.
    expect(await system.stop()).toBe(0);

    await system.start();
    const again = await ApiSession.login(system.gatewayUrl, 'restart@example.com');
    const view = await eventually('campaign scheduled after the restart', async () => {
      const res = await again.get(`/api/v1/campaigns/${created.body.id}`).expect(200);
      return res.body.status === 'scheduled' ? res.body : undefined;
    }, 60_000, 250);
    expect(view.name).toBe('Corner Bakery weekend specials');
    expect(view.posts.length).toBeGreaterThan(0);
    expect(view.stages.every((s: { status: string }) => s.status === 'succeeded')).toBe(true);

    expect(await system.stop()).toBe(0);
    await system.start();
    const third = await ApiSession.login(system.gatewayUrl, 'restart@example.com');
    const posts = await third.get(`/api/v1/posts?campaignId=${created.body.id}`).expect(200);
    expect(posts.body.items.map((p: { id: string }) => p.id).sort()).toEqual(view.posts.map((p: { id: string }) => p.id).sort());
  });
});
