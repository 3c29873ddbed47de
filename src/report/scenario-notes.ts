/**
 * What a reader's report adds to the verdicts from the scenario file itself:
 * its summary and its sources (the Report carries neither). Pure.
 */
import type { Scenario } from '../schema/scenario.js';
import type { Source } from '../schema/common.js';

export interface ScenarioNotes {
  summary?: string;
  sources: Source[];
}

export type NotesById = Readonly<Record<string, ScenarioNotes>>;

export function notesOf(scenarios: readonly Scenario[]): NotesById {
  const out: Record<string, ScenarioNotes> = {};
  for (const s of scenarios) out[s.id] = { ...(s.summary ? { summary: s.summary } : {}), sources: s.sources ?? [] };
  return out;
}

/** Only http(s) links are kept as links: a scenario file must not smuggle `javascript:` into a report. */
export function isWebLink(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//i.test(url);
}
