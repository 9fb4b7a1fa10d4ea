import 'reflect-metadata';
import { bootstrapService, readConfigFromEnv } from '@app/service-kit';
import { StrategyModule } from './strategy.module';

void bootstrapService({
  service: 'strategy-svc', readConfig: () => readConfigFromEnv('strategy-svc'), module: StrategyModule.forRoot });
