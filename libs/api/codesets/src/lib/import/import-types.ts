import type { ImportProblem } from '@chartdesk/contracts';

/** One code as read from a source file, before it is written. */
export interface CodeRow {
  readonly code: string;
  readonly billable: boolean;
  readonly shortDescription: string;
  readonly longDescription: string;
  /** HCPCS TERM DT: the last date of service the code may be used. */
  readonly terminatedOn?: string | null;
}

/** A modifier record of the HCPCS file (or a CPT modifier from the site's CPT list). */
export interface ModifierRow {
  readonly modifier: string;
  readonly description: string;
  readonly terminatedOn: string | null;
}

export type ProgressListener = (done: number, total: number) => void;

/** Collects malformed lines without stopping the import; keeps the first hundred. */
export class ProblemLog {
  static readonly LIMIT = 100;
  readonly problems: ImportProblem[] = [];
  count = 0;

  add(line: number, message: string): void {
    this.count++;
    if (this.problems.length < ProblemLog.LIMIT) this.problems.push({ line, message });
  }
}
