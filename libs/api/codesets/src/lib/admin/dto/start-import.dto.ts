import {
  CODE_SYSTEMS,
  type CodeSystem,
  EDIT_PROVIDER_TYPES,
  type EditProviderType,
  REFERENCE_DATASETS,
  type ReferenceDataset,
  IMPORTABLE_EDIT_DATA_KINDS,
  type ImportableEditDataKind,
  type StartImportRequest,
} from '@chartdesk/contracts';
import { IsIn, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';

export class StartImportDto implements StartImportRequest {
  @IsIn([...CODE_SYSTEMS, ...IMPORTABLE_EDIT_DATA_KINDS, ...REFERENCE_DATASETS])
  dataset!: CodeSystem | ImportableEditDataKind | ReferenceDataset;

  /** A bare name: no directories, so nothing outside the import folder can be named. */
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, { message: 'fileName must be a bare file name' })
  fileName!: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,31}$/, {
    message: 'release is up to 32 letters, digits, spaces, dots, dashes or underscores',
  })
  release?: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveFrom must be YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  effectiveFrom?: string;

  @IsOptional()
  @IsIn([...EDIT_PROVIDER_TYPES])
  providerType?: EditProviderType;
}
