import { Module } from '@nestjs/common';
import { CodeSetAdminController } from './admin/code-set-admin.controller';
import { CodeSetAdminService } from './admin/code-set-admin.service';
import { CodeEditController } from './edits/code-edit.controller';
import { CodeEditService } from './edits/code-edit.service';
import { CodeReferenceController } from './reference/code-reference.controller';
import { CodeReferenceService } from './reference/code-reference.service';
import { PcsBuilderService } from './reference/pcs-builder.service';
import { CodeSearchController } from './search/code-search.controller';
import { CodeSearchService } from './search/code-search.service';
import { SEARCH_VOCABULARY_CONTROLLERS, SEARCH_VOCABULARY_PROVIDERS } from './search/vocabulary';

/** Code systems, releases, imports, search and the edit check. Tables are plain SQL (bulk loads), so no entities. */
@Module({
  controllers: [
    CodeSearchController,
    CodeEditController,
    CodeSetAdminController,
    CodeReferenceController,
    ...SEARCH_VOCABULARY_CONTROLLERS,
  ],
  providers: [
    CodeSearchService,
    CodeEditService,
    CodeSetAdminService,
    CodeReferenceService,
    PcsBuilderService,
    ...SEARCH_VOCABULARY_PROVIDERS,
  ],
  exports: [CodeSearchService, CodeEditService],
})
export class CodesetsModule {}
