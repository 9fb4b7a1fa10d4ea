'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

type Connection = 'connecting' | 'live' | 'reconnecting';

/**
 * Subscribes to the campaign's live stream (the dashboard server relays the gateway's Server-Sent Events)
 * and re-renders the page's server components on each change: stages and posts appear as the agents finish
 * them, without a reload. EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed.
 */
export function LiveUpdates({ campaignId }: { campaignId: string }) {
  const router = useRouter();
  const [connection, setConnection] = useState<Connection>('connecting');
  useEffect(() => {
    const source = new EventSource(`/live?campaignId=${encodeURIComponent(campaignId)}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = () => {
      // Several events in a burst (a stage and its posts) make one refresh.
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 150);
    };
    source.addEventListener('open', () => setConnection('live'));
    source.addEventListener('error', () => setConnection('reconnecting'));
    source.addEventListener('campaign', changed);
    source.addEventListener('post', changed);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [campaignId, router]);
  const label = connection === 'live' ? 'Live: updates appear as the agents work' : connection === 'connecting' ? 'Connecting to live updates…' : 'Reconnecting…';
  return (
    <p className="flex items-center gap-2 text-xs text-slate-600" data-live-state={connection}>
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${connection === 'live' ? 'bg-green-600' : 'bg-amber-500'}`} />
      {label}
    </p>
  );
}
