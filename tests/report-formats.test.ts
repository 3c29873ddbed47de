/** `casus run --format html|markdown`: reports people read, saying the same as the JSON. */
import { describe, expect, it } from 'vitest';
import { casus } from './helpers/cli.js';
import { renderHtml } from '../src/report/render-html.js';

type Row = { event: string; clause: string; obligor: string; status: string; actual: string | null; assessment: string; contested?: unknown[] };
// A row is contested when some named reading gives another status: the report must mark exactly those rows.
const key = (r: Row) => `${r.event} ${r.clause} ${r.obligor}: ${r.status}${r.contested?.length ? ' (contested)' : ''}, ${r.actual ?? '-'}, ${r.assessment}`;

function jsonRows(args: string[]): Map<string, string[]> {
  const doc = JSON.parse(casus(['run', ...args, '--format', 'json']).stdout) as { scenarios: { id: string; verdicts: Row[] }[] };
  return new Map(doc.scenarios.map((s) => [s.id, s.verdicts.map(key).sort()]));
}

/** Read the Markdown back: scenario from "Scenario `id`.", event from the heading, verdicts from the table rows. */
function markdownRows(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let scenario = '';
  let event = '';
  for (const line of text.split('\n')) {
    const s = /^Scenario `([^`]+)`\.$/.exec(line);
    if (s) out.set((scenario = s[1]!), []);
    const e = /^## .*\(`([^`]+)`\)$/.exec(line);
    if (e) event = e[1]!;
    const cells = line.startsWith('| ') && !line.startsWith('| ---') && !line.startsWith('| obligor') ? line.split(' | ') : undefined;
    if (cells) {
      const strip = (c: string) => c.replace(/^\S+ /, '');
      const [obligor, clause, statusCell, actual, assessment] = [cells[0]!.slice(2), cells[1]!, strip(cells[2]!), cells[3]!, strip(cells[4]!)];
      const status = statusCell.replace(/ ⚖ contested$/, '');
      const contested = status === statusCell ? [] : ['marked'];
      out.get(scenario)!.push(key({ event, clause, obligor, status, actual: actual === '-' ? null : actual, assessment, contested }));
    }
  }
  for (const rows of out.values()) rows.sort();
  return out;
}

describe('casus run --format markdown', () => {
  it('renders the same verdicts as the JSON report, for the whole casebook', () => {
    const md = casus(['run', 'scenarios/', '--format', 'markdown']);
    expect(md.exitCode).toBe(0);
    const fromMarkdown = markdownRows(md.stdout);
    const fromJson = jsonRows(['scenarios/']);
    expect([...fromMarkdown.keys()]).toEqual([...fromJson.keys()]);
    for (const [id, rows] of fromJson) expect(fromMarkdown.get(id), id).toEqual(rows);
  });

  it('links the sources and marks each status and assessment with a sign as well as a word', () => {
    const md = casus(['run', 'scenarios/armenia-border-2022.yaml', '--format', 'markdown']).stdout;
    expect(md).toContain('| RUS | cst/art-4 | ● obliged | monitoring-mission | ✗ unmet | Armenia asked for help, and every condition of the clause held. |');
    expect(md).toMatch(/^- \[Azatutyun, 2022-09-14: .*\]\(<https:\/\/azatutyun\.am\/a\/32033607\.html>\)$/m);
  });
});

describe('casus run --format html', () => {
  const html = casus(['run', 'scenarios/', '--format', 'html']).stdout;

  it('is one complete document', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<h1>Azerbaijani offensive into Armenia proper, September 2022</h1>');
  });

  it('loads nothing from the network: no script, style, font or image from elsewhere; sources stay links', () => {
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|video|audio|source)\b/i);
    expect(html).not.toMatch(/@import|@font-face|url\(/i);
    // Every src= or href= to http(s) is the href of an <a>: a source the reader may follow.
    const references = [...html.matchAll(/<(\w+)\b[^>]*?\s(src|href)\s*=\s*"(https?:[^"]*)"/gi)];
    expect(references.length).toBeGreaterThan(20);
    for (const [, tag, attribute] of references) expect(`${tag} ${attribute}`).toBe('a href');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  });

  it('is printable, and gives each status and assessment a word and a mark, not colour alone', () => {
    expect(html).toContain('@media print');
    expect(html).toMatch(/<td class="status s-obliged"><span class="mark" aria-hidden="true">●<\/span> obliged<\/td>/);
    expect(html).toMatch(/<td class="assessment a-unmet"><span class="mark" aria-hidden="true">✗<\/span> unmet<\/td>/);
  });

  it('escapes what a scenario file says, and links only http(s) sources', () => {
    expect(html).toContain('&quot;local anti-terrorist measures&quot;');
    const hostile = renderHtml(
      { scenarios: [{ id: 'x', title: '<script>alert(1)</script>', events: [], verdicts: [] }] },
      { x: { summary: '<img src=x onerror=alert(1)>', sources: [{ title: 'click', url: 'javascript:alert(1)' }] } },
    );
    expect(hostile).not.toMatch(/<script|<img/i);
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).not.toContain('href="javascript:');
  });
});
