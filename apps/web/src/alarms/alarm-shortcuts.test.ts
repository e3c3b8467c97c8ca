import { describe, expect, it } from 'vitest';
import { SHORTCUT_TEXT, isTypingTarget, shortcutFor, type KeyInput } from './alarm-shortcuts';

const element = (tagName: string, extra: Record<string, unknown> = {}) =>
  ({
    tagName,
    getAttribute: (name: string) => (extra[name] as string) ?? null,
    ...extra,
  }) as unknown as EventTarget;

const press = (key: string, patch: Partial<KeyInput> = {}): KeyInput => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: element('BUTTON'),
  ...patch,
});

describe('alarm shortcuts', () => {
  it('maps A, S, Esc, J/K and the arrows', () => {
    expect(shortcutFor(press('a'))).toBe('acknowledge');
    expect(shortcutFor(press('A'))).toBe('acknowledge');
    expect(shortcutFor(press('s'))).toBe('shelve');
    expect(shortcutFor(press('Escape'))).toBe('close');
    expect(shortcutFor(press('j'))).toBe('next');
    expect(shortcutFor(press('ArrowDown'))).toBe('next');
    expect(shortcutFor(press('K'))).toBe('previous');
    expect(shortcutFor(press('ArrowUp'))).toBe('previous');
    expect(shortcutFor(press('x'))).toBeNull();
  });

  it('does nothing with modifiers or once handled', () => {
    expect(shortcutFor(press('a', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('s', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('j', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('a', { defaultPrevented: true }))).toBeNull();
  });

  it('does nothing while typing', () => {
    expect(shortcutFor(press('a', { target: element('INPUT', { type: 'text' }) }))).toBeNull();
    expect(shortcutFor(press('s', { target: element('TEXTAREA') }))).toBeNull();
    expect(shortcutFor(press('Escape', { target: element('SELECT') }))).toBeNull();
    expect(
      shortcutFor(press('j', { target: element('DIV', { isContentEditable: true }) })),
    ).toBeNull();
    expect(shortcutFor(press('k', { target: element('DIV', { role: 'combobox' }) }))).toBeNull();
    expect(isTypingTarget(element('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('has a hint naming every shortcut', () => {
    expect(SHORTCUT_TEXT).toBe(
      'A acknowledge · S shelve · J / ↓ next alarm · K / ↑ previous alarm · Esc close',
    );
  });
});
