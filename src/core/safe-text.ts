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

/**
 * A control character made visible: ESC as ␛, BEL as ␇, CR as ␍, DEL as ␡ (Unicode's
 * control pictures); a C1 or bidirectional control as its escape, \u009b, which
 * JSON reads back as the same character.
 */
function picture(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every control character but tab and newline made visible. */
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

/** The colour codes casus itself writes (style.ts): bold, dim, normal, red, green, yellow, cyan, default colour. */
const OWN_COLOUR = /\u001b\[(?:1|2|22|31|32|33|36|39)m/;

/**
 * A whole output as it goes to the terminal: every control character made
 * visible except casus's own colour codes. The renderers already make their
 * input safe; this is the net under every command (a list of treaty names, a
 * test's sentence, a message that echoes an argument).
 */
export function safeOutput(text: string): string {
  if (!UNSAFE.test(text)) return text;
  // A CR that ends a line (CRLF, as RFC 4180 asks of a CSV report) overwrites nothing: it is kept.
  const safePart = (part: string) => part.split('\r\n').map(safeText).join('\r\n');
  return text.split(OWN_COLOUR_SPLIT).map((part, i) => (i % 2 ? part : safePart(part))).join('');
}
const OWN_COLOUR_SPLIT = new RegExp(`(${OWN_COLOUR.source})`);
