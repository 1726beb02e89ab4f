import { runEdits } from '@chartdesk/coding-rules';
import type { EditCheckResponse, EditFinding, EditInput, EditReferenceData } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { loadEditReferenceData } from './edit-reference.loader';

/**
 * The authoritative edit check: the same engine the browser runs, fed from
 * the edit data tables. Other domains (worklist save/submit) call `check`.
 */
@Injectable()
export class CodeEditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async check(input: EditInput): Promise<EditFinding[]> {
    return runEdits(input, await loadEditReferenceData(this.dataSource, input));
  }

  /** What the browser needs to run the same engine while the coder types. */
  referenceData(input: EditInput): Promise<EditReferenceData> {
    return loadEditReferenceData(this.dataSource, input);
  }

  async checkResponse(input: EditInput): Promise<EditCheckResponse> {
    const findings = await this.check(input);
    return {
      findings,
      errorCount: findings.filter((f) => f.severity === 'ERROR').length,
      warningCount: findings.filter((f) => f.severity === 'WARNING').length,
    };
  }
}
