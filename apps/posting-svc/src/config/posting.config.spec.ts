import { randomBytes } from 'node:crypto';
import { readPostingConfig } from './posting.config';

describe('readPostingConfig', () => {
  const key = randomBytes(32).toString('base64');

  it('reads rotating token keys and picks the active one', () => {
    const config = readPostingConfig({ TOKEN_ENCRYPTION_KEYS: `a=${key},b=${key}`, TOKEN_ENCRYPTION_KEY_ID: 'b' });
    expect([...config.tokenKeys.keys.keys()]).toEqual(['a', 'b']);
    expect(config.tokenKeys.activeKeyId).toBe('b');
    expect(config.tokenKeys.keyFile).toBeUndefined();
  });

  it('names the variable when a key is malformed or the active id is unknown', () => {
    expect(() => readPostingConfig({ TOKEN_ENCRYPTION_KEYS: 'a=short' })).toThrow(/TOKEN_ENCRYPTION_KEYS must be kid=<base64 of 32 bytes>/);
    expect(() => readPostingConfig({ TOKEN_ENCRYPTION_KEYS: `a=${key}`, TOKEN_ENCRYPTION_KEY_ID: 'zz' })).toThrow(/TOKEN_ENCRYPTION_KEY_ID "zz"/);
  });

  it('requires keys and fails posts without an account in production; uses a key file and the sandbox in development', () => {
    expect(() => readPostingConfig({ NODE_ENV: 'production', JWT_SECRET: 'x' })).toThrow(/TOKEN_ENCRYPTION_KEYS is required in production/);
    expect(readPostingConfig({ NODE_ENV: 'production', TOKEN_ENCRYPTION_KEYS: `a=${key}` }).withoutConnection).toBe('fail');
    const dev = readPostingConfig({ DATA_DIR: '/tmp/agentic-data' });
    expect(dev.withoutConnection).toBe('sandbox');
    expect(dev.tokenKeys.keyFile).toBe('/tmp/agentic-data/token-encryption.key');
  });

  it('points each platform at its configured base URL and OAuth client', () => {
    const config = readPostingConfig({ X_API_BASE_URL: 'http://127.0.0.1:9999/', X_CLIENT_ID: 'cid', FACEBOOK_CLIENT_ID: 'fb', FACEBOOK_CLIENT_SECRET: 'fbs' });
    expect(config.platforms.apiBaseUrls.x).toBe('http://127.0.0.1:9999');
    expect(config.platforms.apiBaseUrls.mastodon).toBe('https://mastodon.social');
    expect(config.platforms.clients.x).toEqual({ clientId: 'cid', clientSecret: undefined });
    expect(config.platforms.clients.instagram).toEqual({ clientId: 'fb', clientSecret: 'fbs' });
    expect(() => readPostingConfig({ LINKEDIN_API_BASE_URL: 'ftp://nope' })).toThrow(/LINKEDIN_API_BASE_URL must be a URL/);
  });
});
