/**
 * The reports of `casus run` written as they are judged: one event at a time,
 * so a run over thousands of events never holds its whole report. Each writer
 * turns the events it is given into text; it keeps only what its format must
 * (the counts for the text summary, whether a list has started). Pure: no I/O.
 *
 * text and json give the same bytes as render-text.ts and render-json.ts; ndjson
 * gives one contract verdict a line with its scenario's id; csv one verdict a row.
 */
import type { EventSummary, Verdict } from '../core/simulate.js';
import { tally, type Tally } from '../core/tally.js';
import { verdictToContract } from './render-json.js';
import { eventText, scenarioFootText, scenarioHeadText, summaryLine } from './render-text.js';
import { PLAIN, type Style } from './style.js';

export interface ReportWriter {
  start(): string;
  scenario(s: { id: string; title: string }): string;
  event(e: EventSummary, verdicts: readonly Verdict[]): string;
  endScenario(): string;
  end(): string;
}

export const STREAMED_FORMATS = ['text', 'json', 'ndjson', 'csv'] as const;
export type StreamedFormat = (typeof STREAMED_FORMATS)[number];

export function reportWriter(format: StreamedFormat, style: Style = PLAIN): ReportWriter {
  switch (format) {
    case 'json': return jsonWriter();
    case 'ndjson': return ndjsonWriter();
    case 'csv': return csvWriter();
    default: return textWriter(style);
  }
}

function addTally(into: Tally, t: Tally): void {
  for (const k of Object.keys(t) as Array<keyof Tally>) into[k] += t[k];
}

function textWriter(s: Style): ReportWriter {
  const all = tally([]);
  let scenarios = 0;
  let current = tally([]);
  return {
    start: () => '',
    scenario(sr) {
      current = tally([]);
      return (scenarios++ ? '\n' : '') + scenarioHeadText(sr, s);
    },
    event(e, verdicts) {
      const t = tally(verdicts);
      addTally(current, t);
      addTally(all, t);
      return eventText(e, verdicts, s);
    },
    endScenario: () => scenarioFootText(current),
    end: () => (scenarios > 1 ? `\n${s.bold(`All ${scenarios} scenarios: ${summaryLine(all)}`)}\n` : ''),
  };
}

/** JSON.stringify(report, null, 2), a piece at a time: each verdict indented to its depth in the document. */
function jsonWriter(): ReportWriter {
  const VERDICT_INDENT = ' '.repeat(8);
  let scenarios = 0;
  let verdicts = 0;
  return {
    start: () => '{\n  "scenarios": [',
    scenario(sr) {
      verdicts = 0;
      return `${scenarios++ ? ',' : ''}\n    {\n      "id": ${JSON.stringify(sr.id)},\n      "title": ${JSON.stringify(sr.title)},\n      "verdicts": [`;
    },
    event: (_e, vs) =>
      // JSON.stringify escapes line breaks inside strings, so every "\n" here is between tokens.
      vs.map((v) => `${verdicts++ ? ',' : ''}\n${VERDICT_INDENT}${JSON.stringify(verdictToContract(v), null, 2).replace(/\n/g, `\n${VERDICT_INDENT}`)}`).join(''),
    endScenario: () => (verdicts ? '\n      ]\n    }' : ']\n    }'),
    end: () => (scenarios ? '\n  ]\n}\n' : ']\n}\n'),
  };
}

function ndjsonWriter(): ReportWriter {
  let id = '';
  return {
    start: () => '',
    scenario(sr) {
      id = sr.id;
      return '';
    },
    event: (_e, vs) => vs.map((v) => `${JSON.stringify({ scenario: id, ...verdictToContract(v) })}\n`).join(''),
    endScenario: () => '',
    end: () => '',
  };
}

/** The CSV columns, in order (the README lists what each holds). */
export const CSV_COLUMNS = [
  'scenario', 'event', 'date', 'clause', 'obligor', 'beneficiary', 'status', 'duty', 'actual', 'assessment', 'decisive', 'failing',
] as const;

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 records end in CRLF. */
const csvRow = (fields: readonly string[]) => `${fields.map(csvField).join(',')}\r\n`;

function csvWriter(): ReportWriter {
  let id = '';
  return {
    start: () => csvRow(CSV_COLUMNS),
    scenario(sr) {
      id = sr.id;
      return '';
    },
    event: (_e, vs) =>
      vs
        .map((v) =>
          csvRow([
            id, v.event, v.date, v.clause, v.obligor, v.beneficiary, v.status, v.duty, v.actual ?? '', v.assessment, v.decisive ?? '',
            [...new Set(v.reasons.filter((r) => !r.holds).map((r) => r.code))].join(';'),
          ]),
        )
        .join(''),
    endScenario: () => '',
    end: () => '',
  };
}
