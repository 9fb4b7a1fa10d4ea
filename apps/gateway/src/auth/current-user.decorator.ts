import { ExecutionContext, UnauthorizedException, createParamDecorator } from '@nestjs/common';

/** Who is calling: set by the JWT strategy from the token's `sub`. */
export interface AuthUser {
  userId: string;
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
  if (!user) throw new UnauthorizedException();
  return user;
});
