import { UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AuthUser } from './current-user.decorator';

export interface AccessTokenClaims {
  sub: string;
}

/** Validates `Authorization: Bearer <jwt>` (HS256, not expired) and exposes the caller as `{userId}`. */
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(secret: string) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      ignoreExpiration: false,
      secretOrKey: secret,
      algorithms: ['HS256'],
    });
  }

  validate(claims: Partial<AccessTokenClaims>): AuthUser {
    if (typeof claims.sub !== 'string' || claims.sub.length === 0) throw new UnauthorizedException();
    return { userId: claims.sub };
  }
}
