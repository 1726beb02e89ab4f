import {
  AuthPaths,
  type LoginStepResponse,
  type MfaEnrolment,
  REFRESH_COOKIE,
  type RefreshResponse,
  type SessionUser,
} from '@chartdesk/contracts';
import {
  APP_CONFIG,
  type Actor,
  type AppConfig,
  CurrentActor,
  DomainError,
  Public,
  ReqMeta,
  type RequestMeta,
  RequirePermission,
} from '@chartdesk/api-platform';
import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type StepResult, SignInService } from '../login/sign-in.service';
import { AccountService } from './account.service';
import { assertSameOriginWithCsrf, clearSessionCookies, readCookie, setSessionCookies } from './auth-cookies';
import {
  ChallengeDto,
  ChangePasswordDto,
  InitialPasswordDto,
  LoginDto,
  MfaVerifyDto,
  ResetOwnMfaDto,
} from './dto/auth.dto';

/**
 * Sign-in steps, refresh and logout are @Public (there is no access token
 * yet); each proves itself another way: a password, a single-step challenge
 * token, or the refresh cookie plus Origin and CSRF checks. Per-IP throttling
 * applies to all of them.
 */
@ApiTags('auth')
@Controller()
@UseGuards(ThrottlerGuard)
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly account: AccountService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post(AuthPaths.login)
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginStepResponse> {
    return this.answer(await this.signIn.passwordStep(body.username, body.password, meta), reply);
  }

  @Public()
  @Post(AuthPaths.mfaVerify)
  @HttpCode(200)
  async verifyMfa(
    @Body() body: MfaVerifyDto,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginStepResponse> {
    return this.answer(await this.signIn.verifyMfa(body.challengeToken, body.code, meta), reply);
  }

  @Public()
  @Post(AuthPaths.initialPassword)
  @HttpCode(200)
  async initialPassword(
    @Body() body: InitialPasswordDto,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginStepResponse> {
    return this.answer(await this.signIn.initialPassword(body.challengeToken, body.newPassword, meta), reply);
  }

  @Public()
  @Post(AuthPaths.mfaEnrolStart)
  @HttpCode(200)
  async startEnrolment(
    @Body() body: ChallengeDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MfaEnrolment> {
    void reply.header('cache-control', 'no-store');
    return this.signIn.startEnrolment(body.challengeToken);
  }

  @Public()
  @Post(AuthPaths.mfaEnrolConfirm)
  @HttpCode(200)
  async confirmEnrolment(
    @Body() body: MfaVerifyDto,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginStepResponse> {
    return this.answer(await this.signIn.confirmEnrolment(body.challengeToken, body.code, meta), reply);
  }

  @Public()
  @Post(AuthPaths.refresh)
  @HttpCode(200)
  async refresh(
    @Req() request: FastifyRequest,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RefreshResponse> {
    const csrf = assertSameOriginWithCsrf(request, this.config);
    const token = readCookie(request, REFRESH_COOKIE);
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Your session has ended. Sign in again.');
    try {
      const issued = await this.account.refresh(token, csrf, meta);
      return this.answer({ done: issued }, reply) as RefreshResponse;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'UNAUTHENTICATED') clearSessionCookies(reply);
      throw error;
    }
  }

  @Public()
  @Post(AuthPaths.logout)
  @HttpCode(204)
  async logout(
    @Req() request: FastifyRequest,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const csrf = assertSameOriginWithCsrf(request, this.config);
    await this.account.logoutByRefreshToken(readCookie(request, REFRESH_COOKIE), csrf, meta);
    clearSessionCookies(reply);
  }

  // Also the browser's activity heartbeat: many users behind one office address must not share a limit here.
  @SkipThrottle()
  @RequirePermission('session:self')
  @Get(AuthPaths.me)
  me(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionUser> {
    void reply.header('cache-control', 'no-store');
    return this.account.me(actor);
  }

  @RequirePermission('session:self')
  @Post(AuthPaths.changePassword)
  @HttpCode(204)
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() body: ChangePasswordDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.account.changePassword(actor, body.currentPassword, body.newPassword, meta);
  }

  @RequirePermission('session:self')
  @Post(AuthPaths.resetOwnMfa)
  @HttpCode(204)
  async resetOwnMfa(
    @CurrentActor() actor: Actor,
    @Body() body: ResetOwnMfaDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.account.resetOwnMfa(actor, body.currentPassword, body.code, meta);
  }

  private answer(result: StepResult, reply: FastifyReply): LoginStepResponse {
    void reply.header('cache-control', 'no-store');
    if ('pending' in result) return result.pending;
    const { body, refreshToken, sessionId } = result.done;
    const maxAge = Math.max(0, Math.floor((Date.parse(body.session.absoluteExpiresAt) - Date.now()) / 1000));
    setSessionCookies(reply, refreshToken, this.account.csrfToken(sessionId), maxAge);
    return body;
  }
}
