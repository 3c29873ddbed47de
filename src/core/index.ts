/**
 * The pure core of casus: world + treaties + scenario in, verdicts out.
 * No file or network I/O, no clock, no randomness; it runs in Node and in the
 * browser alike. Loading and rendering live outside it.
 */
export { simulate, simulateScenario, mergeWorld, versionOn, clausesJudged } from './simulate.js';
export type { Model, Report, ScenarioReport, Verdict } from './simulate.js';
export { checkExpectations, expectationsOf, describeExpectation } from './expectations.js';
export type { ExpectationResult } from './expectations.js';
export { explainVerdict } from './explain.js';
export { applyChanges } from './changes.js';
export { findStep, chronological } from './timeline.js';
export { deriveFacts, changesFor, FACT_CATALOGUE, FACT_IDS } from './fact-catalogue.js';
export type { FactValue } from './fact-catalogue.js';
export { sovereigntyInViewOf } from './recognition.js';
export { statusOn, partiesOn, everParty } from './membership.js';
export { ClauseEvaluator } from './evaluate-clause.js';
export { documentOf, splitDocument, applyWhatIf, judgeDocument, runWhatIf } from './what-if.js';
export type { WhatIfDocument } from './what-if.js';
export { whyNot } from './why-not.js';
export type { WhyNotResult } from './why-not.js';
export { sweep } from './sweep.js';
export type { SweepDimension } from './sweep.js';
