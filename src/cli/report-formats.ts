/** The reports of `casus run` made whole (documents for people: Markdown, one HTML page). Pure. */
import type { Report } from '../core/index.js';
import type { Scenario } from '../schema/scenario.js';
import { renderHtml } from '../report/render-html.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { notesOf } from '../report/scenario-notes.js';

export function renderReport(format: 'markdown' | 'html', report: Report, scenarios: readonly Scenario[]): string {
  return format === 'html' ? renderHtml(report, notesOf(scenarios)) : renderMarkdown(report, notesOf(scenarios));
}
