import { EnvReader, ServiceConfig, ServiceName, readServiceConfig } from '@app/config';

/** Reads and validates the common configuration of a service from the process environment. */
export function readConfigFromEnv(service: ServiceName): ServiceConfig {
  const reader = new EnvReader(process.env);
  const config = readServiceConfig(service, reader);
  reader.done();
  return config;
}
