import { OfflineLlmProvider, validateStepOutput } from '../index';
import type { CampaignSpec } from '@app/contracts';
import { writeFileSync } from 'node:fs';

const spec: CampaignSpec = {
  name: 'Spring Into Running',
  goal: 'Drive 500 sign-ups for our spring running club in Austin',
  targetPlatforms: ['x', 'instagram', 'facebook'],
  startDate: '2025-03-01T00:00:00Z',
  durationDays: 14,
  targetAudience: 'Busy parents in Austin who want to get fit',
  brandVoice: 'warm, encouraging and a little playful',
  contentThemes: ['beginner running tips', 'community stories', 'behind the scenes', '🌱 recovery and rest'],
  timezone: 'America/Chicago',
};

it('prints a sample', () => {
  const p = new OfflineLlmProvider();
  const strategy = p.run('strategy.plan', { spec });
  const content = p.run('content.write', { spec, strategy });
  const posts = content.posts.map((c, i) => ({ id: `p${i}`, platform: c.platform, contentType: c.contentType, pillar: c.pillar, text: c.text, hashtags: c.hashtags }));
  const creative = p.run('creative.design', { spec, pillars: strategy.pillars, posts });
  const errs = [validateStepOutput('strategy.plan', { spec }, strategy), validateStepOutput('content.write', { spec, strategy }, content), validateStepOutput('creative.design', { spec, pillars: strategy.pillars, posts }, creative)];
  let out = JSON.stringify({ errs, strategy }, null, 2) + '\n\n';
  for (const c of content.posts) out += `==== ${c.planId} ${c.contentType} [${c.pillar}] cta=${c.callToAction}\n${c.threadParts ? c.threadParts.join('\n---\n') : c.text}\n\n`;
  out += JSON.stringify(creative.visuals.slice(0, 3), null, 2);
  writeFileSync('/tmp/sample.txt', out);
});
