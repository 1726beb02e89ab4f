import { CODE_SYSTEM_LABELS } from '@chartdesk/contracts';
import { codeKey, releaseCovering } from '../edit-data';
import type { CodedLine, EditContext, EditRule } from './edit-context';

/** Invalid code, code not valid on the date of service (release or HCPCS termination), non-billable header. */
export const codeValidityRule: EditRule = (context) => {
  for (const line of [...context.diagnoses, ...context.procedures]) checkLine(context, line);
};

function checkLine(context: EditContext, line: CodedLine): void {
  const dos = context.input.encounter.dateOfService;
  const systemLabel = CODE_SYSTEM_LABELS[line.system];
  const release = releaseCovering(context.data, line.system, dos);
  const source = release ? { name: release.name, release: release.release } : { name: systemLabel, release: 'none' };
  const facts = line.code ? context.data.codes.get(codeKey(line.system, line.code)) : undefined;
  const report = (
    ruleId: 'INVALID_CODE' | 'NOT_VALID_ON_DATE' | 'NON_BILLABLE_CODE',
    message: string,
    evidence: string,
  ) => context.report({ ruleId, severity: 'ERROR', message, codes: [line.display], source, basis: 'CMS', evidence });
  if (!line.code || !facts) {
    report(
      'INVALID_CODE',
      `${line.display} is not a ${systemLabel} code.`,
      `Not in any imported ${systemLabel} release`,
    );
    return;
  }
  if (!release) {
    report(
      'NOT_VALID_ON_DATE',
      `No ${systemLabel} release covers the date of service ${dos}, so ${line.display} cannot be checked.`,
      `No ${systemLabel} release effective on ${dos}`,
    );
    return;
  }
  const current = facts.find((f) => f.release === release.release);
  if (!current) {
    const other = facts.map((f) => f.release).join(', ');
    report(
      'NOT_VALID_ON_DATE',
      `${line.display} is not valid on ${dos} (${release.name} ${release.release}); it exists in ${other}.`,
      `${release.name} ${release.release} (${release.effectiveFrom} to ${release.effectiveTo ?? 'open'}) does not list ${line.display}`,
    );
    return;
  }
  if (current.terminatedOn && current.terminatedOn < dos) {
    report(
      'NOT_VALID_ON_DATE',
      `${line.display} was terminated on ${current.terminatedOn} and is not valid for a date of service of ${dos}.`,
      `${release.name} ${release.release} row ${line.display}: TERM DT ${current.terminatedOn.replace(/-/g, '')}`,
    );
    return;
  }
  if (!current.billable) {
    report(
      'NON_BILLABLE_CODE',
      `${line.display} is a header, not valid for submission: choose a more specific code.`,
      `${release.name} ${release.release} order file: ${line.display} is a header (flag 0)`,
    );
  }
}
