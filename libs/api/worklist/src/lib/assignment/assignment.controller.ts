import { ChartScoped } from '@chartdesk/api-records';
import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import {
  type AssignmentResponse,
  type BoardResponse,
  type TeamWorklistSettings,
  WorklistPaths,
} from '@chartdesk/contracts';
import { Body, Controller, Get, Header, HttpCode, Post, Put, Query } from '@nestjs/common';
import { AssignmentService } from './assignment.service';
import { BoardService } from './board.service';
import { AssignDto, BoardQueryDto, DistributeDto, TeamSettingsDto, UnassignDto } from './dto/assignment.dto';

/** The supervisor's assignment board and the moves it makes. */
@Controller()
export class AssignmentController {
  constructor(
    private readonly assignments: AssignmentService,
    private readonly boards: BoardService,
  ) {}

  @Get(WorklistPaths.board)
  @RequirePermission('worklist:board')
  @Header('cache-control', 'no-store')
  board(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Query() query: BoardQueryDto,
  ): Promise<BoardResponse> {
    return this.boards.board(actor, meta, query);
  }

  @Post(WorklistPaths.assignments)
  @ChartScoped()
  @HttpCode(200)
  @RequirePermission('worklist:assign')
  assign(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Body() body: AssignDto,
  ): Promise<AssignmentResponse> {
    return this.assignments.assign(actor, meta, body);
  }

  @Post(WorklistPaths.unassignments)
  @ChartScoped()
  @HttpCode(200)
  @RequirePermission('worklist:assign')
  unassign(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Body() body: UnassignDto,
  ): Promise<AssignmentResponse> {
    return this.assignments.unassign(actor, meta, body);
  }

  @Post(WorklistPaths.distribute)
  @HttpCode(200)
  @RequirePermission('worklist:assign')
  distribute(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Body() body: DistributeDto,
  ): Promise<AssignmentResponse> {
    return this.assignments.distribute(actor, meta, body);
  }

  @Put(WorklistPaths.teamSettings)
  @RequirePermission('worklist:assign')
  settings(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Body() body: TeamSettingsDto,
  ): Promise<TeamWorklistSettings> {
    return this.boards.updateSettings(actor, meta, body);
  }
}
