import { codePrefixes } from '../code-format';
import { CHARTDESK_RULES_SOURCE } from '../edit-data';
import type { EditRule } from './edit-context';

/**
 * Excludes1: the two conditions cannot occur together. A warning, not an
 * error, because the guidelines allow both when the conditions are unrelated.
 */
export const excludes1Rule: EditRule = (context) => {
  const source = context.data.excludesSource;
  if (!source) return;
  const lines = context.diagnoses.filter((l) => l.code !== undefined);
  const reported = new Set<string>();
  for (const line of lines) {
    for (const prefix of codePrefixes(line.code as string)) {
      for (const excluded of context.data.excludes.get(prefix) ?? []) {
        for (const other of lines) {
          if (other === line || !(other.code as string).startsWith(excluded)) continue;
          const pair = [line.display, other.display].sort().join('+');
          if (reported.has(pair)) continue;
          reported.add(pair);
          context.report(
            'EXCLUDES1_PAIR',
            'WARNING',
            `${line.display} and ${other.display} are an Excludes1 pair: report both only when the conditions are unrelated.`,
            [line.display, other.display],
            source,
          );
        }
      }
    }
  }
};

/** The same diagnosis twice is an error; the same procedure line twice usually belongs in units. */
export const duplicateCodeRule: EditRule = (context) => {
  const seen = new Set<string>();
  for (const line of context.diagnoses) {
    if (!line.code) continue;
    if (seen.has(line.code)) {
      context.report(
        'DUPLICATE_CODE',
        'ERROR',
        `${line.display} is reported more than once.`,
        [line.display],
        CHARTDESK_RULES_SOURCE,
      );
    }
    seen.add(line.code);
  }
  const seenLines = new Set<string>();
  context.procedures.forEach((line, i) => {
    if (!line.code) return;
    const modifiers = [...(context.input.procedures[i].modifiers ?? [])].sort().join(',');
    const key = `${line.system}:${line.code}:${modifiers}`;
    if (seenLines.has(key)) {
      context.report(
        'DUPLICATE_CODE',
        'WARNING',
        `${line.display} appears on more than one line with the same modifiers: use units or a repeat-procedure modifier.`,
        [line.display],
        CHARTDESK_RULES_SOURCE,
      );
    }
    seenLines.add(key);
  });
};
