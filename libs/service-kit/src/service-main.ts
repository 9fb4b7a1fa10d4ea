import { EnvReader, ServiceConfig, ServiceName, readServiceConfig } from '@app/config';

/** Reads and validates the common configuration of a service from an environment. */
export function readConfigFromEnv(service: ServiceName, env: Record<string, string | undefined> = process.env): ServiceConfig {
  const reader = new EnvReader(env);
  const config = readServiceConfig(service, reader);
  reader.done();
  return config;
}
