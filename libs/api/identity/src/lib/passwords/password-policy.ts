import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;

/** ~49k common and breached passwords, maintained by the zxcvbn-ts project. */
let commonPasswords: ReadonlySet<string> | undefined;
function common(): ReadonlySet<string> {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return commonPasswords;
}

export function commonPasswordCount(): number {
  return common().size;
}

/** NIST SP 800-63B: compare and hash the NFKC form, so the same text typed on any keyboard matches. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

export interface PasswordContext {
  readonly username: string;
  readonly displayName?: string;
}

/**
 * Returns why a new password is refused, or null when it is acceptable.
 * Length and list checks only, no composition rules (NIST SP 800-63B-4).
 */
export function passwordProblem(password: string, context: PasswordContext): string | null {
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters; a few words make it easy.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = normalized.toLowerCase();
  if (common().has(lower)) return 'This password is on a list of common or breached passwords; choose another.';
  // Most list entries are shorter than 15: padding one with digits or symbols is the first thing attackers try.
  const core = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  if (core.length >= 6 && core !== lower && common().has(core)) {
    return 'This password is a common password with characters added; choose another.';
  }
  const collapsed = lower.replace(/[\s._-]+/g, '');
  if (collapsed.includes('chartdesk')) return 'The password must not contain the product name.';
  const username = context.username.normalize('NFKC').toLowerCase();
  if (username.length >= 3 && collapsed.includes(username.replace(/[\s._-]+/g, ''))) {
    return 'The password must not contain your username.';
  }
  const nameParts = (context.displayName ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .split(/\s+/)
    .filter((p) => p.length >= 3);
  if (nameParts.some((part) => collapsed.includes(part))) return 'The password must not contain your name.';
  // A long run of one character is as guessable as a list entry.
  if (/^(.)\1+$/u.test(normalized)) return 'The password must not be one character repeated.';
  return null;
}
