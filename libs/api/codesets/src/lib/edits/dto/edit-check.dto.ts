import {
  CODE_SYSTEMS,
  type EditDiagnosis,
  type EditEncounterContext,
  type EditEncounterType,
  type EditInput,
  type EditPatientSex,
  type EditProcedure,
} from '@chartdesk/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const MAX_LINES = 100;

class EditEncounterDto implements EditEncounterContext {
  @IsIn(['INPATIENT', 'OUTPATIENT', 'ED', 'PROFEE'])
  type!: EditEncounterType;

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfService must be YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  dateOfService!: string;

  @IsInt()
  @Min(0)
  @Max(130)
  patientAgeYears!: number;

  @IsIn(['female', 'male', 'other', 'unknown'])
  patientSex!: EditPatientSex;

  @IsString()
  @Length(0, 40)
  payer!: string;
}

class EditDiagnosisDto implements EditDiagnosis {
  @IsInt()
  @Min(1)
  @Max(999)
  sequence!: number;

  @IsString()
  @Length(1, 12)
  code!: string;

  @IsOptional()
  @IsString()
  @Length(0, 2)
  poa?: string | null;
}

class EditProcedureDto implements EditProcedure {
  @IsInt()
  @Min(1)
  @Max(999)
  sequence!: number;

  @IsIn(CODE_SYSTEMS.filter((s) => s !== 'ICD10CM'))
  system!: EditProcedure['system'];

  @IsString()
  @Length(1, 12)
  code!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsString({ each: true })
  @Length(2, 2, { each: true })
  modifiers?: string[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9999)
  units?: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsInt({ each: true })
  diagnosisPointers?: number[];
}

/** `POST /api/codes/edits`: an encounter's codes, checked without saving anything. */
export class EditCheckDto implements EditInput {
  // ValidateNested alone lets a missing object through.
  @IsDefined({ message: 'encounter is required' })
  @ValidateNested()
  @Type(() => EditEncounterDto)
  encounter!: EditEncounterDto;

  @IsArray()
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => EditDiagnosisDto)
  diagnoses!: EditDiagnosisDto[];

  @IsArray()
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => EditProcedureDto)
  procedures!: EditProcedureDto[];
}
