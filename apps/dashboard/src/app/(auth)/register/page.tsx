import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/auth-form';
import { registerAction } from '@/server/actions/auth';
import { currentSession } from '@/server/session';

export const metadata: Metadata = { title: 'Create an account' };

export default async function RegisterPage() {
  if (await currentSession()) redirect('/');
  return <AuthForm mode="register" action={registerAction} />;
}
