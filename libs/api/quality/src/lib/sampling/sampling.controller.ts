import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import { QualityPaths, type SamplingRulesResponse, type SamplingRunView } from '@chartdesk/contracts';
import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { CreateSamplingRunDto, SetSamplingRuleDto } from './dto/sampling.dto';
import { SamplingRuleService } from './sampling-rule.service';
import { SamplingRunService } from './sampling-run.service';

@Controller()
export class SamplingController {
  constructor(
    private readonly rules: SamplingRuleService,
    private readonly runs: SamplingRunService,
  ) {}

  @Get(QualityPaths.samplingRules)
  @RequirePermission('quality:configure')
  getRules(@CurrentActor() actor: Actor): Promise<SamplingRulesResponse> {
    return this.rules.rules(actor);
  }

  @Put(QualityPaths.samplingRules)
  @RequirePermission('quality:configure')
  setRule(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Body() body: SetSamplingRuleDto,
  ): Promise<SamplingRulesResponse> {
    return this.rules.set(actor, meta, body);
  }

  @Post(QualityPaths.samplingRuns)
  @HttpCode(201)
  @RequirePermission('quality:review')
  createRun(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Body() body: CreateSamplingRunDto,
  ): Promise<SamplingRunView> {
    return this.runs.create(actor, meta, body);
  }

  @Get(QualityPaths.samplingRun)
  @RequirePermission('quality:review')
  @Header('Cache-Control', 'no-store')
  getRun(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SamplingRunView> {
    return this.runs.get(actor, id);
  }
}
