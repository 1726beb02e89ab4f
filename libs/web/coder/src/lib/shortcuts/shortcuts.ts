/** A keyboard shortcut and what it does; every action on a page has one, listed in the `?` overlay. */
export interface Shortcut {
  /** e.g. 'Alt+S', 'N', '?'. Single keys work only outside text fields. */
  readonly keys: string;
  readonly label: string;
  readonly run: () => void;
}

interface KeyLike {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
}

function normalizeKey(key: string): string {
  if (key === 'Enter' || key === 'Escape' || key === 'ArrowUp' || key === 'ArrowDown') return key;
  return key.length === 1 ? key.toUpperCase() : key;
}

/** The shortcut an event triggers, if any. `inTextField` keeps plain letters for typing. */
export function matchShortcut(event: KeyLike, shortcuts: readonly Shortcut[], inTextField: boolean): Shortcut | null {
  if (event.ctrlKey || event.metaKey) return null;
  const key = normalizeKey(event.key);
  const pressed = event.altKey ? `Alt+${key}` : key;
  const found = shortcuts.find((s) => s.keys.toUpperCase() === pressed.toUpperCase());
  if (!found) return null;
  if (inTextField && !event.altKey && found.keys !== 'Escape') return null;
  return found;
}

/**
 * Alt+letter gives a different `key` on some layouts (macOS: Alt+S = ß), so
 * shortcuts with Alt also match on the physical key code.
 */
export function keyFromEvent(event: KeyboardEvent): KeyLike {
  const code = event.code;
  const letter = /^Key([A-Z])$/.exec(code)?.[1] ?? /^Digit(\d)$/.exec(code)?.[1];
  return {
    key: event.altKey && letter ? letter : event.key,
    altKey: event.altKey,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
  };
}

export function isTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}
