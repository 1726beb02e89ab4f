import { CODE_SYSTEMS, type CodeReferenceQuery, type CodeSystem, type PcsBuilderQuery } from '@chartdesk/contracts';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';

export class CodeReferenceParams {
  @IsIn(CODE_SYSTEMS)
  system!: CodeSystem;

  /** With or without the dot: "E11.9", "e119", "0FT44ZZ". */
  @Matches(/^[A-Za-z0-9][A-Za-z0-9.]{0,8}$/, {
    message: 'code is a code of up to 8 letters and digits, with or without its dot',
  })
  code!: string;
}

export class CodeReferenceQueryDto implements CodeReferenceQuery {
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dos must be YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  dos?: string;
}

export class PcsBuilderQueryDto implements PcsBuilderQuery {
  /** The characters chosen so far (0–7; PCS has no I or O). */
  @IsOptional()
  @Matches(/^[0-9A-HJ-NP-Za-hj-np-z]{0,7}$/, {
    message: 'prefix is up to 7 PCS characters (0-9 and letters except I and O)',
  })
  prefix?: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dos must be YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  dos?: string;
}
