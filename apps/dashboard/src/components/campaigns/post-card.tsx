import Link from 'next/link';
import type { PostView } from '@/api/types';
import { PLATFORM_NAMES } from '@/api/types';
import { formatInZone, toLocalInput } from '@/lib/time-zone';
import { cancelPostAction, editPostAction, reschedulePostAction, retryPostAction } from '@/server/actions/posts';
import { PostPreview } from '../previews/post-preview';
import { StatusBadge, buttonClass } from '../ui';
import { ActionButton } from './action-form';
import { RescheduleForm, TextForm } from './post-actions';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function slotReason(post: PostView): string | null {
  const slot = post.slotChoice;
  if (!slot) return null;
  const when = `${WEEKDAYS[slot.weekday] ?? `day ${slot.weekday}`} ${String(slot.hour).padStart(2, '0')}:00`;
  if (slot.source === 'default') return `Chosen from ${PLATFORM_NAMES[post.platform]}'s default good times (${when}): no learned model for this account yet.`;
  const lift = slot.expectedLift !== undefined ? `, expected ${slot.expectedLift >= 0 ? '+' : ''}${Math.round(slot.expectedLift * 100)}% engagement` : '';
  const confidence = slot.confidence !== undefined ? `, confidence ${Math.round(slot.confidence * 100)}%` : '';
  return `${slot.explored ? 'Exploring' : 'Learned best time'}: ${when}${lift}${confidence}.`;
}

/** What the user can do about a failed post, by its failure code. */
function FixActions({ post }: { post: PostView }) {
  switch (post.failureCode) {
    case 'reconnect_required':
      return (
        <Link href={`/platforms?reconnect=${post.platform}`} className={buttonClass.primary}>
          Reconnect {PLATFORM_NAMES[post.platform]}
        </Link>
      );
    case 'no_account':
      return (
        <Link href="/platforms" className={buttonClass.primary}>
          Connect a {PLATFORM_NAMES[post.platform]} account
        </Link>
      );
    case 'rejected':
    case 'gave_up':
      return post.connectionId ? (
        <details className="w-full">
          <summary className={`${buttonClass.secondary} cursor-pointer`}>{post.failureCode === 'rejected' ? 'Edit and send again' : 'Try again'}</summary>
          <div className="mt-3">
            <TextForm postId={post.id} text={post.text} action={retryPostAction.bind(null, post.id, post.campaignId)} submitLabel="Send again now" />
          </div>
        </details>
      ) : null;
    default:
      return null;
  }
}

/** One post: its platform preview, where it stands, why it goes out when it does, and what can be done with it. */
export function PostCard({ post, timeZone }: { post: PostView; timeZone: string }) {
  const changeable = post.status === 'draft' || post.status === 'armed';
  const missed = post.status === 'failed' && post.failureCode === 'missed';
  const reason = slotReason(post);
  const defaultWhen = toLocalInput(post.scheduledTime ? new Date(post.scheduledTime) : new Date(Date.now() + 3_600_000), timeZone);
  return (
    <li id={`post-${post.id}`} className="rounded-lg border border-slate-200 bg-white p-4" data-post-id={post.id} data-platform={post.platform} data-status={post.status}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-2">
          <span className="text-sm font-semibold">{PLATFORM_NAMES[post.platform]}</span>
          <StatusBadge status={post.status} />
          <span className="text-xs text-slate-600">{post.pillar}</span>
        </div>
        <p className="text-sm text-slate-700">
          {post.publishedAt ? `Published ${formatInZone(post.publishedAt, timeZone)}` : post.scheduledTime ? formatInZone(post.scheduledTime, timeZone) : 'Not scheduled'}
        </p>
      </div>
      <div className="max-w-xl">
        <PostPreview post={post} imageSrc={post.visual?.imageUrl ? `/media/${post.id}` : null} />
      </div>
      {reason ? <p className="mt-3 text-xs text-slate-600">{reason}</p> : null}
      {post.url ? (
        <p className="mt-2 text-sm">
          <a href={post.url} className={buttonClass.link} target="_blank" rel="noreferrer">
            View on {PLATFORM_NAMES[post.platform]}
          </a>
        </p>
      ) : null}
      {post.error ? (
        <div role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">{post.status === 'unconfirmed' ? 'Not confirmed' : 'Not published'}</p>
          <p>{post.error}</p>
        </div>
      ) : null}
      <div className="mt-3 flex flex-wrap items-start gap-3">
        {changeable ? (
          <>
            <details className="w-full sm:w-auto">
              <summary className={`${buttonClass.secondary} cursor-pointer`}>Edit text</summary>
              <div className="mt-3">
                <TextForm postId={post.id} text={post.text} action={editPostAction.bind(null, post.id, post.campaignId)} submitLabel="Save text" />
              </div>
            </details>
            <details className="w-full sm:w-auto">
              <summary className={`${buttonClass.secondary} cursor-pointer`}>Reschedule</summary>
              <div className="mt-3">
                <RescheduleForm postId={post.id} value={defaultWhen} timeZone={timeZone} action={reschedulePostAction.bind(null, post.id, post.campaignId, timeZone)} />
              </div>
            </details>
            <ActionButton action={cancelPostAction.bind(null, post.id, post.campaignId)} label="Cancel post" pendingLabel="Cancelling…" variant="danger" confirm="Cancel this post? It will never be published." />
          </>
        ) : null}
        {missed ? (
          <details open className="w-full">
            <summary className={`${buttonClass.secondary} cursor-pointer`}>Reschedule</summary>
            <div className="mt-3">
              <RescheduleForm postId={post.id} value={defaultWhen} timeZone={timeZone} action={reschedulePostAction.bind(null, post.id, post.campaignId, timeZone)} />
            </div>
          </details>
        ) : null}
        {post.status === 'failed' && !missed ? <FixActions post={post} /> : null}
      </div>
    </li>
  );
}
