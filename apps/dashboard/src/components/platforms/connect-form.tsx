'use client';

import { useActionState, useEffect, useState } from 'react';
import { PLATFORM_NAMES, PLATFORM_ORDER } from '@/api/types';
import type { Platform } from '@/api/types';
import { IDLE, errorsFor } from '@/lib/form-state';
import type { FormState } from '@/lib/form-state';
import { ErrorNotice, Field, buttonClass, fieldAria, inputClass } from '../ui';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** Platforms with an OAuth flow in posting-svc (Bluesky has none: app password instead). Whether its client is configured only the gateway knows. */
const OAUTH_PLATFORMS: readonly Platform[] = ['x', 'instagram', 'facebook', 'linkedin', 'mastodon'];

/** The fields each platform's connect request needs (ConnectPlatformDto). */
const NEEDS: Record<Platform, { token: boolean; refresh: boolean; server: 'required' | 'optional' | false; appPassword: boolean }> = {
  x: { token: true, refresh: true, server: false, appPassword: false },
  instagram: { token: true, refresh: true, server: false, appPassword: false },
  facebook: { token: true, refresh: true, server: false, appPassword: false },
  linkedin: { token: true, refresh: true, server: false, appPassword: false },
  bluesky: { token: false, refresh: false, server: 'optional', appPassword: true },
  mastodon: { token: true, refresh: false, server: 'required', appPassword: false },
};

/** The fields shown for a platform; an API error about any other one (`sandbox`, `accountId`, …) goes in the notice. */
function shownFields(platform: Platform): string[] {
  const needs = NEEDS[platform];
  return [
    'platform',
    'timeZone',
    ...(needs.server ? ['serverUrl'] : []),
    ...(needs.appPassword ? ['identifier', 'appPassword'] : []),
    ...(needs.token ? ['accessToken'] : []),
    ...(needs.refresh ? ['refreshToken', 'expiresAt'] : []),
  ];
}

export interface ConnectDefaults {
  platform?: Platform;
  serverUrl?: string;
  identifier?: string;
  timeZone?: string;
}

/**
 * Connect an account: with a token (or a Bluesky app password), with OAuth, or as a sandbox account. Three
 * submit buttons, one Server Action that reads which was pressed (`intent`). The platform choice shows the
 * fields it needs; the API's validation errors appear on their fields.
 */
export function ConnectForm({ action, defaults = {} }: { action: Action; defaults?: ConnectDefaults }) {
  const [state, submit, pending] = useActionState(action, IDLE);
  // A new answer remounts the fields, so their defaults (what was typed, secrets excepted) and the shown
  // platform agree with the form's automatic reset.
  return (
    <form action={submit} noValidate className="space-y-4" aria-describedby="connect-help">
      <ConnectFields key={JSON.stringify(state)} state={state} defaults={defaults} pending={pending} />
    </form>
  );
}

function ConnectFields({ state, defaults, pending }: { state: FormState; defaults: ConnectDefaults; pending: boolean }) {
  const initial = (state.values?.platform || defaults.platform || 'x') as Platform;
  const [platform, setPlatform] = useState<Platform>(PLATFORM_ORDER.includes(initial) ? initial : 'x');
  const [browserTimeZone, setBrowserTimeZone] = useState('');
  useEffect(() => setBrowserTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? ''), []);

  const needs = NEEDS[platform];
  const value = (name: string, fallback = '') => state.values?.[name] ?? fallback;
  const errors = (name: string) => errorsFor(state, name);
  const intent = state.values?.intent;
  const shown = shownFields(platform);
  const isShown = (key: string) => shown.some((f) => key === f || key.startsWith(`${f}.`));
  const fieldErrorsShown = Object.keys(state.fieldErrors ?? {}).some(isShown);
  const otherErrors = Object.entries(state.fieldErrors ?? {})
    .filter(([key]) => !isShown(key))
    .flatMap(([, messages]) => messages);
  const showNotice = state.status === 'error' && (!fieldErrorsShown || otherErrors.length > 0);

  return (
    <>
      <p id="connect-help" className="text-sm text-slate-600">
        Paste a token you already have, connect with OAuth, or try things out with a sandbox account.
      </p>
      {showNotice ? (
        <ErrorNotice title={intent === 'oauth' ? 'Connect with OAuth did not start' : 'The account was not connected'}>
          <p>{state.message}</p>
          {otherErrors.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {otherErrors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
        </ErrorNotice>
      ) : state.status === 'error' ? (
        <p role="alert" className="text-sm text-red-700">
          Please correct the highlighted fields.
        </p>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="connect-platform" label="Platform" errors={errors('platform')}>
          <select
            id="connect-platform"
            name="platform"
            value={platform}
            onChange={(event) => setPlatform(event.target.value as Platform)}
            className={inputClass}
            {...fieldAria('connect-platform', errors('platform'))}
          >
            {PLATFORM_ORDER.map((p) => (
              <option key={p} value={p}>
                {PLATFORM_NAMES[p]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="connect-timeZone" label="Audience time zone (optional)" hint="An IANA name such as Europe/Paris: posting times are chosen in it." errors={errors('timeZone')}>
          <input
            id="connect-timeZone"
            name="timeZone"
            type="text"
            autoComplete="off"
            placeholder="Europe/Paris"
            defaultValue={value('timeZone', defaults.timeZone ?? browserTimeZone)}
            className={inputClass}
            {...fieldAria('connect-timeZone', errors('timeZone'), true)}
          />
        </Field>
      </div>
      <input type="hidden" name="browserTimeZone" value={browserTimeZone} />

      <fieldset className="space-y-4 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{PLATFORM_NAMES[platform]} credentials</legend>
        {needs.server ? (
          <Field
            id="connect-serverUrl"
            label={platform === 'mastodon' ? 'Server URL' : 'PDS URL (optional)'}
            hint={platform === 'mastodon' ? 'Your Mastodon instance, e.g. https://mastodon.social.' : 'Leave empty for bsky.social.'}
            errors={errors('serverUrl')}
          >
            <input
              id="connect-serverUrl"
              name="serverUrl"
              type="url"
              inputMode="url"
              placeholder={platform === 'mastodon' ? 'https://mastodon.social' : 'https://bsky.social'}
              required={needs.server === 'required'}
              defaultValue={value('serverUrl', defaults.serverUrl ?? '')}
              className={inputClass}
              {...fieldAria('connect-serverUrl', errors('serverUrl'), true)}
            />
          </Field>
        ) : null}
        {needs.appPassword ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="connect-identifier" label="Handle or DID" errors={errors('identifier')}>
              <input
                id="connect-identifier"
                name="identifier"
                type="text"
                autoComplete="username"
                placeholder="acme.bsky.social"
                defaultValue={value('identifier', defaults.identifier ?? '')}
                className={inputClass}
                {...fieldAria('connect-identifier', errors('identifier'))}
              />
            </Field>
            <Field id="connect-appPassword" label="App password" hint="Create one under Settings → App passwords. It is exchanged for a session, never stored." errors={errors('appPassword')}>
              <input
                id="connect-appPassword"
                name="appPassword"
                type="password"
                autoComplete="off"
                className={inputClass}
                {...fieldAria('connect-appPassword', errors('appPassword'), true)}
              />
            </Field>
          </div>
        ) : null}
        {needs.token ? (
          <Field id="connect-accessToken" label="Access token" hint="Checked with the platform, then stored by the posting service only." errors={errors('accessToken')}>
            <input
              id="connect-accessToken"
              name="accessToken"
              type="password"
              autoComplete="off"
              className={inputClass}
              {...fieldAria('connect-accessToken', errors('accessToken'), true)}
            />
          </Field>
        ) : null}
        {needs.refresh ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="connect-refreshToken" label="Refresh token (optional)" errors={errors('refreshToken')}>
              <input
                id="connect-refreshToken"
                name="refreshToken"
                type="password"
                autoComplete="off"
                className={inputClass}
                {...fieldAria('connect-refreshToken', errors('refreshToken'))}
              />
            </Field>
            <Field id="connect-expiresAt" label="Token expires at (optional)" hint="In your browser's time zone." errors={errors('expiresAt')}>
              <input
                id="connect-expiresAt"
                name="expiresAt"
                type="datetime-local"
                defaultValue={value('expiresAt')}
                className={inputClass}
                {...fieldAria('connect-expiresAt', errors('expiresAt'), true)}
              />
            </Field>
          </div>
        ) : null}
        <div className="flex flex-wrap items-center gap-2">
          <button type="submit" name="intent" value="connect" className={buttonClass.primary} disabled={pending}>
            {pending ? 'Please wait…' : 'Connect'}
          </button>
          {OAUTH_PLATFORMS.includes(platform) ? (
            <button type="submit" name="intent" value="oauth" className={buttonClass.secondary} disabled={pending}>
              Connect with OAuth
            </button>
          ) : null}
        </div>
        {OAUTH_PLATFORMS.includes(platform) ? (
          <p className="text-xs text-slate-600">
            Connect with OAuth sends you to {PLATFORM_NAMES[platform]} to approve access{platform === 'mastodon' ? ' (fill in the server URL first)' : ''}; it works where the
            operator configured an OAuth client.
          </p>
        ) : null}
      </fieldset>

      <div className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-slate-50 p-3">
        <p className="max-w-prose text-sm text-slate-700">
          No credentials at hand? A sandbox {PLATFORM_NAMES[platform]} account keeps its posts local and has a simulated audience with 16 weeks of history, so analytics and
          the optimizer can be tried without a platform.
        </p>
        <button type="submit" name="intent" value="sandbox" formNoValidate className={buttonClass.secondary} disabled={pending}>
          Connect a sandbox account
        </button>
      </div>
    </>
  );
}
