import type { CampaignSpec } from '@app/contracts';
import { STEP_OUTPUT_SCHEMAS } from '@app/llm';
import { strategyRequest } from './strategy.prompt';

const spec: CampaignSpec = {
  name: 'Harbor Coffee autumn launch',
  goal: 'Drive sign-ups for the subscription',
  targetPlatforms: ['x', 'instagram'],
  startDate: '2026-11-25T00:00:00.000Z',
  durationDays: 7,
  contentThemes: ['home brewing'],
  timezone: 'Europe/Lisbon',
};

describe('strategyRequest', () => {
  it('asks for the strategy schema with the campaign as input', () => {
    const request = strategyRequest(spec);
    expect(request).toMatchObject({ step: 'strategy.plan', promptVersion: 'strategy.plan/1', input: { spec } });
    expect(request.input).not.toHaveProperty('insights');
    expect(request.schema).toBe(STEP_OUTPUT_SCHEMAS['strategy.plan']);
    expect(request.prompt).toContain('Goal: Drive sign-ups for the subscription');
  });

  it('passes optimization insights to the model when analytics has them', () => {
    const insights = { contentFindings: ['carousels get 1.8x the saves of single images (n=42)'] };
    const request = strategyRequest(spec, insights);
    expect(request.input.insights).toEqual(insights);
    expect(request.prompt).toContain('insights in the input');
  });
});
