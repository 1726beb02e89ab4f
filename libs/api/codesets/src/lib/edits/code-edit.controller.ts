import { RequirePermission } from '@chartdesk/api-platform';
import type { EditCheckResponse, EditReferenceData } from '@chartdesk/contracts';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CodeEditService } from './code-edit.service';
import { EditCheckDto } from './dto/edit-check.dto';

/**
 * Checks codes the caller sends; no chart is read or changed, so no audit
 * event. Saving and submitting a chart (worklist) run the same check and audit there.
 */
@Controller('codes')
export class CodeEditController {
  constructor(private readonly edits: CodeEditService) {}

  @Post('edits')
  @HttpCode(200)
  @RequirePermission('codes:search')
  check(@Body() body: EditCheckDto): Promise<EditCheckResponse> {
    return this.edits.checkResponse(body);
  }

  /** The edit data for these codes (reference data only), for the browser's copy of the engine. */
  @Post('edit-data')
  @HttpCode(200)
  @RequirePermission('codes:search')
  editData(@Body() body: EditCheckDto): Promise<EditReferenceData> {
    return this.edits.referenceData(body);
  }
}
