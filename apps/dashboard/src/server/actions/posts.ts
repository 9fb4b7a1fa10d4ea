'use server';

import { revalidatePath } from 'next/cache';
import type { FormState } from '@/lib/form-state';
import { instantOfWallTime } from '@/lib/time-zone';
import { toGatewayError, userClient } from '../api';
import { fieldErrorMap } from './form-errors';

function refresh(campaignId: string): void {
  revalidatePath(`/campaigns/${campaignId}`);
  revalidatePath('/');
}

async function patchPost(postId: string, campaignId: string, body: { text?: string; scheduledTime?: string }, done: string, values?: Record<string, string>): Promise<FormState> {
  const { error, response } = await (await userClient()).PATCH('/api/v1/posts/{id}', { params: { path: { id: postId } }, body });
  if (!response.ok) {
    const failure = toGatewayError(error, response.status);
    return { status: 'error', message: failure.message, fieldErrors: fieldErrorMap(failure.fieldErrors), values };
  }
  refresh(campaignId);
  return { status: 'ok', message: done };
}

/** Edits the text of a draft or armed post (for a thread: its first part). */
export async function editPostAction(postId: string, campaignId: string, _state: FormState, form: FormData): Promise<FormState> {
  const text = String(form.get('text') ?? '');
  return patchPost(postId, campaignId, { text }, 'Saved.', { text });
}

/** Moves a post to a wall-clock time in the campaign's time zone (`YYYY-MM-DDTHH:mm` from a date picker). */
export async function reschedulePostAction(postId: string, campaignId: string, timeZone: string, _state: FormState, form: FormData): Promise<FormState> {
  const local = String(form.get('scheduledTime') ?? '');
  const instant = instantOfWallTime(local, timeZone);
  if (!instant) return { status: 'error', message: 'Please pick a date and time.', fieldErrors: { scheduledTime: ['scheduledTime must be a date and time'] }, values: { scheduledTime: local } };
  return patchPost(postId, campaignId, { scheduledTime: instant.toISOString() }, 'Rescheduled.', { scheduledTime: local });
}

/** The calendar's drag and drop: the post moves to `scheduledTime` (an instant the calendar computed). */
export async function movePostAction(postId: string, campaignId: string, scheduledTime: string): Promise<FormState> {
  return patchPost(postId, campaignId, { scheduledTime }, 'Rescheduled.');
}

export async function cancelPostAction(postId: string, campaignId: string, _state: FormState): Promise<FormState> {
  const { error, response } = await (await userClient()).DELETE('/api/v1/posts/{id}', { params: { path: { id: postId } } });
  if (!response.ok) return { status: 'error', message: toGatewayError(error, response.status).message };
  refresh(campaignId);
  return { status: 'ok', message: 'Cancelled: it will not be published.' };
}

/**
 * Publishes a failed post's content again, now, on the same account: a new post (the API files it under an
 * ad-hoc campaign); the failed one stays as it was, with its attempts.
 */
export async function retryPostAction(postId: string, campaignId: string, _state: FormState, form: FormData): Promise<FormState> {
  const client = await userClient();
  const original = await client.GET('/api/v1/posts/{id}', { params: { path: { id: postId } } });
  if (!original.data) return { status: 'error', message: toGatewayError(original.error, original.response.status).message };
  const post = original.data;
  if (!post.connectionId) return { status: 'error', message: 'This post has no connected account to publish on: connect one on the Platforms page.' };
  const text = String(form.get('text') ?? post.text);
  const threadParts = post.threadParts && post.threadParts.length > 1 ? [text, ...post.threadParts.slice(1)] : undefined;
  const { data, error, response } = await client.POST('/api/v1/posts', { body: { text, threadParts, connectionIds: [post.connectionId] } });
  if (!data) {
    const failure = toGatewayError(error, response.status);
    return { status: 'error', message: failure.message, fieldErrors: fieldErrorMap(failure.fieldErrors), values: { text } };
  }
  refresh(campaignId);
  refresh(data.campaignId);
  return { status: 'ok', message: 'Sent again as a new post.' };
}
