import { BusController, BusContext } from '@app/bus';
import { Events } from '@app/contracts';
import type { Envelope } from '@app/contracts';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

/**
 * Keeps what the agents planned for each post (format, pillar, whether it has a visual), so content
 * insights can compare pillars and formats once the posts have metrics.
 */
@BusController()
export class RecordPlanHandler {
  @EventPattern<string>(Events.CampaignScheduled)
  async scheduled(@Payload() envelope: Envelope<typeof Events.CampaignScheduled>, @Ctx() context: BusContext): Promise<void> {
    const { state } = envelope.payload;
    if (state.posts.length === 0) return;
    await context.manager.query(
      `INSERT INTO "analytics"."post_plans" ("post_id", "campaign_id", "platform", "content_type", "pillar", "has_visual")
       SELECT p.id, $1, p.platform, p.content_type, p.pillar, p.has_visual
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::boolean[]) AS p(id, platform, content_type, pillar, has_visual)
       ON CONFLICT ("post_id") DO NOTHING`,
      [
        state.campaignId,
        state.posts.map((p) => p.id),
        state.posts.map((p) => p.platform),
        state.posts.map((p) => p.contentType),
        state.posts.map((p) => p.pillar),
        state.posts.map((p) => Boolean(p.visual)),
      ],
    );
  }
}
