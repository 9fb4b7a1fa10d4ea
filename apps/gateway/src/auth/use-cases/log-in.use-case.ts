import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { GATEWAY_CONFIG } from '../../config/gateway.config';
import type { GatewayConfig } from '../../config/gateway.config';
import { LoginDto } from '../dto/credentials.dto';
import { AccessTokenDto } from '../dto/auth-responses.dto';
import type { AccessTokenClaims } from '../jwt.strategy';
import { PasswordHasher } from '../password-hasher';
import { UsersRepository } from '../users.repository';

/** Same answer for an unknown email and a wrong password, with the same bcrypt cost. */
const BAD_CREDENTIALS = 'Invalid email or password';

@Injectable()
export class LogIn {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(input: LoginDto): Promise<AccessTokenDto> {
    const user = await this.users.findByEmail(input.email.trim().toLowerCase());
    const valid = user ? await this.hasher.verify(input.password, user.passwordHash) : await this.hasher.verifyAgainstNothing(input.password);
    if (!user || !valid) throw new UnauthorizedException(BAD_CREDENTIALS);
    const claims: AccessTokenClaims = { sub: user.id };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.jwtExpiresInSeconds };
  }
}
