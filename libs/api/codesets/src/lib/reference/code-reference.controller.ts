import { RequirePermission } from '@chartdesk/api-platform';
import type { CodeReferenceResponse, PcsBuilderResponse } from '@chartdesk/contracts';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { CodeReferenceService } from './code-reference.service';
import { CodeReferenceParams, CodeReferenceQueryDto, PcsBuilderQueryDto } from './dto/code-reference.dto';
import { PcsBuilderService } from './pcs-builder.service';
import { today } from './releases';

/** Code reference and the PCS builder. Reference data only, no patient data, so no audit event. */
@Controller('codes')
@RequirePermission('codes:search')
export class CodeReferenceController {
  constructor(
    private readonly reference: CodeReferenceService,
    private readonly pcs: PcsBuilderService,
  ) {}

  @Get('reference/:system/:code')
  find(@Param() params: CodeReferenceParams, @Query() query: CodeReferenceQueryDto): Promise<CodeReferenceResponse> {
    return this.reference.reference(params.system, params.code, query.dos ?? today());
  }

  @Get('pcs-builder')
  build(@Query() query: PcsBuilderQueryDto): Promise<PcsBuilderResponse> {
    return this.pcs.build(query.prefix ?? '', query.dos ?? today());
  }
}
