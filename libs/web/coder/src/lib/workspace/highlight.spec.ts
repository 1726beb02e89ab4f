import { countMatches, highlightSegments } from './highlight';

describe('highlightSegments', () => {
  it('marks every case-insensitive match and keeps the original text', () => {
    const segments = highlightSegments('Pneumonia; no pneumonia on CXR', 'PNEUMONIA');
    expect(segments).toEqual([
      { text: 'Pneumonia', match: true },
      { text: '; no ', match: false },
      { text: 'pneumonia', match: true },
      { text: ' on CXR', match: false },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('Pneumonia; no pneumonia on CXR');
  });

  it('does not highlight single characters or blank terms', () => {
    expect(highlightSegments('abc', 'a')).toEqual([{ text: 'abc', match: false }]);
    expect(highlightSegments('abc', '  ')).toEqual([{ text: 'abc', match: false }]);
  });

  it('treats markup as text', () => {
    expect(highlightSegments('<b>edema</b>', 'edema')[1]).toEqual({ text: 'edema', match: true });
    expect(countMatches('<b>edema</b> edema', 'edema')).toBe(2);
  });
});
