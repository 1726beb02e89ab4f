import {
  type AddSearchVocabularyEntryRequest,
  type ChangeSearchVocabularyEntryRequest,
  SEARCH_VOCABULARY_KINDS,
  type SearchVocabularyKind,
  type SearchVocabularyListQuery,
} from '@chartdesk/contracts';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

/** Words, spaces and the punctuation clinicians write in terms (h/o, d&c, non-st); normalized on save. */
const TERM_TEXT = /^[\p{L}\p{N} .,/&'()-]+$/u;

export class SearchVocabularyListDto implements SearchVocabularyListQuery {
  @IsOptional()
  @IsString()
  @Length(1, 100)
  text?: string;

  @IsOptional()
  @IsIn(SEARCH_VOCABULARY_KINDS)
  kind?: SearchVocabularyKind;

  @IsOptional()
  @IsIn(['true', 'false'])
  enabled?: 'true' | 'false';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  offset?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class AddSearchVocabularyEntryDto implements AddSearchVocabularyEntryRequest {
  @IsIn(SEARCH_VOCABULARY_KINDS)
  kind!: SearchVocabularyKind;

  @IsString()
  @Length(1, 80)
  @Matches(TERM_TEXT, { message: "term may hold letters, digits, spaces and . , / & ' ( ) -" })
  term!: string;

  @IsString()
  @Length(1, 200)
  @Matches(TERM_TEXT, { message: "expansion may hold letters, digits, spaces and . , / & ' ( ) -" })
  expansion!: string;

  @IsOptional()
  @IsString()
  @Length(1, 60)
  @Matches(/^[\p{L} -]+$/u, { message: 'specialty may hold letters, spaces and hyphens' })
  specialty?: string;
}

export class ChangeSearchVocabularyEntryDto implements ChangeSearchVocabularyEntryRequest {
  @IsBoolean()
  enabled!: boolean;
}
