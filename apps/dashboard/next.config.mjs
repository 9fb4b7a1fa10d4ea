import path from 'node:path';

/** The repository root: the dashboard imports libs through their public entry (`@app/contracts`), server side only. */
const root = path.resolve(import.meta.dirname, '../..');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Metadata (the <title>) in the <head> of the first bytes for every client, not streamed in later: screen
  // readers announce the page by it as soon as it loads.
  htmlLimitedBots: /.*/,
  turbopack: { root },
  outputFileTracingRoot: root,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
