import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import { type CoderScorecard, QualityPaths, type TeamDashboard } from '@chartdesk/contracts';
import { Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { IsISO8601, IsOptional } from 'class-validator';
import { ScorecardService, type ScorecardWindow } from './scorecard.service';

export class ScorecardWindowDto implements ScorecardWindow {
  @IsOptional()
  @IsISO8601({ strict: true })
  readonly from?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  readonly to?: string;
}

@Controller()
export class ScorecardController {
  constructor(private readonly scorecards: ScorecardService) {}

  @Get(QualityPaths.myScorecard)
  @RequirePermission('scorecard:read-own')
  @Header('Cache-Control', 'no-store')
  mine(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Query() q: ScorecardWindowDto,
  ): Promise<CoderScorecard> {
    return this.scorecards.mine(actor, meta, q);
  }

  @Get(QualityPaths.coderScorecard)
  @RequirePermission('scorecard:read-team')
  @Header('Cache-Control', 'no-store')
  coder(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: ScorecardWindowDto,
  ): Promise<CoderScorecard> {
    return this.scorecards.coder(actor, meta, id, q);
  }

  @Get(QualityPaths.teamDashboard)
  @RequirePermission('scorecard:read-team')
  @Header('Cache-Control', 'no-store')
  team(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Query() q: ScorecardWindowDto,
  ): Promise<TeamDashboard> {
    return this.scorecards.team(actor, meta, q);
  }

  @Get(QualityPaths.teamScorecardCsv)
  @RequirePermission('scorecard:read-team')
  @Header('Cache-Control', 'no-store')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="team-scorecards.csv"')
  csv(@CurrentActor() actor: Actor, @ReqMeta() meta: RequestMeta, @Query() q: ScorecardWindowDto): Promise<string> {
    return this.scorecards.teamCsv(actor, meta, q);
  }
}
