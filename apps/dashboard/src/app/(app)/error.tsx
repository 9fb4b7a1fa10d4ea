'use client';

import { ErrorNotice, buttonClass } from '@/components/ui';

/** A page that could not load (the gateway down, an unexpected answer): say so and offer a retry. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-4">
      <ErrorNotice title="This page could not be loaded">
        <p>{error.digest ? `The server logged it as ${error.digest}.` : error.message}</p>
      </ErrorNotice>
      <button type="button" onClick={reset} className={buttonClass.secondary}>
        Try again
      </button>
    </div>
  );
}
