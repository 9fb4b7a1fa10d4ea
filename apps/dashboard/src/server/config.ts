import 'server-only';

/** The dashboard's settings, read from the environment at request time (the same build runs everywhere). */
export interface DashboardConfig {
  /** The gateway as this server reaches it (inside a cluster: its Service). The browser never calls it. */
  gatewayUrl: string;
  /** COOKIE_SECURE=true: `Secure` on the session cookie even when the request does not say it came over HTTPS. */
  forceSecureCookies: boolean;
}

export function dashboardConfig(): DashboardConfig {
  return {
    gatewayUrl: (process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    forceSecureCookies: process.env.COOKIE_SECURE === 'true',
  };
}
