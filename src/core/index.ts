/**
 * The pure core of casus: world + treaties + scenario in, verdicts out.
 * No file or network I/O, no clock, no randomness; it runs in Node and in the
 * browser alike. Loading and rendering live outside it.
 */
export { simulate, simulateScenario, mergeWorld, versionOn, judgeRow, decisiveReason, isRequestReason, clausesJudged } from './simulate.js';
export type { Model, Report, ScenarioReport, Verdict, EventSummary, SimulateOptions, JudgeOptions } from './simulate.js';
export { checkExpectations, expectationsOf, describeExpectation } from './expectations.js';
export type { ExpectationResult, EventExpectation } from './expectations.js';
export { explainVerdict } from './explain.js';
export type { Explanation, ExplainProblem, ExplainOptions } from './explain.js';
export { applyChanges, ChangeError, pathOf } from './changes.js';
export { foldTimeline, foldScenario, findStep, chronological } from './timeline.js';
export type { Situation } from './timeline.js';
export { deriveFacts, changesFor, factRecord, isRequestFact, FACT_CATALOGUE, FACT_IDS } from './fact-catalogue.js';
export type { FactRecord, FactContext, FactChange } from './fact-catalogue.js';
export { sovereigntyInViewOf, administratorOn } from './recognition.js';
export { statusOn, partiesOn, treatyInForceOn, everParty } from './membership.js';
export { tally } from './tally.js';
export type { Reason } from './evaluate-clause.js';
export { ClauseEvaluator, factsReadBy } from './evaluate-clause.js';
export { documentOf, splitDocument, applyWhatIf, judgeDocument, compareReports, runWhatIf, valueAtPath } from './what-if.js';
export type { WhatIfDocument, WhatIfReport, WhatIfLayer, RowComparison, ReasonChange } from './what-if.js';
export { whyNot } from './why-not.js';
export type { WhyNotResult, Counterfactual, Candidate } from './why-not.js';
export { sweep, worldCount } from './sweep.js';
export type { SweepDimension, SweepResult } from './sweep.js';
