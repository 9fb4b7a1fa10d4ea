/**
 * The campaign's lifecycle as the gateway shows it. The pipeline statuses follow the bus events;
 * `active` comes with campaign.armed, `completed` when every post is settled, `failed` is terminal.
 */
export const CAMPAIGN_STATUSES = ['requested', 'planned', 'written', 'designed', 'scheduled', 'active', 'completed', 'failed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

const ORDER: Record<CampaignStatus, number> = {
  requested: 0,
  planned: 1,
  written: 2,
  designed: 3,
  scheduled: 4,
  active: 5,
  completed: 6,
  failed: 7,
};

/**
 * The status after an event says the campaign reached `next`: never moves backwards (late or
 * redelivered events), and `failed` stays failed.
 */
export function advanceCampaignStatus(current: CampaignStatus, next: CampaignStatus): CampaignStatus {
  if (current === 'failed') return current;
  return ORDER[next] > ORDER[current] ? next : current;
}
