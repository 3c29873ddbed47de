/**
 * Lesson files (scenarios/lessons/*.yaml): their shape, and every case, event,
 * clause and obligor they name checked against the scenarios beside them, so a
 * lesson cannot point at a row that does not exist. Diagnostics as data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Model } from '../core/simulate.js';
import { lessonFile, type Lesson } from '../schema/lesson.js';
import type { Scenario } from '../schema/scenario.js';
import type { Diagnostic } from './diagnostics.js';
import type { Loaded } from './check-references.js';
import { dataFilesIn, loadScenarios, readSource } from './load-files.js';
import { diagnosticAt, type SourceFile } from './parse-source.js';
import { validateShape } from './validate-shape.js';

export function checkLesson(source: SourceFile, scenarios: readonly Scenario[], model: Model): { lesson?: Loaded<Lesson>; diagnostics: Diagnostic[] } {
  const shaped = validateShape(lessonFile, source);
  if (shaped.value === undefined) return { diagnostics: shaped.diagnostics };
  const lesson = shaped.value;
  const out: Diagnostic[] = [];
  const clauses = new Set(model.treaties.flatMap((t) => t.clauses.map((c) => `${t.id}/${c.id}`)));
  lesson.steps.forEach((step, i) => {
    const at = ['steps', i];
    const scenario = scenarios.find((s) => s.id === step.case);
    if (!scenario) {
      out.push(diagnosticAt(source, 'unknown-event', [...at, 'case'], 'case', `no scenario beside the lessons has the id "${step.case}"`, `one of: ${scenarios.map((s) => s.id).join(', ')}`));
      return;
    }
    if (!scenario.events.some((e) => e.id === step.event))
      out.push(diagnosticAt(source, 'unknown-event', [...at, 'event'], 'event', `${step.case} has no event "${step.event}"`, `one of: ${scenario.events.map((e) => e.id).join(', ')}`));
    if (step.cell && !clauses.has(step.cell.clause))
      out.push(diagnosticAt(source, 'unknown-clause', [...at, 'cell', 'clause'], 'clause', `no treaty has the clause "${step.cell.clause}"`));
    if (step.cell && !model.world.states.some((s) => s.id === step.cell!.obligor))
      out.push(diagnosticAt(source, 'unknown-state', [...at, 'cell', 'obligor'], 'obligor', `no world file defines the state "${step.cell.obligor}"`));
  });
  return { lesson: { source, value: lesson }, diagnostics: out };
}

/** The lessons in a folder, checked against the scenarios of the folder above it (scenarios/lessons -> scenarios/). */
export function loadLessons(dir: string, model: Model, scenarios?: readonly Scenario[]): { lessons: Loaded<Lesson>[]; diagnostics: Diagnostic[] } {
  let files: string[];
  try {
    files = dataFilesIn(dir);
  } catch {
    return { lessons: [], diagnostics: [] };
  }
  const cases = scenarios ?? loadScenarios([join(dir, '..')], model).scenarios.map((s) => s.value);
  const lessons: Loaded<Lesson>[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const { source, diagnostics: d } = readSource(file);
    diagnostics.push(...d);
    if (!source) continue;
    const r = checkLesson(source, cases, model);
    diagnostics.push(...r.diagnostics);
    if (r.lesson) lessons.push(r.lesson);
  }
  return { lessons, diagnostics };
}
