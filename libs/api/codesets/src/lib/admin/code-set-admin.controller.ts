import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import type { DataReleaseView, ImportFilesResponse, ImportSummary } from '@chartdesk/contracts';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { CodeSetAdminService } from './code-set-admin.service';
import { StartImportDto } from './dto/start-import.dto';

@Controller('codesets')
@RequirePermission('codeset:import')
export class CodeSetAdminController {
  constructor(private readonly admin: CodeSetAdminService) {}

  @Get('releases')
  releases(): Promise<DataReleaseView[]> {
    return this.admin.releases();
  }

  @Get('import-files')
  importFiles(): Promise<ImportFilesResponse> {
    return this.admin.importFiles();
  }

  @Post('imports')
  startImport(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Body() body: StartImportDto,
  ): Promise<ImportSummary> {
    return this.admin.startImport(actor, meta, body);
  }
}
