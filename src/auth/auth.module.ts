import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../common/config/app-config.js';
import { UsersModule } from '../users/users.module.js';
import { AccessGuard } from './access.guard.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';

@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      global: true,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse
        // it as a public key on every verify, which cost more than the rest of a request.
        const key = createSecretKey(Buffer.from(config.jwtSecret));
        // maxAge: a token lives at most the configured lifetime after its `iat`, which it must carry,
        // whatever its `exp` says; an `exp` the library cannot see is refused by verified-tokens.ts.
        const verifyOptions = { algorithms: ['HS256' as const], maxAge: config.jwtTtlSeconds };
        return { secretOrKeyProvider: () => key, signOptions: { expiresIn: config.jwtTtlSeconds, algorithm: 'HS256' }, verifyOptions };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, { provide: APP_GUARD, useClass: AccessGuard }],
})
export class AuthModule {}
