import { ConfigError, EnvReader, readServiceConfig } from '@app/config';

const read = (env: Record<string, string>) => {
  const reader = new EnvReader(env);
  const config = readServiceConfig('scheduler-svc', reader);
  reader.done();
  return config;
};

describe('ADMIN_TOKEN', () => {
  it('is optional: unset (or blank) leaves the admin API off', () => {
    expect(read({}).adminToken).toBeUndefined();
    expect(read({ ADMIN_TOKEN: '   ' }).adminToken).toBeUndefined();
  });

  it('is read trimmed when long enough', () => {
    expect(read({ ADMIN_TOKEN: ' 0123456789abcdef ' }).adminToken).toBe('0123456789abcdef');
  });

  it('refuses a short token, naming the variable', () => {
    expect(() => read({ ADMIN_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => read({ ADMIN_TOKEN: 'short' })).toThrow(/ADMIN_TOKEN must be at least 16 characters/);
  });
});
