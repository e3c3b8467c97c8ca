/** Keyboard shortcuts of the alarm list and panel (pure: the component passes the key event). */
export type AlarmShortcut = 'acknowledge' | 'shelve' | 'close' | 'next' | 'previous';

/** What shortcutFor needs of a KeyboardEvent. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented?: boolean;
  target: EventTarget | null;
}

const KEYS: Record<string, AlarmShortcut> = {
  a: 'acknowledge',
  s: 'shelve',
  escape: 'close',
  j: 'next',
  arrowdown: 'next',
  k: 'previous',
  arrowup: 'previous',
};

/** Input types that take typing (a checkbox or a button does not). */
const TEXT_INPUTS = new Set([
  '',
  'text',
  'search',
  'email',
  'number',
  'password',
  'tel',
  'url',
  'date',
  'time',
  'datetime-local',
]);

interface ElementLike {
  tagName?: unknown;
  isContentEditable?: unknown;
  type?: unknown;
  getAttribute?: (name: string) => string | null;
}

/** Whether keys typed into this target are text (then no shortcut fires, Escape included). */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as ElementLike | null;
  if (!element || typeof element.tagName !== 'string') return false;
  if (element.isContentEditable === true) return true;
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT')
    return TEXT_INPUTS.has(typeof element.type === 'string' ? element.type.toLowerCase() : '');
  const role = element.getAttribute?.('role');
  return role === 'combobox' || role === 'textbox' || role === 'searchbox';
}

/** The shortcut a key press means, or null (modifiers held, typing in a field, other keys). */
export function shortcutFor(event: KeyInput): AlarmShortcut | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  return KEYS[event.key.toLowerCase()] ?? null;
}

/** For the hint next to the list and the panel's tooltip. */
export const SHORTCUT_HINTS: readonly { keys: string; what: string }[] = [
  { keys: 'A', what: 'acknowledge' },
  { keys: 'S', what: 'shelve' },
  { keys: 'J / ↓', what: 'next alarm' },
  { keys: 'K / ↑', what: 'previous alarm' },
  { keys: 'Esc', what: 'close' },
];

/** "A acknowledge · S shelve · J / ↓ next alarm · …" */
export const SHORTCUT_TEXT = SHORTCUT_HINTS.map((h) => `${h.keys} ${h.what}`).join(' · ');
