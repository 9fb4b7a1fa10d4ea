import type { ServiceDefinition } from '@app/service-kit';
import { analyticsService } from '../../analytics-svc/src/service-definition';
import { contentService } from '../../content-svc/src/service-definition';
import { creativeService } from '../../creative-svc/src/service-definition';
import { gatewayService } from '../../gateway/src/service-definition';
import { postingService } from '../../posting-svc/src/service-definition';
import { schedulerService } from '../../scheduler-svc/src/service-definition';
import { strategyService } from '../../strategy-svc/src/service-definition';

/** The seven services in start order: consumers first, the gateway (the public door) last. */
export const ALL_SERVICES: readonly ServiceDefinition[] = [
  analyticsService,
  postingService,
  schedulerService,
  creativeService,
  contentService,
  strategyService,
  gatewayService,
];
