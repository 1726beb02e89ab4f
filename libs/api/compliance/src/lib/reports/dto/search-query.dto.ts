import { IsString, Length } from 'class-validator';

export class SearchQueryDto {
  @IsString()
  @Length(2, 100)
  readonly q!: string;
}
