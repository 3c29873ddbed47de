/**
 * The languages the page speaks, and the state names in each. A new language is a
 * new words file (see words.ts) and its line here.
 */
import { getName, registerLocale } from 'i18n-iso-countries';
import { en } from './en.js';
import { ru } from './ru.js';
import type { Words } from './words.js';

export const LANGUAGES: readonly Words[] = [en, ru];
for (const w of LANGUAGES) if (w.countries) registerLocale(w.countries);

/** The language a browser asks for first among ours; English otherwise. */
export function languageFor(preferred: readonly string[], saved?: string | null): Words {
  const byCode = (code: string) => LANGUAGES.find((w) => w.code === code.toLowerCase().split('-')[0]);
  return (saved ? byCode(saved) : undefined) ?? preferred.map(byCode).find((w) => w !== undefined) ?? en;
}

/** A state's name in this language: the words file's own, else the shortest the library has, else the world file's. */
export function stateName(words: Words, code: string, fallback: string): string {
  const own = words.states[code];
  if (own) return own;
  if (!words.countries) return fallback;
  const all = getName(code, words.code, { select: 'all' });
  return all && all.length ? all.reduce((a, b) => (b.length < a.length ? b : a)) : fallback;
}
