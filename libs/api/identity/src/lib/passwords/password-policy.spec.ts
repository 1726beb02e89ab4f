import { commonPasswordCount, normalizePassword, passwordProblem } from './password-policy';

const ctx = { username: 'jdoe', displayName: 'Jane Doe' };

describe('passwordProblem', () => {
  it('accepts a long passphrase with no composition rules', () => {
    expect(passwordProblem('correct horse battery staple', ctx)).toBeNull();
  });

  it('refuses fewer than 15 and more than 128 characters, counting code points', () => {
    expect(passwordProblem('short phrase!', ctx)).toMatch(/at least 15/);
    expect(passwordProblem('x'.repeat(60) + 'y'.repeat(69), ctx)).toMatch(/at most 128/);
    // 15 emoji are 30 UTF-16 units but 15 characters: accepted.
    expect(passwordProblem('🐢🦊🐝🦉🐙🦀🐳🦋🐌🦔🐧🦒🐬🦜🐞', ctx)).toBeNull();
  });

  it('refuses entries of the maintained common-password list, which holds over 10k entries', () => {
    expect(commonPasswordCount()).toBeGreaterThan(10_000);
    expect(passwordProblem('passwordpassword', ctx)).toMatch(/common or breached/);
    expect(passwordProblem('1QAZ2WSX3EDC4RFV', ctx)).toMatch(/common or breached/);
  });

  it('refuses a common password padded with digits or symbols', () => {
    expect(passwordProblem('iloveyou12345678!', ctx)).toMatch(/common password with characters added/);
  });

  it('refuses context words: username, display name and the product name', () => {
    expect(passwordProblem('my jdoe winter garden', ctx)).toMatch(/username/);
    expect(passwordProblem('walking with doe at night', ctx)).toMatch(/name/);
    expect(passwordProblem('I love Chart Desk so much', ctx)).toMatch(/product name/);
  });

  it('normalises with NFKC before checking', () => {
    expect(normalizePassword('ﬁ')).toBe('fi');
    expect(passwordProblem('ｃｈａｒｔｄｅｓｋ is my password', ctx)).toMatch(/product name/);
  });
});
