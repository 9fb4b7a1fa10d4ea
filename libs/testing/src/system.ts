import { SERVICE_NAMES, ServiceGroup } from '@app/launcher';
import type { LaunchOptions } from '@app/launcher';
import { TEST_RABBITMQ_URL } from './infra';

export { SERVICE_NAMES };

export interface SystemOptions {
  databaseUrl: string;
  namespace: string;
  env?: Record<string, string>;
  logDir: string;
  only?: LaunchOptions['only'];
  replicas?: LaunchOptions['replicas'];
}

/** The seven services from the build on the test database and bus namespace, with fast test timings. */
export function startSystem(options: SystemOptions): Promise<ServiceGroup> {
  return ServiceGroup.launch({
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: options.databaseUrl,
      RABBITMQ_URL: TEST_RABBITMQ_URL,
      BUS_NAMESPACE: options.namespace,
      JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret',
      SCHEDULER_TICK_MS: '200',
      OUTBOX_POLL_INTERVAL_MS: '500',
      BUS_RETRY_DELAYS_MS: '200,500',
      ...options.env,
    },
    output: { logDir: options.logDir },
    only: options.only,
    replicas: options.replicas,
  });
}
