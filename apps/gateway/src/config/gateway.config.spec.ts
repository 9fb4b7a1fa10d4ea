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
