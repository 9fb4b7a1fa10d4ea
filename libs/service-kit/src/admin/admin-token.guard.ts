import { SERVICE_CONFIG } from '@app/config';
import type { ServiceConfig } from '@app/config';
import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The admin API's only door: `Authorization: Bearer <ADMIN_TOKEN>`. Without ADMIN_TOKEN configured the API is
 * off and answers 403 saying so; a missing or wrong token answers 401. Tokens are compared in constant time.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected?: Buffer;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.expected = config.adminToken ? digest(config.adminToken) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return false;
    if (!this.expected) {
      throw new ForbiddenException('the admin API is disabled: ADMIN_TOKEN is not set for this service');
    }
    const http = context.switchToHttp();
    const header = http.getRequest<Request>().headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match || !timingSafeEqual(digest(match[1]), this.expected)) {
      http.getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="admin"');
      throw new UnauthorizedException(match ? 'invalid admin token' : 'missing admin token: send Authorization: Bearer <ADMIN_TOKEN>');
    }
    return true;
  }
}

/** Fixed-length digests, so the comparison takes the same time whatever the token's length. */
function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
