import { parseSearchText } from './search-query';

describe('parseSearchText', () => {
  it('reads codes with or without the dot, in any case', () => {
    expect(parseSearchText('e11.9')).toEqual({ code: 'E119', words: undefined });
    expect(parseSearchText('J18')).toEqual({ code: 'J18', words: undefined });
    expect(parseSearchText('99213')).toEqual({ code: '99213', words: undefined });
  });

  it('turns words into prefix terms, in any order, dropping punctuation and one-letter words', () => {
    expect(parseSearchText('Pneumonia, unspec')).toEqual({ code: undefined, words: 'pneumonia:* & unspec:*' });
    expect(parseSearchText('femur neck fx a')).toEqual({ code: undefined, words: 'femur:* & neck:* & fx:*' });
  });

  it('keeps letter-only words as words even when short enough to look like a code', () => {
    expect(parseSearchText('sepsis')).toEqual({ code: undefined, words: 'sepsis:*' });
  });

  it('narrows a code prefix by words', () => {
    expect(parseSearchText('E11 neuropathy')).toEqual({ code: 'E11', words: 'neuropathy:*' });
  });

  it('cannot be steered into tsquery syntax', () => {
    expect(parseSearchText("a' | !b:* & (c)")).toEqual({ code: undefined, words: undefined });
    expect(parseSearchText("heart' | !fail")).toEqual({ code: undefined, words: 'heart:* & fail:*' });
  });
});
