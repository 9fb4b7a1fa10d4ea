import { LlmInvalidOutputError } from './errors';
import { INPUT_HEADING, extractFencedJson, parseJsonOutput, renderPromptInput, repairPrompt, userPrompt } from './prompt';
import { inputFromPrompt, smartAnswer, stepFromSchema } from './testing/smart-answer';
import { sampleStrategyRequest } from './testing/provider-harness';
import { STEP_OUTPUT_SCHEMAS } from './schemas';
import { OfflineLlmProvider } from './offline/offline.provider';
import { SAMPLE_SPEC } from './testing/specs';

describe('prompt helpers', () => {
  it('renders the input as a fenced json block under a heading, round-tripping exactly', () => {
    const input = { spec: { ...SAMPLE_SPEC, name: 'Tricky ``` name\nwith "quotes"', goal: `${INPUT_HEADING} inside data` } };
    const block = renderPromptInput(input);
    expect(block.startsWith(`${INPUT_HEADING}\n\`\`\`json\n`)).toBe(true);
    expect(block.endsWith('\n```')).toBe(true);
    expect(inputFromPrompt(`Some prose.\n\n${block}`)).toEqual(input);
  });

  it('appends the input block to the prompt', () => {
    const request = sampleStrategyRequest();
    const text = userPrompt(request);
    expect(text).toBe(`${request.prompt}\n\n${renderPromptInput(request.input)}`);
  });

  it('lists every problem in the repair prompt', () => {
    const text = repairPrompt(['a: is required', 'b[0]: too long']);
    expect(text).toContain('- a: is required\n- b[0]: too long');
    expect(text).toMatch(/complete JSON answer/);
  });

  it('parses bare JSON, fenced JSON and a fence closed on the same line', () => {
    expect(parseJsonOutput('p', ' {"a":1} ')).toEqual({ a: 1 });
    expect(parseJsonOutput('p', 'Here you go:\n```json\n{"a":2}\n```\nEnjoy')).toEqual({ a: 2 });
    expect(parseJsonOutput('p', '```json\n{"a":3}```')).toEqual({ a: 3 });
    expect(extractFencedJson('no fence')).toBeUndefined();
  });

  it('rejects empty and non-JSON answers with LlmInvalidOutputError', () => {
    expect(() => parseJsonOutput('p', '   ')).toThrow(/empty answer/);
    expect(() => parseJsonOutput('p', 'nope')).toThrow(LlmInvalidOutputError);
  });
});

describe('smart answers of the fake servers', () => {
  it('tells the step from the schema shape', () => {
    expect(stepFromSchema(STEP_OUTPUT_SCHEMAS['strategy.plan'])).toBe('strategy.plan');
    expect(stepFromSchema(STEP_OUTPUT_SCHEMAS['content.write'])).toBe('content.write');
    expect(stepFromSchema(STEP_OUTPUT_SCHEMAS['creative.design'])).toBe('creative.design');
    expect(stepFromSchema({ type: 'object', properties: { other: {} } })).toBeUndefined();
  });

  it('answers with the offline provider output for the step and input found in the prompt', () => {
    const request = sampleStrategyRequest();
    const answer = smartAnswer(request.schema, ['a repair turn without input', userPrompt(request)]);
    expect(JSON.parse(answer)).toEqual(new OfflineLlmProvider().run('strategy.plan', request.input));
  });
});
