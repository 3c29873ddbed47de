/**
 * How statuses and assessments are shown to people: a word and a mark for
 * each, so no view relies on colour alone (colour-blind readers, black-and-white
 * print). Shared by the HTML and Markdown reports and the classroom page. Pure data.
 */
import type { Assessment, VerdictStatus } from '../schema/common.js';

export const STATUS_WORDS: Record<VerdictStatus, string> = {
  obliged: 'obliged',
  'obliged-if-requested': 'obliged if requested',
  'not-obliged': 'not obliged',
};

/** Filled, half and empty circles: obligation strength reads as shape. */
export const STATUS_MARKS: Record<VerdictStatus, string> = {
  obliged: '●',
  'obliged-if-requested': '◐',
  'not-obliged': '○',
};

export const ASSESSMENT_WORDS: Record<Assessment, string> = {
  honored: 'honored',
  unmet: 'unmet',
  'beyond-duty': 'beyond duty',
  consistent: 'consistent',
  unrecorded: 'unrecorded',
};

export const ASSESSMENT_MARKS: Record<Assessment, string> = {
  honored: '✓',
  unmet: '✗',
  'beyond-duty': '▲',
  consistent: '–',
  unrecorded: '?',
};

export const ASSESSMENT_MEANINGS: Record<Assessment, string> = {
  honored: 'obliged, and a response that meets the duty',
  unmet: 'obliged, and no response that meets the duty',
  'beyond-duty': 'not obliged, yet gave help that would have met the duty',
  consistent: 'not obliged, and did not give such help',
  unrecorded: 'nothing recorded about this obligor',
};

/** The order a legend lists them in. */
export const STATUS_ORDER: readonly VerdictStatus[] = ['obliged', 'obliged-if-requested', 'not-obliged'];
export const ASSESSMENT_ORDER: readonly Assessment[] = ['honored', 'unmet', 'beyond-duty', 'consistent', 'unrecorded'];

/** A row whose status some named reading of the clause would change: a mark and a word. */
export const CONTESTED_MARK = '⚖';
export const CONTESTED_WORD = 'contested';
