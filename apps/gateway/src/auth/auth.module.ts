import { DynamicModule, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { GATEWAY_CONFIG } from '../config/gateway.config';
import type { GatewayConfig } from '../config/gateway.config';
import { AuthController } from './auth.controller';
import { JwtStrategy } from './jwt.strategy';
import { PasswordHasher } from './password-hasher';
import { LogIn } from './use-cases/log-in.use-case';
import { RegisterUser } from './use-cases/register-user.use-case';
import { UsersRepository } from './users.repository';

/** Accounts and bearer tokens (HS256 JWT, `sub` = user id). The guard itself is global (GatewayModule). */
@Module({})
export class AuthModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        PassportModule.register({ defaultStrategy: 'jwt' }),
        JwtModule.register({ secret: config.jwtSecret, signOptions: { expiresIn: config.jwtExpiresInSeconds, algorithm: 'HS256' } }),
      ],
      controllers: [AuthController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: JwtStrategy, useFactory: () => new JwtStrategy(config.jwtSecret) },
        PasswordHasher,
        UsersRepository,
        RegisterUser,
        LogIn,
      ],
    };
  }
}
