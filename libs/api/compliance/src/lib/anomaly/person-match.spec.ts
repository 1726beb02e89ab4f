import { addressKey, nameKey, surnameFromDisplayName } from './person-match';

describe('person matching', () => {
  it('compares surnames without case, accents or punctuation', () => {
    expect(nameKey("O'Brien")).toBe(nameKey('obrien'));
    expect(nameKey('Muñoz')).toBe(nameKey('MUNOZ'));
    expect(nameKey('Smith')).not.toBe(nameKey('Smyth'));
  });

  it('takes the last word of a display name as the surname', () => {
    expect(surnameFromDisplayName('Dana  Q. Whitfield ')).toBe('Whitfield');
  });

  it('matches address variants and not different houses', () => {
    expect(addressKey('12 Oak Street, Apt 4', '60601-1234')).toBe(addressKey('12 oak st apt 4', '60601'));
    expect(addressKey('14 Oak Street', '60601')).not.toBe(addressKey('12 Oak Street', '60601'));
    expect(addressKey(null, '60601')).toBeNull();
  });
});
