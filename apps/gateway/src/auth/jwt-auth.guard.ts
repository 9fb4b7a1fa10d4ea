import { DeadLettersAdminController, HealthController, MetricsController } from '@app/service-kit';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { IS_PUBLIC } from './public.decorator';

/** Controllers from shared libs that cannot carry @Public() and have their own access rule (probes, metrics, the ADMIN_TOKEN admin API). */
const PUBLIC_CONTROLLERS: ReadonlyArray<unknown> = [HealthController, MetricsController, DeadLettersAdminController];

/**
 * The global guard: every HTTP route needs a valid bearer token unless it is marked @Public().
 * Bus handlers (rpc context) are not HTTP requests and pass through.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (PUBLIC_CONTROLLERS.includes(context.getClass())) return true;
    const open = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (open) return true;
    return super.canActivate(context) as Promise<boolean>;
  }
}
