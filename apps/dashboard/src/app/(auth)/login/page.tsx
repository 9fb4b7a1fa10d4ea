import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/auth-form';
import { loginAction } from '@/server/actions/auth';
import { currentSession } from '@/server/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; expired?: string }> }) {
  if (await currentSession()) redirect('/');
  const { next, expired } = await searchParams;
  return <AuthForm mode="login" action={loginAction} next={next} notice={expired ? 'Your session ended. Please sign in again.' : undefined} />;
}
