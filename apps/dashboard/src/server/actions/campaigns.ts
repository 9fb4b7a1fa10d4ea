'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { CreateCampaign, Platform } from '@/api/types';
import type { FormState } from '@/lib/form-state';
import { instantOfWallTime, isTimeZone, localDateOf } from '@/lib/time-zone';
import { toGatewayError, userClient } from '../api';
import { fieldErrorMap } from './form-errors';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The create form as the API's body: empty optional fields are left out, so the API's defaults apply. */
function campaignBody(form: FormData): { body: CreateCampaign; problems: Record<string, string[]> } {
  const problems: Record<string, string[]> = {};
  const timezone = text(form, 'timezone') || 'UTC';
  if (!isTimeZone(timezone)) problems.timezone = ['timezone must be an IANA time zone such as Europe/Paris'];
  const body: CreateCampaign = {
    name: text(form, 'name'),
    goal: text(form, 'goal'),
    targetPlatforms: form.getAll('targetPlatforms').map(String) as Platform[],
    durationDays: Number(text(form, 'durationDays')),
    timezone,
  };
  const start = text(form, 'startDate');
  // Today means now (the API's default), not today's midnight, which has passed.
  if (start && problems.timezone === undefined && start !== localDateOf(new Date(), timezone)) {
    const instant = instantOfWallTime(start.length === 10 ? `${start}T00:00` : start, timezone);
    if (instant) body.startDate = instant.toISOString();
    else problems.startDate = ['startDate must be a date'];
  }
  for (const key of ['targetAudience', 'brandVoice'] as const) if (text(form, key)) body[key] = text(form, key);
  const themes = text(form, 'contentThemes')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (themes.length > 0) body.contentThemes = themes;
  return { body, problems };
}

function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (!key.startsWith('$') && typeof value === 'string') values[key] = key in values ? `${values[key]},${value}` : value;
  return values;
}

export async function createCampaignAction(_state: FormState, form: FormData): Promise<FormState> {
  const { body, problems } = campaignBody(form);
  if (Object.keys(problems).length > 0) return { status: 'error', message: 'Please correct the highlighted fields.', fieldErrors: problems, values: formValues(form) };
  // The API validates everything else and names the field of each problem (an empty duration arrives as 0).
  const { data, error, response } = await (await userClient()).POST('/api/v1/campaigns', { body });
  if (!data) {
    const failure = toGatewayError(error, response.status);
    return {
      status: 'error',
      message: failure.fieldErrors.length > 0 ? 'Please correct the highlighted fields.' : failure.message,
      fieldErrors: fieldErrorMap(failure.fieldErrors),
      values: formValues(form),
    };
  }
  revalidatePath('/campaigns');
  redirect(`/campaigns/${data.id}`);
}

/** Arms the campaign's posts: they go out at their scheduled times (202; 409 when it cannot be executed yet). */
export async function executeCampaignAction(campaignId: string, _state: FormState): Promise<FormState> {
  const { error, response } = await (await userClient()).POST('/api/v1/campaigns/{id}/execute', { params: { path: { id: campaignId } } });
  if (!response.ok) return { status: 'error', message: toGatewayError(error, response.status).message };
  revalidatePath(`/campaigns/${campaignId}`);
  return { status: 'ok', message: 'Executing: the posts are armed and go out at their times.' };
}
