import { Logger } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { CampaignPost } from '../posts/campaign-post.entity';
import { OPEN_POST_STATUSES } from '../posts/post-status';
import { Campaign } from './campaign.entity';

const logger = new Logger('CampaignCompletion');

/**
 * An active campaign is completed once none of its posts is still draft, armed or publishing (every
 * post that was not cancelled is published, failed or unconfirmed). Call it with the campaign row locked,
 * in the transaction that settled a post; returns whether it completed the campaign.
 */
export async function completeCampaignIfSettled(manager: EntityManager, campaign: Campaign): Promise<boolean> {
  if (campaign.status !== 'active') return false;
  const open = await manager.countBy(CampaignPost, { campaignId: campaign.id, status: In([...OPEN_POST_STATUSES]) });
  if (open > 0) return false;
  await manager.update(Campaign, { id: campaign.id }, { status: 'completed' });
  campaign.status = 'completed';
  logger.log(`campaign ${campaign.id} completed`);
  return true;
}
