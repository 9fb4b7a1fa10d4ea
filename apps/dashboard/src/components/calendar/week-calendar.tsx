'use client';

import { useState, useTransition } from 'react';
import type { Platform, PostStatus } from '@/api/types';
import { PLATFORM_NAMES } from '@/api/types';
import { addDays, instantOfWallTime, localDateOf, toLocalInput } from '@/lib/time-zone';
import type { FormState } from '@/lib/form-state';

export interface CalendarPost {
  id: string;
  campaignId: string;
  platform: Platform;
  status: PostStatus;
  scheduledTime: string;
  label: string;
}

interface Props {
  posts: CalendarPost[];
  /** First day shown, `YYYY-MM-DD` in `timeZone`. */
  startDate: string;
  timeZone: string;
  /** Given: draft and armed posts can be dragged to another day (same wall-clock time). */
  move?: (postId: string, campaignId: string, scheduledTime: string) => Promise<FormState>;
}

const DRAGGABLE: readonly PostStatus[] = ['draft', 'armed'];

function dayTitle(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * Seven days of posts in the campaign's time zone. With `move`, a post dragged onto another day keeps its
 * time of day there; the date picker on each post card is the keyboard way to do the same.
 */
export function WeekCalendar({ posts, startDate, timeZone, move }: Props) {
  const [message, setMessage] = useState('');
  const [pending, startTransition] = useTransition();
  const [over, setOver] = useState<string | null>(null);
  const days = Array.from({ length: 7 }, (_, i) => addDays(startDate, i));
  const byDay = new Map<string, CalendarPost[]>(days.map((d) => [d, []]));
  for (const post of posts) byDay.get(localDateOf(new Date(post.scheduledTime), timeZone))?.push(post);

  const drop = (day: string, postId: string) => {
    const post = posts.find((p) => p.id === postId);
    if (!post || !move) return;
    const time = toLocalInput(new Date(post.scheduledTime), timeZone).slice(11);
    const instant = instantOfWallTime(`${day}T${time}`, timeZone);
    if (!instant || localDateOf(new Date(post.scheduledTime), timeZone) === day) return;
    startTransition(async () => {
      const outcome = await move(post.id, post.campaignId, instant.toISOString());
      setMessage(outcome.status === 'ok' ? `Moved to ${dayTitle(day)} ${time}.` : (outcome.fieldErrors?.scheduledTime?.[0] ?? outcome.message ?? 'Could not move it.'));
    });
  };

  return (
    <div>
      <div className="overflow-x-auto">
        <ol className="grid min-w-[42rem] grid-cols-7 gap-2" aria-label={`Week from ${dayTitle(startDate)} (${timeZone})`} aria-busy={pending}>
          {days.map((day) => (
            <li
              key={day}
              data-day={day}
              className={`min-h-32 rounded-md border p-2 ${over === day ? 'border-brand-600 bg-brand-50' : 'border-slate-200 bg-white'}`}
              onDragOver={(event) => {
                if (!move) return;
                event.preventDefault();
                setOver(day);
              }}
              onDragLeave={() => setOver(null)}
              onDrop={(event) => {
                event.preventDefault();
                setOver(null);
                drop(day, event.dataTransfer.getData('text/plain'));
              }}
            >
              <p className="mb-2 text-xs font-semibold text-slate-700">{dayTitle(day)}</p>
              <ul className="space-y-1">
                {(byDay.get(day) ?? []).map((post) => {
                  const draggable = Boolean(move) && DRAGGABLE.includes(post.status);
                  return (
                    <li
                      key={post.id}
                      draggable={draggable}
                      data-calendar-post={post.id}
                      onDragStart={(event) => event.dataTransfer.setData('text/plain', post.id)}
                      className={`rounded border px-1.5 py-1 text-xs ${draggable ? 'cursor-grab border-brand-100 bg-brand-50' : 'border-slate-200 bg-slate-50'}`}
                    >
                      <a href={`/campaigns/${post.campaignId}#post-${post.id}`} className="block text-slate-800 hover:underline">
                        <span className="font-medium">{toLocalInput(new Date(post.scheduledTime), timeZone).slice(11)}</span> {PLATFORM_NAMES[post.platform]}
                        <span className="block truncate text-slate-600">{post.label}</span>
                      </a>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ol>
      </div>
      <p role="status" data-calendar-status className="mt-2 text-sm text-slate-700">
        {message}
      </p>
    </div>
  );
}
