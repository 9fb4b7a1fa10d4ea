import type { ReactNode } from 'react';
import { NavLinks } from '@/components/nav-links';
import { logoutAction } from '@/server/actions/auth';
import { requireSession } from '@/server/session';

/** Every signed-in page: the navigation, who is signed in, and sign-out. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
          <a href="/" className="text-base font-semibold text-brand-700">
            Agentic Social
          </a>
          <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto">
            <NavLinks />
          </nav>
          <form action={logoutAction} className="flex items-center gap-2">
            <span className="hidden text-sm text-slate-600 md:inline" data-testid="signed-in-as">
              {session.email}
            </span>
            <button type="submit" className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">
              Sign out
            </button>
          </form>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
