import { inflateSync } from 'node:zlib';
import { ConfigError } from '@app/config';
import { readLlmConfig } from '../config';
import { LlmBlockedError, LlmConfigError, LlmError, LlmInvalidOutputError, LlmRateLimitedError } from '../errors';
import { createImageGenerator } from '../factory';
import { FakeGeminiServer, geminiAnswer, geminiAnswerBlocked, geminiError, geminiImageAnswer, geminiPromptBlocked } from '../testing/fake-gemini-server';
import { TEST_RETRY } from '../testing/provider-harness';
import { FAKE_PNG, PNG_SIGNATURE, crc32, solidPng } from '../testing/png';
import { GeminiImageGenerator } from './gemini-image.generator';

const MODEL = 'gemini-test-image';

describe('GeminiImageGenerator against the fake Gemini API', () => {
  const server = new FakeGeminiServer();
  beforeEach(() => server.start());
  afterEach(async () => {
    await server.close();
    server.requests.length = 0;
  });

  const generator = (maxAttempts = 3) =>
    new GeminiImageGenerator({ apiKey: 'test-gemini-key', model: MODEL, baseUrl: server.url, timeoutMs: 5_000, retry: { ...TEST_RETRY, maxAttempts } });
  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as LlmError);

  it('sends the model in the URL, IMAGE output, the prompt and the aspect ratio', async () => {
    await generator().generate({ prompt: 'A bright flat-lay of running shoes on blue', aspectRatio: '4:5' });
    const [received] = server.requests;
    expect(received.path).toBe(`/v1beta/models/${MODEL}:generateContent`);
    expect(received.headers['x-goog-api-key']).toBe('test-gemini-key');
    expect(received.body.generationConfig.responseModalities).toEqual(['IMAGE']);
    expect(received.body.generationConfig.imageConfig).toEqual({ aspectRatio: '4:5' });
    expect(FakeGeminiServer.userTexts(received)).toEqual(['A bright flat-lay of running shoes on blue']);
    expect(Object.keys(received.body).sort()).toEqual(['contents', 'generationConfig']);
  });

  it('sends 1.91:1 as 16:9 and notes the crop in the prompt', async () => {
    await generator().generate({ prompt: 'A city skyline', aspectRatio: '1.91:1' });
    const [received] = server.requests;
    expect(received.body.generationConfig.imageConfig.aspectRatio).toBe('16:9');
    const [text] = FakeGeminiServer.userTexts(received);
    expect(text.startsWith('A city skyline')).toBe(true);
    expect(text).toContain('1.91:1');
  });

  it('returns the default answer\'s PNG bytes as a Buffer with the mime type, model, latency and attempts', async () => {
    const image = await generator().generate({ prompt: 'p', aspectRatio: '1:1' });
    expect(Buffer.isBuffer(image.data)).toBe(true);
    expect(image.data.equals(FAKE_PNG)).toBe(true);
    expect(image).toMatchObject({ mimeType: 'image/png', model: MODEL, attempts: 1 });
    expect(image.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('returns scripted bytes and mime type unchanged, skipping text and thought parts', async () => {
    const png = solidPng(3, 1, [255, 0, 0]);
    server.enqueue({
      body: {
        candidates: [
          {
            content: {
              role: 'model',
              parts: [{ text: 'Here is your image' }, { inlineData: { mimeType: 'image/png', data: FAKE_PNG.toString('base64') }, thought: true }, { inlineData: { mimeType: 'image/webp', data: png.toString('base64') } }],
            },
            finishReason: 'STOP',
          },
        ],
      },
    });
    const image = await generator().generate({ prompt: 'p', aspectRatio: '9:16' });
    expect(image.mimeType).toBe('image/webp');
    expect(image.data.equals(png)).toBe(true);
  });

  it('retries a 429 and counts both attempts', async () => {
    server.enqueue(geminiError(429, 'Resource has been exhausted'), geminiImageAnswer(FAKE_PNG, 'image/png'));
    const image = await generator().generate({ prompt: 'p', aspectRatio: '16:9' });
    expect(image.attempts).toBe(2);
    expect(image.data.equals(FAKE_PNG)).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up with LlmRateLimitedError after the last 429, carrying the attempts', async () => {
    server.enqueueTimes(2, geminiError(429, 'Resource has been exhausted', undefined, { 'retry-after': '0' }));
    const error = await failure(generator(2).generate({ prompt: 'p', aspectRatio: '1:1' }));
    expect(error).toBeInstanceOf(LlmRateLimitedError);
    expect(error?.attempts).toBe(2);
  });

  it('reports a text-only answer as LlmInvalidOutputError with the text', async () => {
    server.enqueue(geminiAnswer('I cannot draw that, but here is a description.'));
    const error = await failure(generator().generate({ prompt: 'p', aspectRatio: '1:1' }));
    expect(error).toBeInstanceOf(LlmInvalidOutputError);
    expect((error as LlmInvalidOutputError).rawText).toBe('I cannot draw that, but here is a description.');
    expect(error?.message).toMatch(/without an image \(finishReason STOP\)/);
    expect(error?.attempts).toBe(1);
  });

  it('reports safety blocks (answer IMAGE_SAFETY, prompt SAFETY) as LlmBlockedError', async () => {
    server.enqueue(geminiAnswerBlocked('IMAGE_SAFETY'), geminiPromptBlocked('SAFETY'));
    const answer = await failure(generator().generate({ prompt: 'p', aspectRatio: '1:1' }));
    expect(answer).toBeInstanceOf(LlmBlockedError);
    expect((answer as LlmBlockedError).reason).toBe('IMAGE_SAFETY');
    expect(answer?.attempts).toBe(1);
    const prompt = await failure(generator().generate({ prompt: 'p', aspectRatio: '1:1' }));
    expect(prompt).toBeInstanceOf(LlmBlockedError);
    expect((prompt as LlmBlockedError).reason).toBe('SAFETY');
  });

  it('treats 404 (unknown model) as LlmConfigError without retrying', async () => {
    server.enqueue(geminiError(404, `models/${MODEL} is not found`));
    const error = await failure(generator().generate({ prompt: 'p', aspectRatio: '1:1' }));
    expect(error).toBeInstanceOf(LlmConfigError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('image generator configuration', () => {
  it('is off (null) when GEMINI_IMAGE_MODEL is unset, even with Gemini configured', () => {
    expect(readLlmConfig({}).gemini.imageModel).toBeUndefined();
    expect(createImageGenerator(readLlmConfig({}))).toBeNull();
    expect(createImageGenerator(readLlmConfig({ LLM_PROVIDER: 'gemini', GEMINI_API_KEY: 'k' }))).toBeNull();
  });

  it('builds a GeminiImageGenerator on the image model when set', () => {
    const config = readLlmConfig({ GEMINI_IMAGE_MODEL: 'gemini-2.5-flash-image', GEMINI_API_KEY: 'k' });
    const generator = createImageGenerator(config);
    expect(generator).toBeInstanceOf(GeminiImageGenerator);
    expect([generator?.name, generator?.model]).toEqual(['gemini', 'gemini-2.5-flash-image']);
  });

  it('requires GEMINI_API_KEY when GEMINI_IMAGE_MODEL is set', () => {
    expect(() => readLlmConfig({ GEMINI_IMAGE_MODEL: 'gemini-2.5-flash-image' })).toThrow(
      new ConfigError(['GEMINI_API_KEY is required when GEMINI_IMAGE_MODEL is set']),
    );
    const config = readLlmConfig({});
    expect(() => createImageGenerator({ ...config, gemini: { ...config.gemini, imageModel: 'm' } })).toThrow(LlmConfigError);
    expect(() => createImageGenerator({ ...config, gemini: { ...config.gemini, imageModel: 'm' } })).toThrow(/GEMINI_API_KEY/);
  });
});

describe('solidPng', () => {
  it('builds a valid PNG: signature, chunk CRCs, IHDR size and inflatable pixel rows', () => {
    const png = solidPng(2, 2, [1, 2, 3]);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const chunks: Array<{ type: string; data: Buffer }> = [];
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      const type = png.toString('ascii', at + 4, at + 8);
      const data = png.subarray(at + 8, at + 8 + length);
      expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
      chunks.push({ type, data });
      at += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([chunks[0].data.readUInt32BE(0), chunks[0].data.readUInt32BE(4)]).toEqual([2, 2]);
    expect([...inflateSync(chunks[1].data)]).toEqual([0, 1, 2, 3, 1, 2, 3, 0, 1, 2, 3, 1, 2, 3]);
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926); // the standard CRC-32 check value
  });
});
