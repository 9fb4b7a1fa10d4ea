import { ConfigError, EnvReader } from './env-reader';
import { readServiceConfig } from './service-config';

const read = (env: Record<string, string>) => {
  const reader = new EnvReader(env);
  const config = readServiceConfig('strategy-svc', reader);
  reader.done();
  return config;
};

describe('operations settings of every service', () => {
  it('defaults to JSON logs at info, migrations at start, and no span export', () => {
    expect(read({})).toMatchObject({ logFormat: 'json', logLevel: 'log', databaseMigrate: 'run', otlpTracesUrl: undefined });
  });

  it('appends the traces path to OTEL_EXPORTER_OTLP_ENDPOINT, and takes OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given', () => {
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).otlpTracesUrl).toBe('http://collector:4318/v1/traces');
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otel.example/ingest' }).otlpTracesUrl).toBe('https://otel.example/ingest');
  });

  it('names the variable of a bad value', () => {
    const attempt = () => read({ LOG_FORMAT: 'xml', DATABASE_MIGRATE: 'maybe', OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://collector' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/LOG_FORMAT must be one of json, text, got "xml"/);
    expect(attempt).toThrow(/DATABASE_MIGRATE must be one of run, verify/);
    expect(attempt).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT must be a URL starting with http:\/\/ or https:\/\//);
  });
});
