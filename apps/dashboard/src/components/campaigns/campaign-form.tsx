'use client';

import { useActionState } from 'react';
import { PLATFORM_NAMES, PLATFORM_ORDER } from '@/api/types';
import { IDLE, errorsFor } from '@/lib/form-state';
import { createCampaignAction } from '@/server/actions/campaigns';
import { ErrorNotice, Field, buttonClass, fieldAria, inputClass } from '../ui';

/** The create form. The API validates; its errors are shown on their fields, and what was typed stays. */
export function CampaignForm({ timeZones, defaultTimeZone, today }: { timeZones: string[]; defaultTimeZone: string; today: string }) {
  const [state, submit, pending] = useActionState(createCampaignAction, IDLE);
  const v = state.values ?? {};
  const e = (field: string) => errorsFor(state, field);
  const chosen = new Set((v.targetPlatforms ?? '').split(',').filter(Boolean));
  return (
    <form action={submit} className="max-w-2xl space-y-5" noValidate>
      {state.status === 'error' ? <ErrorNotice title={state.message ?? 'The campaign was not created'} /> : null}
      <Field id="name" label="Name" errors={e('name')}>
        <input id="name" name="name" defaultValue={v.name} className={inputClass} {...fieldAria('name', e('name'))} />
      </Field>
      <Field id="goal" label="Goal" hint="What should the campaign achieve? The Strategy agent plans from it." errors={e('goal')}>
        <textarea id="goal" name="goal" rows={3} defaultValue={v.goal} className={inputClass} {...fieldAria('goal', e('goal'), true)} />
      </Field>
      <fieldset aria-describedby={e('targetPlatforms').length > 0 ? 'targetPlatforms-error' : undefined}>
        <legend className="text-sm font-medium text-slate-800">Platforms</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {PLATFORM_ORDER.map((platform) => (
            <label key={platform} className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
              <input type="checkbox" name="targetPlatforms" value={platform} defaultChecked={chosen.has(platform)} />
              {PLATFORM_NAMES[platform]}
            </label>
          ))}
        </div>
        {e('targetPlatforms').length > 0 ? (
          <ul id="targetPlatforms-error" className="mt-1 text-sm text-red-700" data-field-error="targetPlatforms">
            {e('targetPlatforms').map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="startDate" label="Start date" errors={e('startDate')}>
          <input id="startDate" name="startDate" type="date" defaultValue={v.startDate ?? today} className={inputClass} {...fieldAria('startDate', e('startDate'))} />
        </Field>
        <Field id="durationDays" label="Duration (days)" errors={e('durationDays')}>
          <input id="durationDays" name="durationDays" type="number" min={1} max={90} defaultValue={v.durationDays ?? '14'} className={inputClass} {...fieldAria('durationDays', e('durationDays'))} />
        </Field>
        <Field id="timezone" label="Time zone" errors={e('timezone')}>
          <select id="timezone" name="timezone" defaultValue={v.timezone ?? defaultTimeZone} className={inputClass} {...fieldAria('timezone', e('timezone'))}>
            {timeZones.map((tz) => (
              <option key={tz}>{tz}</option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="targetAudience" label="Audience (optional)" errors={e('targetAudience')}>
        <input id="targetAudience" name="targetAudience" defaultValue={v.targetAudience} className={inputClass} {...fieldAria('targetAudience', e('targetAudience'))} />
      </Field>
      <Field id="brandVoice" label="Brand voice (optional)" errors={e('brandVoice')}>
        <input id="brandVoice" name="brandVoice" defaultValue={v.brandVoice} className={inputClass} {...fieldAria('brandVoice', e('brandVoice'))} />
      </Field>
      <Field id="contentThemes" label="Themes (optional)" hint="Separate them with commas." errors={e('contentThemes')}>
        <input id="contentThemes" name="contentThemes" defaultValue={v.contentThemes} className={inputClass} {...fieldAria('contentThemes', e('contentThemes'), true)} />
      </Field>
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        {pending ? 'Creating…' : 'Create campaign'}
      </button>
    </form>
  );
}
