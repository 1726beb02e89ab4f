import { APP_CONFIG, type AppConfig } from '@chartdesk/api-platform';
import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { TeamsController } from './admin/teams.controller';
import { TeamsService } from './admin/teams.service';
import { UsersAdminController } from './admin/users-admin.controller';
import { UsersAdminService } from './admin/users-admin.service';
import { AccountService } from './auth/account.service';
import { AuthController } from './auth/auth.controller';
import { Clock } from './clock';
import { DemoBanner } from './demo/demo-banner';
import { IDENTITY_KEYS, loadIdentityKeys } from './keys/identity-keys';
import { LoginChallengeService } from './login/login-challenge.service';
import { LoginThrottleService } from './login/login-throttle.service';
import { SessionIssuer } from './login/session-issuer';
import { SignInService } from './login/sign-in.service';
import { MfaService } from './mfa/mfa.service';
import { PasswordHasher } from './passwords/password-hasher';
import { PasswordService } from './passwords/password.service';
import { SessionService } from './sessions/session.service';
import { RedisThrottlerStorage, ThrottlerStorageModule } from './throttling/redis-throttler.storage';
import { AccessTokenService } from './tokens/access-token.service';
import { JwtStrategy } from './tokens/jwt.strategy';
import { UserProvisioningService } from './users/user-provisioning.service';
import { UsersRepository } from './users/users.repository';
import { StepUpService } from './step-up/step-up.service';
import { AccountApprovals } from './admin/account-approvals';

/**
 * Users, credentials, MFA, sessions and tokens. The global guards that use
 * the JWT strategy live in libs/api/access (AccessGuardsModule).
 */
@Module({
  imports: [
    PassportModule,
    ThrottlerModule.forRootAsync({
      imports: [ThrottlerStorageModule],
      inject: [APP_CONFIG, RedisThrottlerStorage],
      useFactory: (config: AppConfig, redisStorage: RedisThrottlerStorage) => ({
        throttlers: [{ name: 'auth-per-ip', ttl: 60_000, limit: config.loginRateLimitPerMinute }],
        // Shared between instances when Redis is configured; in memory otherwise.
        ...(redisStorage.redis ? { storage: redisStorage } : {}),
      }),
    }),
  ],
  controllers: [AuthController, UsersAdminController, TeamsController],
  providers: [
    Clock,
    { provide: IDENTITY_KEYS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadIdentityKeys(config) },
    UsersRepository,
    UserProvisioningService,
    PasswordHasher,
    PasswordService,
    SessionService,
    AccessTokenService,
    JwtStrategy,
    LoginThrottleService,
    LoginChallengeService,
    MfaService,
    SessionIssuer,
    SignInService,
    AccountService,
    UsersAdminService,
    TeamsService,
    DemoBanner,
    StepUpService,
    AccountApprovals,
  ],
  exports: [
    Clock,
    SessionService,
    UsersRepository,
    UserProvisioningService,
    PasswordHasher,
    MfaService,
    StepUpService,
    JwtStrategy,
    PassportModule,
  ],
})
export class IdentityModule {}
