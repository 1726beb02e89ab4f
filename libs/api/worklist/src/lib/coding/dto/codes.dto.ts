import {
  type CodedDiagnosis,
  type CodedProcedure,
  type EditDataRequest,
  POA_VALUES,
  type SaveCodesRequest,
  type SubmitRequest,
} from '@chartdesk/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

/** Codes are stored without the dot, upper case: `E11.9` is sent as `E119`. */
const CODE = /^[A-Z0-9]{3,7}$/;

export class DiagnosisDto implements CodedDiagnosis {
  @IsInt()
  @Min(1)
  @Max(99)
  readonly sequence!: number;

  @Matches(CODE, { message: 'code must be 3–7 letters or digits without a dot' })
  readonly code!: string;

  @IsOptional()
  @IsIn([...POA_VALUES, null])
  readonly poa!: string | null;
}

export class ProcedureDto implements CodedProcedure {
  @IsInt()
  @Min(1)
  @Max(99)
  readonly sequence!: number;

  @IsIn(['ICD10PCS', 'CPT', 'HCPCS'])
  readonly system!: 'ICD10PCS' | 'CPT' | 'HCPCS';

  @Matches(CODE, { message: 'code must be 3–7 letters or digits without a dot' })
  readonly code!: string;

  @IsArray()
  @ArrayMaxSize(4)
  @Matches(/^[A-Z0-9]{2}$/, { each: true, message: 'each modifier is two letters or digits' })
  readonly modifiers!: string[];

  @IsInt()
  @Min(1)
  @Max(999)
  readonly units!: number;

  @IsArray()
  @ArrayMaxSize(4)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(99, { each: true })
  readonly diagnosisPointers!: number[];
}

export class SaveCodesDto implements SaveCodesRequest {
  @IsInt()
  @Min(1)
  readonly expectedVersion!: number;

  @IsArray()
  @ArrayMaxSize(50)
  // A diagnosis code is reported once per encounter (Guidelines I.B.12): refused at entry, not only flagged.
  @ArrayUnique((d: DiagnosisDto) => String(d?.code ?? '').replace('.', '').trim().toUpperCase(), {
    message: 'each diagnosis code may be entered only once',
  })
  @ValidateNested({ each: true })
  @Type(() => DiagnosisDto)
  readonly diagnoses!: DiagnosisDto[];

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ProcedureDto)
  readonly procedures!: ProcedureDto[];
}

export class SubmitDto extends SaveCodesDto implements SubmitRequest {
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Matches(/^[A-Z0-9_]+:[A-Za-z0-9.+-]{0,200}$/, { each: true, message: 'each acknowledgment is a finding key' })
  readonly acknowledgedWarnings!: string[];
}

export class EditCodeRefDto {
  @IsIn(['ICD10CM', 'ICD10PCS', 'CPT', 'HCPCS'])
  readonly system!: 'ICD10CM' | 'ICD10PCS' | 'CPT' | 'HCPCS';

  @Matches(CODE)
  readonly code!: string;
}

export class EditDataDto implements EditDataRequest {
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => EditCodeRefDto)
  readonly codes!: EditCodeRefDto[];
}
