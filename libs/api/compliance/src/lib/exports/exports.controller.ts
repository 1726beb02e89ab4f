import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import {
  type ComplianceReport,
  CompliancePaths,
  EXPORT_ID_HEADER,
  type ExportManifest,
  type ExportVerification,
} from '@chartdesk/contracts';
import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { REPORT_PARAM_PIPE } from '../reports/reports.controller';
import { ExportQueryDto, ExportVerificationDto } from './dto/export.dto';
import { ExportVerificationService } from './export-verification.service';
import { ExportService } from './export.service';

@Controller()
export class ExportsController {
  constructor(
    private readonly exports: ExportService,
    private readonly verification: ExportVerificationService,
  ) {}

  @Get(CompliancePaths.export)
  @RequirePermission('compliance:export')
  async export(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('report', REPORT_PARAM_PIPE) report: ComplianceReport,
    @Query() query: ExportQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { format, ...reportQuery } = query;
    const started = await this.exports.start(actor, meta, report, format, reportQuery);
    await reply
      .header('cache-control', 'no-store')
      .header('content-type', started.contentType)
      .header('content-disposition', `attachment; filename="${started.filename}"`)
      .header(EXPORT_ID_HEADER, started.exportId)
      .header('access-control-expose-headers', EXPORT_ID_HEADER)
      .send(started.stream);
  }

  @Get(CompliancePaths.exportManifest)
  @RequirePermission('compliance:export')
  @Header('cache-control', 'no-store')
  manifest(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ExportManifest> {
    return this.exports.manifest(actor, id);
  }

  @Post(CompliancePaths.exportVerify)
  @HttpCode(200)
  @RequirePermission('audit:verify')
  @Header('cache-control', 'no-store')
  verify(@Body() body: ExportVerificationDto): Promise<ExportVerification> {
    return this.verification.verify(body.manifest, {
      sha256: body.sha256,
      byteLength: body.byteLength,
      rowCount: body.rowCount,
    });
  }
}
