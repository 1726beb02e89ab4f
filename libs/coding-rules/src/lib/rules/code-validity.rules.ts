import { CODE_SYSTEM_LABELS } from '@chartdesk/contracts';
import { codeKey, releaseCovering } from '../edit-data';
import type { CodedLine, EditContext, EditRule } from './edit-context';

/** Invalid code, code not valid on the date of service, non-billable header. */
export const codeValidityRule: EditRule = (context) => {
  for (const line of [...context.diagnoses, ...context.procedures]) checkLine(context, line);
};

function checkLine(context: EditContext, line: CodedLine): void {
  const dos = context.input.encounter.dateOfService;
  const systemLabel = CODE_SYSTEM_LABELS[line.system];
  const release = releaseCovering(context.data, line.system, dos);
  const source = release ? { name: release.name, release: release.release } : { name: systemLabel, release: 'none' };
  const facts = line.code ? context.data.codes.get(codeKey(line.system, line.code)) : undefined;
  if (!line.code || !facts) {
    context.report('INVALID_CODE', 'ERROR', `${line.display} is not a ${systemLabel} code.`, [line.display], source);
    return;
  }
  if (!release) {
    context.report(
      'NOT_VALID_ON_DATE',
      'ERROR',
      `No ${systemLabel} release covers the date of service ${dos}, so ${line.display} cannot be checked.`,
      [line.display],
      source,
    );
    return;
  }
  const current = facts.find((f) => f.release === release.release);
  if (!current) {
    const other = facts.map((f) => f.release).join(', ');
    context.report(
      'NOT_VALID_ON_DATE',
      'ERROR',
      `${line.display} is not valid on ${dos} (${release.name} ${release.release}); it exists in ${other}.`,
      [line.display],
      source,
    );
    return;
  }
  if (!current.billable) {
    context.report(
      'NON_BILLABLE_CODE',
      'ERROR',
      `${line.display} is a header, not valid for submission: choose a more specific code.`,
      [line.display],
      source,
    );
  }
}
