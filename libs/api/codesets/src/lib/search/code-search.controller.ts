import { RequirePermission } from '@chartdesk/api-platform';
import type { CodeSearchResponse } from '@chartdesk/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { CodeSearchService } from './code-search.service';
import { CodeSearchQueryDto } from './dto/code-search-query.dto';

/** Code typeahead. Reads reference data only, so it writes no audit event. */
@Controller('codes')
export class CodeSearchController {
  constructor(private readonly search: CodeSearchService) {}

  @Get('search')
  @RequirePermission('codes:search')
  async find(@Query() query: CodeSearchQueryDto): Promise<CodeSearchResponse> {
    return this.search.search(query);
  }
}
