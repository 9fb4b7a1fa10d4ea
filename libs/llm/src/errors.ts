/**
 * Typed failures of a model call, so callers can decide what to do without parsing messages:
 * rate limited → hand the message back to the bus retry queue; unavailable → retry later or fail the stage;
 * blocked / invalid output → not worth the same request again; config → fix the deployment.
 */
export abstract class LlmError extends Error {
  /** Whether sending the same request again later may succeed. */
  abstract readonly retryable: boolean;
  /** HTTP attempts made before giving up (0 when no request was sent). */
  attempts = 0;

  constructor(
    message: string,
    readonly provider: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Still HTTP 429 after every attempt. `retryAfterMs` is the server's last hint, when it gave one. */
export class LlmRateLimitedError extends LlmError {
  readonly retryable = true;
  constructor(
    message: string,
    provider: string,
    readonly retryAfterMs?: number,
  ) {
    super(message, provider, 429);
  }
}

/** 408/5xx, network failure or timeout, after every attempt. */
export class LlmUnavailableError extends LlmError {
  readonly retryable = true;
}

/** The provider refused the prompt or the answer on safety grounds. Not retryable. */
export class LlmBlockedError extends LlmError {
  readonly retryable = false;
  constructor(
    message: string,
    provider: string,
    readonly reason: string,
  ) {
    super(message, provider);
  }
}

export const MAX_RAW_OUTPUT_CHARS = 2_000;

/** The answer is not a JSON document. Carries the raw text (truncated) for a repair turn or the logs. */
export class LlmInvalidOutputError extends LlmError {
  readonly retryable = false;
  readonly rawText: string;
  constructor(message: string, provider: string, rawText: string) {
    super(message, provider);
    this.rawText = truncate(rawText, MAX_RAW_OUTPUT_CHARS);
  }
}

/** Bad configuration or a request the provider rejects as such (401/403/404/other 4xx): fix, don't retry. */
export class LlmConfigError extends LlmError {
  readonly retryable = false;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
