import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import {
  ANOMALY_RULES,
  type AnomalyRule,
  type AnomalyRuleSetting,
  type AnomalyScanResult,
  CompliancePaths,
} from '@chartdesk/contracts';
import { Body, Controller, Get, Header, HttpCode, Param, ParseEnumPipe, Post, Put } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AnomalyDetector } from './anomaly-detector.service';
import { RuleUpdateDto } from './dto/rule-update.dto';
import { RuleSettingsService } from './rule-settings.service';

const RULE_PIPE = new ParseEnumPipe(Object.fromEntries(ANOMALY_RULES.map((r) => [r, r])));

@Controller()
export class AnomalyController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: RuleSettingsService,
    private readonly detector: AnomalyDetector,
  ) {}

  @Get(CompliancePaths.anomalyRules)
  @RequirePermission('compliance:review')
  @Header('cache-control', 'no-store')
  rules(): Promise<AnomalyRuleSetting[]> {
    return this.settings.all(this.dataSource.manager);
  }

  @Put(CompliancePaths.anomalyRule)
  @RequirePermission('compliance:review')
  @Header('cache-control', 'no-store')
  update(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('rule', RULE_PIPE) rule: AnomalyRule,
    @Body() body: RuleUpdateDto,
  ): Promise<AnomalyRuleSetting> {
    return this.settings.update(actor, meta, rule, body);
  }

  @Post(CompliancePaths.anomalyScans)
  @HttpCode(200)
  @RequirePermission('compliance:review')
  @Header('cache-control', 'no-store')
  scan(@CurrentActor() actor: Actor, @ReqMeta() meta: RequestMeta): Promise<AnomalyScanResult> {
    return this.detector.scanNow(actor, meta);
  }
}
