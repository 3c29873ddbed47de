/**
 * Text from files (a title, a note, a name, an echoed value) shown on a
 * terminal or in a document: a control character in it must be seen, never
 * obeyed. ESC could clear the screen, set the window title or write the
 * clipboard (OSC 52); a bare CR could overwrite a line; a bidirectional
 * override could reorder what is read. Pure.
 */

// C0 except tab and newline, DEL, C1, and the bidirectional embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/** A control character as a visible picture: ESC as ␛, BEL as ␇, DEL as ␡; C1 and bidi controls as �. */
function picture(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

/** The text with every control character but tab and newline replaced by a visible picture. */
export function safeText(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, picture) : text;
}

/**
 * A value (a report, an explanation, a what-if comparison) with every string in
 * it made safe: renderers call it on their input, before their own colour codes
 * are added. Plain data only; the original is not changed.
 */
export function safeData<T>(value: T): T {
  if (typeof value === 'string') return safeText(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(safeData) as T;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = safeData(v);
  return out as T;
}
