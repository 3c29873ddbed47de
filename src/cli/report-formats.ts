/** The formats of `casus run`: one renderer each, chosen by name. Pure. */
import type { Report } from '../core/index.js';
import type { Scenario } from '../schema/scenario.js';
import { renderHtml } from '../report/render-html.js';
import { renderJson } from '../report/render-json.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { renderText } from '../report/render-text.js';
import { notesOf } from '../report/scenario-notes.js';
import type { Style } from '../report/style.js';

export const FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export function renderReport(format: Format, report: Report, scenarios: readonly Scenario[], style: Style): string {
  switch (format) {
    case 'json': return renderJson(report);
    case 'markdown': return renderMarkdown(report, notesOf(scenarios));
    case 'html': return renderHtml(report, notesOf(scenarios));
    default: return renderText(report, style);
  }
}
