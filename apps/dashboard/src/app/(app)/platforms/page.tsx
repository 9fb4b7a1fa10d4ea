import type { Metadata } from 'next';
import Link from 'next/link';
import { PLATFORM_NAMES, PLATFORM_ORDER } from '@/api/types';
import type { ConnectionView, Platform } from '@/api/types';
import { ConnectForm } from '@/components/platforms/connect-form';
import type { ConnectDefaults } from '@/components/platforms/connect-form';
import { ConnectionList, reconnectHref } from '@/components/platforms/connection-list';
import { Card, EmptyState, ErrorNotice, PageHeader, buttonClass } from '@/components/ui';
import { unwrap, userClient } from '@/server/api';
import { connectPlatformAction } from '@/server/actions/platforms';

export const metadata: Metadata = { title: 'Platforms' };

type SearchParams = Record<string, string | string[] | undefined>;

function param(params: SearchParams, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function asPlatform(value: string | undefined): Platform | undefined {
  return PLATFORM_ORDER.includes(value as Platform) ? (value as Platform) : undefined;
}

/**
 * The accounts posts go out on: their status (and the posts a broken one holds back), connect — with a token,
 * OAuth, or a sandbox account —, reconnect and disconnect.
 *
 * Query: `?reconnect=<connectionId>` prefills the form for that account; `?platform=<p>` picks a platform;
 * `?connected=<platform>&connectionId=<id>` (after connecting, also the gateway's OAuth result) and
 * `?error=<reason>&platform=<p>&message=<text>` (an OAuth failure) and `?disconnected=<name>` report outcomes.
 */
export default async function PlatformsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const connections = unwrap(await (await userClient()).GET('/api/v1/platforms'));

  const reconnect = connections.find((c) => c.id === param(params, 'reconnect'));
  const defaults: ConnectDefaults = reconnect
    ? {
        platform: reconnect.platform,
        serverUrl: reconnect.platform === 'mastodon' ? (reconnect.serverUrl ?? undefined) : undefined,
        identifier: reconnect.platform === 'bluesky' ? reconnect.accountName.replace(/^@/, '') : undefined,
        timeZone: reconnect.timeZone ?? undefined,
      }
    : { platform: asPlatform(param(params, 'platform')) };
  const blocked = connections.filter((c) => c.status === 'reconnect_required');

  return (
    <div className="space-y-6">
      <PageHeader
        title="Platforms"
        description="The social accounts your campaigns publish on."
        actions={
          <a href="#connect" className={buttonClass.primary}>
            Connect an account
          </a>
        }
      />

      <Outcome params={params} connections={connections} />

      {blocked.length > 0 ? (
        <div role="note" aria-label="Accounts to reconnect" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-medium">
            {blocked.length === 1 ? '1 account needs' : `${blocked.length} accounts need`} to be reconnected
            {blocked.some((c) => c.blockedPosts > 0) ? `: ${blocked.reduce((n, c) => n + c.blockedPosts, 0)} posts are waiting` : ''}.
          </p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {blocked.map((c) => (
              <li key={c.id}>
                <a href={`#connection-${c.id}`} className="underline underline-offset-2">
                  {c.accountName} ({PLATFORM_NAMES[c.platform]})
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <section aria-labelledby="accounts-heading" className="space-y-3">
        <h2 id="accounts-heading" className="text-lg font-semibold">
          Connected accounts
        </h2>
        {connections.length === 0 ? (
          <EmptyState title="No accounts connected yet">
            <p>
              Until you connect one, posts are published to the built-in sandbox (where the server allows it, as in the demo): they stay local and a simulated audience
              reacts to them.
            </p>
            <p className="mt-3">
              <a href="#connect" className={buttonClass.link}>
                Connect an account or a sandbox account
              </a>
            </p>
          </EmptyState>
        ) : (
          <ConnectionList connections={connections} />
        )}
      </section>

      <div id="connect" className="scroll-mt-4">
        <Card
          title={reconnect ? `Reconnect ${reconnect.accountName} (${PLATFORM_NAMES[reconnect.platform]})` : 'Connect an account'}
          actions={
            reconnect ? (
              <Link href="/platforms" className={buttonClass.link}>
                Cancel reconnect
              </Link>
            ) : undefined
          }
        >
          {reconnect ? (
            <p className="mb-3 text-sm text-slate-700">
              Connect the same {PLATFORM_NAMES[reconnect.platform]} account again with a new token or OAuth: the connection is updated
              {reconnect.blockedPosts > 0 ? ` and its ${reconnect.blockedPosts} waiting posts resume` : ''}.
            </p>
          ) : null}
          <ConnectForm key={reconnect?.id ?? defaults.platform ?? 'new'} action={connectPlatformAction} defaults={defaults} />
        </Card>
      </div>
    </div>
  );
}

/** What the last action (or the OAuth round trip) did, announced politely. */
function Outcome({ params, connections }: { params: SearchParams; connections: ConnectionView[] }) {
  const error = param(params, 'error');
  if (error) {
    const platform = asPlatform(param(params, 'platform'));
    const message = param(params, 'message');
    return (
      <ErrorNotice title={`${platform ? PLATFORM_NAMES[platform] : 'The account'} could not be connected`}>
        <p>{message ? `${message} (${error.replaceAll('_', ' ')})` : error.replaceAll('_', ' ')}</p>
      </ErrorNotice>
    );
  }
  const connectedPlatform = asPlatform(param(params, 'connected'));
  if (connectedPlatform) {
    const connection = connections.find((c) => c.id === param(params, 'connectionId'));
    const what = connection ? `${connection.accountName} on ${PLATFORM_NAMES[connection.platform]}` : `Your ${PLATFORM_NAMES[connectedPlatform]} account`;
    return (
      <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
        Connected {what}.
        {connection && connection.status === 'reconnect_required' ? (
          <>
            {' '}
            It still needs attention: <Link href={reconnectHref(connection)}>reconnect it</Link>.
          </>
        ) : null}
      </p>
    );
  }
  const disconnected = param(params, 'disconnected');
  if (disconnected) {
    return (
      <p role="status" className="rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-800">
        Disconnected {disconnected.slice(0, 200)}.
      </p>
    );
  }
  return null;
}
