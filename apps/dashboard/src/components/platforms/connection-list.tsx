import Link from 'next/link';
import { PLATFORM_NAMES } from '@/api/types';
import type { ConnectionView } from '@/api/types';
import { disconnectPlatformAction } from '@/server/actions/platforms';
import { Badge, StatusBadge, buttonClass } from '../ui';
import { DisconnectButton } from './disconnect-button';

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function formatDate(iso: string | null): string {
  const time = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(time) ? '—' : DATE.format(time);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The link that opens the connect form prefilled for this account. */
export function reconnectHref(connection: ConnectionView): string {
  return `/platforms?reconnect=${connection.id}#connect`;
}

/** The user's connected accounts, each with its status, what waits for it, and reconnect / disconnect. */
export function ConnectionList({ connections }: { connections: ConnectionView[] }) {
  return (
    <ul className="space-y-3" aria-label="Connected accounts">
      {connections.map((connection) => (
        <ConnectionItem key={connection.id} connection={connection} />
      ))}
    </ul>
  );
}

function ConnectionItem({ connection: c }: { connection: ConnectionView }) {
  const platformName = PLATFORM_NAMES[c.platform];
  const needsReconnect = c.status === 'reconnect_required';
  return (
    <li id={`connection-${c.id}`} className={`rounded-lg border bg-white p-4 shadow-sm ${needsReconnect ? 'border-red-300' : 'border-slate-200'}`} data-testid="connection">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="truncate text-base font-semibold">{c.accountName}</h3>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <span>{platformName}</span>
            {c.kind === 'sandbox' ? <Badge tone="amber">sandbox</Badge> : <Badge>platform</Badge>}
            <StatusBadge status={c.status} />
          </p>
        </div>
        <DisconnectButton action={disconnectPlatformAction.bind(null, c.id)} accountName={c.accountName} platformName={platformName} />
      </div>

      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div className="flex gap-2">
          <dt className="text-slate-600">Kind</dt>
          <dd>{c.kind === 'sandbox' ? 'Sandbox (simulated audience, posts stay local)' : 'Platform account'}</dd>
        </div>
        <div className="flex gap-2">
          <dt className="text-slate-600">Time zone</dt>
          <dd>{c.timeZone ?? 'Not set'}</dd>
        </div>
        <div className="flex gap-2">
          <dt className="text-slate-600">Connected</dt>
          <dd>
            <time dateTime={c.connectedAt}>{formatDate(c.connectedAt)}</time>
          </dd>
        </div>
        <div className="flex gap-2">
          <dt className="text-slate-600">Waiting posts</dt>
          <dd data-testid="blocked-posts">{c.blockedPosts}</dd>
        </div>
        {c.expiresAt ? (
          <div className="flex gap-2">
            <dt className="text-slate-600">Token expires</dt>
            <dd>
              <time dateTime={c.expiresAt}>{formatDate(c.expiresAt)}</time>
            </dd>
          </div>
        ) : null}
        {c.serverUrl ? (
          <div className="flex min-w-0 gap-2">
            <dt className="text-slate-600">Server</dt>
            <dd className="truncate">{c.serverUrl}</dd>
          </div>
        ) : null}
      </dl>

      {needsReconnect || c.blockedPosts > 0 ? (
        <div className="mt-3 flex flex-wrap items-center justify-between gap-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          <div>
            <p className="font-medium">{needsReconnect ? 'Reconnect required' : 'Posts are waiting for this account'}</p>
            {c.statusReason ? <p>Reason: {c.statusReason}.</p> : null}
            <p>
              {c.blockedPosts > 0
                ? `${plural(c.blockedPosts, 'post is', 'posts are')} held until you connect this account again; they resume then.`
                : 'No posts are held yet, but nothing can be published on it until it is connected again.'}
            </p>
          </div>
          <Link href={reconnectHref(c)} className={buttonClass.primary}>
            Reconnect {c.accountName}
          </Link>
        </div>
      ) : null}
    </li>
  );
}
