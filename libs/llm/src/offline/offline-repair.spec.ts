import { STEP_OUTPUT_SCHEMAS } from '../schemas';
import { SAMPLE_SPEC } from '../testing/specs';
import { OfflineLlmProvider } from './offline.provider';

describe('OfflineLlmProvider and repair requests', () => {
  it('ignores the repair field: same output as the plain request', async () => {
    const provider = new OfflineLlmProvider();
    const request = { step: 'strategy.plan' as const, promptVersion: 'v', system: 's', prompt: 'p', input: { spec: SAMPLE_SPEC }, schema: STEP_OUTPUT_SCHEMAS['strategy.plan'] };
    const plain = await provider.generate(request);
    const repaired = await provider.generate({ ...request, repair: { previousOutput: '{}', problems: ['summary: is required'] } });
    expect(repaired.output).toEqual(plain.output);
    expect(repaired.usage.attempts).toBe(1);
  });
});
