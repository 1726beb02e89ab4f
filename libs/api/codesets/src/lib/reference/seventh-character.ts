import { displayCode } from '@chartdesk/coding-rules';
import type { SeventhCharacterOption } from '@chartdesk/contracts';

const ordinal = (n: number) => `${n}th`;

function positions(list: number[]): string {
  return list.length === 1 ? `position ${list[0]}` : `positions ${list.join(' and ')}`;
}

/**
 * What the 7th character and placeholder X mean for one code, in the words a
 * coder checks: which character is in position 7 and what it says, and which
 * X only holds a place (the code's deepest Tabular node is shorter than 6
 * characters) versus an X the Tabular itself writes (T36.0X1).
 */
export function placeholderGuidance(
  code: string,
  deepestNodeId: string,
  options: readonly SeventhCharacterOption[],
): string | null {
  if (options.length === 0) return null;
  const example = (char: string) => displayCode('ICD10CM', deepestNodeId.padEnd(6, 'X') + char);
  if (code.length < 7) {
    const chars = options.map((o) => o.character).join(', ');
    const padding =
      deepestNodeId.length < 6 ? ', filling the empty positions up to the 6th with the placeholder X' : '';
    return `Codes here take a 7th character (${chars})${padding}: e.g. ${example(options[0].character)}.`;
  }
  const seventh = options.find((o) => o.character === code[6]);
  const parts = [
    seventh
      ? `7th character ${seventh.character}: ${seventh.meaning}.`
      : `7th character ${code[6]} is not one the Tabular defines here.`,
  ];
  const padded: number[] = [];
  const written: number[] = [];
  for (let i = 3; i < 6; i++) {
    if (code[i] !== 'X') continue;
    (i < deepestNodeId.length ? written : padded).push(i + 1);
  }
  if (padded.length > 0) {
    parts.push(`X in ${positions(padded)} holds the place so the 7th character stays in the ${ordinal(7)} position.`);
  }
  if (written.length > 0) {
    parts.push(
      `X in ${positions(written)} is part of ${displayCode('ICD10CM', deepestNodeId)} as the Tabular writes it.`,
    );
  }
  return parts.join(' ');
}
