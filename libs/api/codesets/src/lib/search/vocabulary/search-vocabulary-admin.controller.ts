import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import type { SearchVocabularyEntryView, SearchVocabularyListResponse } from '@chartdesk/contracts';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  AddSearchVocabularyEntryDto,
  ChangeSearchVocabularyEntryDto,
  SearchVocabularyListDto,
} from './dto/search-vocabulary.dto';
import { SearchVocabularyAdminService } from './search-vocabulary-admin.service';

/** The clinical search vocabulary, for the admins who manage code sets. */
@Controller('codesets/search-vocabulary')
@RequirePermission('codeset:import')
export class SearchVocabularyAdminController {
  constructor(private readonly admin: SearchVocabularyAdminService) {}

  @Get()
  list(@Query() query: SearchVocabularyListDto): Promise<SearchVocabularyListResponse> {
    return this.admin.list(query);
  }

  @Post()
  add(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Body() body: AddSearchVocabularyEntryDto,
  ): Promise<SearchVocabularyEntryView> {
    return this.admin.add(actor, meta, body);
  }

  @Patch(':id')
  change(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id') id: string,
    @Body() body: ChangeSearchVocabularyEntryDto,
  ): Promise<SearchVocabularyEntryView> {
    return this.admin.change(actor, meta, id, body);
  }
}
