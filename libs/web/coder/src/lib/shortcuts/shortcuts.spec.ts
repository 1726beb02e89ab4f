import { type Shortcut, matchShortcut } from './shortcuts';

const ran: string[] = [];
const list: Shortcut[] = [
  { keys: 'N', label: 'Next chart', run: () => ran.push('next') },
  { keys: 'Alt+S', label: 'Save', run: () => ran.push('save') },
  { keys: '?', label: 'Help', run: () => ran.push('help') },
  { keys: 'Escape', label: 'Close', run: () => ran.push('close') },
];
const ev = (key: string, altKey = false) => ({ key, altKey, ctrlKey: false, metaKey: false });

describe('matchShortcut', () => {
  it('matches single keys outside text fields only', () => {
    expect(matchShortcut(ev('n'), list, false)?.label).toBe('Next chart');
    expect(matchShortcut(ev('n'), list, true)).toBeNull();
    expect(matchShortcut(ev('?'), list, true)).toBeNull();
  });

  it('matches Alt shortcuts everywhere, and Escape even while typing', () => {
    expect(matchShortcut(ev('s', true), list, true)?.label).toBe('Save');
    expect(matchShortcut(ev('Escape'), list, true)?.label).toBe('Close');
  });

  it('ignores Ctrl and Meta combinations (the browser keeps them)', () => {
    expect(matchShortcut({ ...ev('s'), ctrlKey: true }, list, false)).toBeNull();
    expect(matchShortcut(ev('x'), list, false)).toBeNull();
  });
});
