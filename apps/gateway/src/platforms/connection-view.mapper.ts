import { isPlatform } from '@app/contracts';
import type { ConnectionStatus } from '@app/contracts';
import { HttpStatus } from '@nestjs/common';
import { UpstreamException } from '../common/upstream.exception';
import type { ConnectionViewDto } from './dto/connection-view.dto';

/**
 * posting-svc's ConnectionView as the gateway shows it: only the documented fields are copied (whatever
 * else posting-svc may send, tokens included, never reaches the client), absent ones become null.
 */
export function toConnectionView(raw: unknown): ConnectionViewDto {
  const c = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (typeof c.id !== 'string' || !isPlatform(c.platform)) {
    throw new UpstreamException(HttpStatus.BAD_GATEWAY, 'The posting service answered unexpectedly', 'a connection without id or platform');
  }
  const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
  return {
    id: c.id,
    platform: c.platform,
    accountId: str(c.accountId) ?? '',
    accountName: str(c.accountName) ?? '',
    serverUrl: str(c.serverUrl),
    status: (str(c.status) ?? 'active') as ConnectionStatus,
    statusReason: str(c.statusReason),
    expiresAt: str(c.expiresAt),
    scopes: str(c.scopes),
    timeZone: str(c.timeZone),
    connectedAt: str(c.connectedAt) ?? '',
    blockedPosts: typeof c.blockedPosts === 'number' && Number.isFinite(c.blockedPosts) ? c.blockedPosts : 0,
    kind: c.kind === 'sandbox' ? 'sandbox' : 'platform',
  };
}
