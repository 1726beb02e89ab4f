import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportManifest,
  type ExportVerificationRequest,
} from '@chartdesk/contracts';
import { IsIn, IsInt, IsObject, Matches, Max, Min } from 'class-validator';
import { ReportQueryDto } from '../../reports/dto/report-query.dto';

export class ExportQueryDto extends ReportQueryDto {
  @IsIn(EXPORT_FORMATS)
  readonly format!: ExportFormat;
}

export class ExportVerificationDto implements ExportVerificationRequest {
  /** Checked field by field by the verifier; a malformed manifest simply fails its checks. */
  @IsObject()
  readonly manifest!: ExportManifest;

  @Matches(/^[0-9a-f]{64}$/)
  readonly sha256!: string;

  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  readonly byteLength!: number;

  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  readonly rowCount!: number;
}
