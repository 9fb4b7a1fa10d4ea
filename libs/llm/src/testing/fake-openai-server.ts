import { FakeHttpServer, type FakeReply, type RecordedRequest } from './fake-http';
import { estimateTokens, smartAnswer } from './smart-answer';

/**
 * An OpenAI-compatible `POST {basePath}/chat/completions` on loopback (basePath `/v1` by default, so the
 * provider's baseUrl is `${url}/v1`). Unscripted requests get a smart answer (the offline provider's output for
 * the step and input in the request). When `apiKey` is set, requests without that bearer token get 401.
 */
export class FakeOpenAiServer extends FakeHttpServer {
  constructor(
    readonly basePath = '/v1',
    readonly apiKey?: string,
  ) {
    super();
  }

  /** The provider's baseUrl for this server. */
  get baseUrl(): string {
    return `${this.url}${this.basePath}`;
  }

  static userTexts(request: RecordedRequest): string[] {
    const messages = (request.body?.messages ?? []) as Array<{ role: string; content: string }>;
    return messages.filter((m) => m.role === 'user').map((m) => m.content);
  }

  protected notFound(request: RecordedRequest): FakeReply | undefined {
    if (request.method === 'POST' && request.path === `${this.basePath}/chat/completions`) return undefined;
    return openAiError(404, `Unknown request URL: ${request.method} ${request.path}`, 'invalid_request_error');
  }

  protected defaultReply(request: RecordedRequest): FakeReply {
    if (this.apiKey && request.headers.authorization !== `Bearer ${this.apiKey}`) {
      return openAiError(401, 'Incorrect API key provided.', 'invalid_request_error');
    }
    const answer = smartAnswer(request.body?.response_format?.json_schema?.schema, FakeOpenAiServer.userTexts(request));
    return openAiAnswer(answer, { prompt_tokens: estimateTokens(request.rawBody), completion_tokens: estimateTokens(answer) }, 'stop', request.body?.model);
  }
}

export interface OpenAiUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** A chat completion whose single choice says `content`. */
export function openAiAnswer(content: string | null, usage: OpenAiUsage = { prompt_tokens: 10, completion_tokens: 5 }, finishReason = 'stop', model = 'fake-model'): FakeReply {
  return {
    body: {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: finishReason }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    },
  };
}

/** `{error: {message, type, code}}` with the given HTTP status. */
export function openAiError(status: number, message: string, type = 'server_error', headers?: Record<string, string>): FakeReply {
  return { status, headers, body: { error: { message, type, param: null, code: null } } };
}
