import type { CodeSystem } from '../codes/code-systems';
import type { EditFinding, EditReferenceData } from '../codes/edits';
import type { CodingStatus } from './coding-status';

export interface CodedDiagnosis {
  /** 1 is the principal / first-listed diagnosis. */
  readonly sequence: number;
  readonly code: string;
  /** Inpatient only: Y, N, U, W or 1. */
  readonly poa: string | null;
}

export interface CodedProcedure {
  readonly sequence: number;
  readonly system: Exclude<CodeSystem, 'ICD10CM'>;
  readonly code: string;
  readonly modifiers: readonly string[];
  readonly units: number;
  /** Sequences of the diagnoses the line is for. */
  readonly diagnosisPointers: readonly number[];
}

export interface ChartCodes {
  readonly diagnoses: readonly CodedDiagnosis[];
  readonly procedures: readonly CodedProcedure[];
}

/** A stable key for a finding, used to acknowledge a warning. */
export function findingKey(f: Pick<EditFinding, 'ruleId' | 'codes'>): string {
  return `${f.ruleId}:${[...f.codes].join('+')}`;
}

export interface CodingVersionView {
  readonly number: number;
  readonly kind: 'DRAFT' | 'SUBMISSION';
  readonly createdAt: string;
  readonly codes: ChartCodes;
  readonly findings: readonly EditFinding[];
  readonly acknowledgedWarnings: readonly string[];
}

export interface LeaseView {
  readonly heldByMe: boolean;
  readonly expiresAt: string;
}

export interface ProviderQueryView {
  readonly id: string;
  readonly status: 'OPEN' | 'ANSWERED';
  readonly attending: string;
  readonly indicators: readonly QueryIndicator[];
  readonly question: string;
  readonly options: readonly string[];
  readonly createdAt: string;
  readonly answerOption: string | null;
  readonly answerText: string | null;
  readonly answeredAt: string | null;
}

/** POST worklist/charts/:id/workspace: opens the chart for coding (takes the lease, starts work). */
export interface WorkspaceView {
  readonly encounterId: string;
  readonly status: CodingStatus;
  /** Send back as expectedVersion with the next change. */
  readonly version: number;
  readonly dateOfService: string;
  readonly lease: LeaseView;
  readonly latest: CodingVersionView | null;
  readonly queries: readonly ProviderQueryView[];
  /** The supervisor's reason when the chart came back RETURNED. */
  readonly returnReason: string | null;
  /** Edit reference data for the codes already on the chart, so the browser runs the same engine. */
  readonly editData: EditReferenceData;
}

export interface SaveCodesRequest extends ChartCodes {
  readonly expectedVersion: number;
}

export interface SaveCodesResponse {
  readonly version: number;
  readonly codingVersion: CodingVersionView;
}

export interface SubmitRequest extends ChartCodes {
  readonly expectedVersion: number;
  /** findingKey() of every WARNING the coder accepts. */
  readonly acknowledgedWarnings: readonly string[];
}

export interface SubmitResponse {
  readonly version: number;
  readonly status: CodingStatus;
  readonly codingVersion: CodingVersionView;
}

/** POST worklist/charts/:id/edit-data: reference data for codes the coder is adding. */
export interface EditDataRequest {
  readonly codes: readonly { readonly system: CodeSystem; readonly code: string }[];
}

export interface QueryIndicator {
  readonly documentId: string;
  /** Quoted verbatim from the document. */
  readonly quote: string;
}

/** The options every query must offer so the question cannot lead. */
export const REQUIRED_QUERY_OPTIONS = ['Other (please specify)', 'Unable to determine'] as const;

export interface CreateQueryRequest {
  readonly expectedVersion: number;
  readonly indicators: readonly QueryIndicator[];
  readonly question: string;
  /** Clinically reasonable options; the two required ones are added by the server when missing. */
  readonly options: readonly string[];
}

export interface AnswerQueryRequest {
  readonly option: string;
  readonly text?: string;
}

/** An open query as the supervisor sees it on the board. */
export interface OpenQueryEntry {
  readonly queryId: string;
  readonly encounterId: string;
  readonly encounterNumber: string;
  readonly coderName: string;
  readonly attending: string;
  readonly question: string;
  readonly options: readonly string[];
  readonly indicators: readonly QueryIndicator[];
  readonly createdAt: string;
}

export interface ReturnChartRequest {
  readonly reason: string;
}

export interface TransitionResponse {
  readonly encounterId: string;
  readonly status: CodingStatus;
  readonly version: number;
}

/** The 409 body's details for an illegal transition. */
export interface IllegalTransitionDetails {
  readonly currentStatus: CodingStatus;
  readonly attempted: string;
}
