/** `casus explain FILE --event ID --clause ID --obligor CODE`: the full reasoning for one verdict, clause text quoted. */
import { explainVerdict } from '../../core/explain.js';
import { didYouMean, listSome } from '../../load/diagnostics.js';
import { displayPath } from '../../load/load-files.js';
import { renderExplain } from '../../report/render-explain.js';
import { namesOf } from '../../report/vocabulary.js';
import { rulesOrRefuse, scenariosOrRefuse } from '../load-or-refuse.js';
import { isOutput, ok, styleOf, usage, type CommonOptions, type Output } from '../output.js';

export interface ExplainOptions extends CommonOptions {
  file: string;
  event: string;
  clause: string;
  obligor: string;
}

export async function explainCommand(o: ExplainOptions): Promise<Output> {
  const rules = rulesOrRefuse(o);
  if (isOutput(rules)) return rules;
  const scenarios = scenariosOrRefuse([o.file], rules.model);
  if (isOutput(scenarios)) return scenarios;
  const x = await explainVerdict(rules.model, scenarios[0]!, o.event, o.clause, o.obligor);
  if ('field' in x) {
    const hint = didYouMean(x.value, x.known) ?? `expected one of: ${listSome(x.known, 12)}`;
    return usage(`--${x.field} "${x.value}" has no row in ${displayPath(o.file)}; ${hint}`);
  }
  return ok(renderExplain(x, styleOf(o), namesOf(rules.model.world)));
}
