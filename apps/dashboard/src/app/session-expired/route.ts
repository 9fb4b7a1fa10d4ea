import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';
import { SESSION_COOKIE, USER_COOKIE } from '@/server/session';

/** The gateway refused the token (expired, or its key rotated): forget it and sign in again. */
export function GET(request: NextRequest): NextResponse {
  const response = NextResponse.redirect(new URL('/login?expired=1', request.url), 303);
  response.cookies.delete(SESSION_COOKIE);
  response.cookies.delete(USER_COOKIE);
  return response;
}
