import { AdminPaths, type CreatedUser, type UserDetail, type UserList } from '@chartdesk/contracts';
import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminReauthDto, CreateUserDto, UpdateUserDto, UserListQueryDto } from './dto/user-admin.dto';
import { UsersAdminService } from './users-admin.service';

/** ADMIN only, via 'user:manage'. Answers carry account fields only — never patient data or secrets. */
@ApiTags('admin')
@Controller()
@RequirePermission('user:manage')
export class UsersAdminController {
  constructor(private readonly users: UsersAdminService) {}

  @Get(AdminPaths.users)
  list(@Query() query: UserListQueryDto): Promise<UserList> {
    return this.users.list(query);
  }

  @Get(AdminPaths.user)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserDetail> {
    return this.users.get(id);
  }

  @Post(AdminPaths.users)
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateUserDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<CreatedUser> {
    return this.users.create(actor, body, meta);
  }

  @Patch(AdminPaths.user)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<UserDetail> {
    return this.users.update(actor, id, body, meta);
  }

  @Post(AdminPaths.userDisable)
  @HttpCode(200)
  disable(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<UserDetail> {
    return this.users.setStatus(actor, id, 'DISABLED', meta);
  }

  @Post(AdminPaths.userEnable)
  @HttpCode(200)
  enable(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<UserDetail> {
    return this.users.setStatus(actor, id, 'ACTIVE', meta);
  }

  @Post(AdminPaths.userResetMfa)
  @HttpCode(200)
  resetMfa(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AdminReauthDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<UserDetail> {
    return this.users.resetMfa(actor, id, body.adminPassword, meta);
  }

  @Post(AdminPaths.userResetPassword)
  @HttpCode(200)
  resetPassword(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<CreatedUser> {
    return this.users.resetPassword(actor, id, meta);
  }

  @Post(AdminPaths.userApprove)
  @HttpCode(200)
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<UserDetail> {
    return this.users.decide(actor, id, true, meta);
  }

  @Post(AdminPaths.userReject)
  @HttpCode(200)
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<UserDetail> {
    return this.users.decide(actor, id, false, meta);
  }

  @Post(AdminPaths.userRevokeSessions)
  @HttpCode(200)
  revokeSessions(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<UserDetail> {
    return this.users.revokeSessions(actor, id, meta);
  }
}
