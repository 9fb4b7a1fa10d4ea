import type { PlannedPost, Strategy } from '@app/contracts';
import type { WrittenPost } from '../llm.port';
import { writeBluesky } from './bluesky.writer';
import type { CampaignContext } from './context';
import { writeFacebook } from './facebook.writer';
import { writeInstagram } from './instagram.writer';
import { writeLinkedIn } from './linkedin.writer';
import { writeMastodon } from './mastodon.writer';
import { Rng } from './random';
import { fill } from './text';
import { material, tagPool } from './writer';
import type { Material } from './writer';
import { writeX } from './x.writer';

const MAX_ATTEMPTS = 6;

function write(ctx: CampaignContext, post: PlannedPost, m: Material, rng: Rng): Omit<WrittenPost, 'planId' | 'platform' | 'contentType' | 'pillar'> {
  const pool = tagPool(ctx, m, rng);
  switch (post.platform) {
    case 'x':
      return writeX(m, post.format, pool, rng);
    case 'instagram':
      return writeInstagram(m, post.format, pool, rng);
    case 'facebook':
      return writeFacebook(m, pool, rng, rng.pick(ctx.voice.openers));
    case 'linkedin':
      return writeLinkedIn(m, post.format, pool, rng);
    case 'bluesky':
      return writeBluesky(m, post.format, pool, rng);
    case 'mastodon':
      return writeMastodon(m, post.format, pool, rng);
  }
}

/** One post per planned slot, in plan order; no two posts of the campaign share a text. */
export function generateContent(ctx: CampaignContext, strategy: Strategy, seed: number): { posts: WrittenPost[] } {
  const seen = new Set<string>();
  const posts = strategy.plan.map((post) => {
    let body: ReturnType<typeof write> | undefined;
    for (let attempt = 0; attempt < MAX_ATTEMPTS && (!body || seen.has(body.text)); attempt++) {
      const rng = Rng.derive(seed, `${post.planId}#${attempt}`);
      body = write(ctx, post, material(ctx, post, rng), rng);
    }
    for (let extra = 1; !body || seen.has(body.text); extra++) {
      const rng = Rng.derive(seed, `${post.planId}#day${extra}`);
      const m = material(ctx, post, rng);
      const label = extra === 1 ? `Day ${post.day + 1} of {name}:` : `Day ${post.day + 1} of {name}, part ${extra}:`;
      m.hook = `${fill(label, m.vars)} ${m.hook}`;
      body = write(ctx, post, m, rng);
    }
    seen.add(body.text);
    return { planId: post.planId, platform: post.platform, contentType: post.format, pillar: post.pillar, ...body };
  });
  return { posts };
}
