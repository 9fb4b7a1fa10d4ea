import 'server-only';
import createClient from 'openapi-fetch';
import { notFound, redirect } from 'next/navigation';
import type { paths } from '@/api/schema';
import { dashboardConfig } from './config';
import { requireSession } from './session';

/** A typed client of the gateway's REST API (types generated from its OpenAPI document). */
export type GatewayClient = ReturnType<typeof createClient<paths>>;

export function gatewayClient(token?: string): GatewayClient {
  return createClient<paths>({
    baseUrl: dashboardConfig().gatewayUrl,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    cache: 'no-store',
  });
}

/** The signed-in user's client; no session: to the login page. */
export async function userClient(): Promise<GatewayClient> {
  return gatewayClient((await requireSession()).token);
}

export interface FieldError {
  field: string;
  messages: string[];
}

/** An answer of the gateway other than 2xx, with its message and, on 400, the errors per field. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
  }
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The data of a successful answer. A 401 (expired or revoked token) ends the session; a 404 renders the
 * not-found page when `notFoundOk` is false; anything else throws a GatewayError.
 */
export function unwrap<T>(answer: Answer<T>, options: { notFound?: boolean } = {}): T {
  const { response } = answer;
  if (response.ok) return answer.data as T;
  if (response.status === 401) redirect('/session-expired');
  if (response.status === 404 && options.notFound !== false) notFound();
  throw toGatewayError(answer.error, response.status);
}

export function toGatewayError(body: unknown, status: number): GatewayError {
  const b = (body ?? {}) as { message?: unknown; errors?: unknown };
  const message = typeof b.message === 'string' ? b.message : `The gateway answered ${status}`;
  const errors = Array.isArray(b.errors) ? (b.errors as FieldError[]) : [];
  return new GatewayError(status, message, errors);
}
