import { advanceCampaignStatus } from './campaign-status';

describe('advanceCampaignStatus', () => {
  it('moves forward along the pipeline', () => {
    expect(advanceCampaignStatus('requested', 'planned')).toBe('planned');
    expect(advanceCampaignStatus('planned', 'scheduled')).toBe('scheduled');
    expect(advanceCampaignStatus('scheduled', 'active')).toBe('active');
  });

  it('never moves backwards on a late event', () => {
    expect(advanceCampaignStatus('designed', 'written')).toBe('designed');
    expect(advanceCampaignStatus('active', 'scheduled')).toBe('active');
    expect(advanceCampaignStatus('completed', 'active')).toBe('completed');
  });

  it('keeps a failed campaign failed', () => {
    expect(advanceCampaignStatus('failed', 'scheduled')).toBe('failed');
    expect(advanceCampaignStatus('failed', 'active')).toBe('failed');
  });
});
