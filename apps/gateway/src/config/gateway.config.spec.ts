import { ConfigError, EnvReader } from '@app/config';
import { Logger } from '@nestjs/common';
import { DEV_JWT_SECRET, readGatewayConfig } from './gateway.config';

const quiet = { warn: jest.fn() } as unknown as Logger;

describe('readGatewayConfig', () => {
  it('refuses production without JWT_SECRET, naming the variable', () => {
    expect(() => readGatewayConfig(new EnvReader({ NODE_ENV: 'production' }), quiet)).toThrow(ConfigError);
    expect(() => readGatewayConfig(new EnvReader({ NODE_ENV: 'production' }), quiet)).toThrow('JWT_SECRET is required in production');
  });

  it('falls back to the development secret with a warning outside production', () => {
    const logger = { warn: jest.fn() } as unknown as Logger;
    const config = readGatewayConfig(new EnvReader({}), logger);
    expect(config.jwtSecret).toBe(DEV_JWT_SECRET);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(config.port).toBe(3000);
    expect(config.jwtExpiresInSeconds).toBe(3600);
  });

  it('reads JWT settings and the port', () => {
    const config = readGatewayConfig(new EnvReader({ NODE_ENV: 'production', JWT_SECRET: 's3cret', JWT_EXPIRES_IN: '600', GATEWAY_PORT: '8080' }), quiet);
    expect(config).toMatchObject({ jwtSecret: 's3cret', jwtExpiresInSeconds: 600, port: 8080, schema: 'gateway', service: 'gateway' });
  });

  it('rejects a non-numeric JWT_EXPIRES_IN', () => {
    expect(() => readGatewayConfig(new EnvReader({ JWT_EXPIRES_IN: 'soon' }), quiet)).toThrow('JWT_EXPIRES_IN');
  });
});

describe('readGatewayConfig: posting-svc, OAuth result page and media signing', () => {
  it('defaults POSTING_URL to posting-svc on loopback and leaves the optional ones unset', () => {
    const config = readGatewayConfig(new EnvReader({}), quiet);
    expect(config.postingUrl).toBe('http://127.0.0.1:3105');
    expect(config.postingTimeoutMs).toBe(10_000);
    expect(config.oauthResultUrl).toBeUndefined();
    expect(config.mediaSigningKey).toBeUndefined();
  });

  it('reads them, trimming a trailing slash of POSTING_URL', () => {
    const config = readGatewayConfig(
      new EnvReader({ POSTING_URL: 'http://posting:3105/', POSTING_TIMEOUT_MS: '2500', OAUTH_RESULT_URL: 'https://app.example.com/connected', MEDIA_SIGNING_KEY: 'k3y' }),
      quiet,
    );
    expect(config).toMatchObject({ postingUrl: 'http://posting:3105', postingTimeoutMs: 2500, oauthResultUrl: 'https://app.example.com/connected', mediaSigningKey: 'k3y' });
  });

  it('names a bad POSTING_URL or OAUTH_RESULT_URL', () => {
    expect(() => readGatewayConfig(new EnvReader({ POSTING_URL: 'ftp://posting' }), quiet)).toThrow('POSTING_URL');
    expect(() => readGatewayConfig(new EnvReader({ OAUTH_RESULT_URL: 'not a url' }), quiet)).toThrow('OAUTH_RESULT_URL');
  });
});

describe('readGatewayConfig: analytics-svc', () => {
  it('defaults ANALYTICS_URL to analytics-svc on loopback with a 10 s deadline', () => {
    const config = readGatewayConfig(new EnvReader({}), quiet);
    expect(config.analyticsUrl).toBe('http://127.0.0.1:3106');
    expect(config.analyticsTimeoutMs).toBe(10_000);
  });

  it('reads them, trimming a trailing slash of ANALYTICS_URL, and names a bad one', () => {
    const config = readGatewayConfig(new EnvReader({ ANALYTICS_URL: 'http://analytics:3106/', ANALYTICS_TIMEOUT_MS: '1500' }), quiet);
    expect(config).toMatchObject({ analyticsUrl: 'http://analytics:3106', analyticsTimeoutMs: 1500 });
    expect(() => readGatewayConfig(new EnvReader({ ANALYTICS_URL: 'ftp://analytics' }), quiet)).toThrow('ANALYTICS_URL');
    expect(() => readGatewayConfig(new EnvReader({ ANALYTICS_TIMEOUT_MS: '10' }), quiet)).toThrow('ANALYTICS_TIMEOUT_MS');
  });
});
