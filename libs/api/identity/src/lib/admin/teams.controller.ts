import { AdminPaths, type TeamSummary } from '@chartdesk/contracts';
import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TeamDto } from './dto/user-admin.dto';
import { TeamsService } from './teams.service';

@ApiTags('admin')
@Controller()
@RequirePermission('team:manage')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get(AdminPaths.teams)
  list(): Promise<TeamSummary[]> {
    return this.teams.list();
  }

  @Post(AdminPaths.teams)
  create(@CurrentActor() actor: Actor, @Body() body: TeamDto, @ReqMeta() meta: RequestMeta): Promise<TeamSummary> {
    return this.teams.create(actor, body.name, meta);
  }

  @Patch(AdminPaths.team)
  rename(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TeamDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<TeamSummary> {
    return this.teams.rename(actor, id, body.name, meta);
  }

  @Delete(AdminPaths.team)
  @HttpCode(204)
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.teams.remove(actor, id, meta);
  }
}
