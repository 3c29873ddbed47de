/**
 * The alliance on the event's date as an SVG picture: every party around the
 * attacked state, its standing drawn as line style and word (member, frozen,
 * suspended), and an arrow from each obligor that owes the target aid under the
 * chosen clause (solid: obliged; dashed: only if asked). Shapes and words carry
 * the meaning, colour only repeats it.
 */
import { statusOn, type Verdict } from '../core/index.js';
import type { Treaty } from '../schema/treaty.js';
import type { World } from '../schema/world.js';
import { s } from './dom.js';

export interface PictureInput {
  treaty: Treaty;
  world: World;
  date: string;
  target: string;
  /** The attacker, when it is itself a party (Kyrgyzstan and Tajikistan, 2021–2022). */
  attacker?: string | undefined;
  clause: string;
  clauseLabel: string;
  /** This clause's verdicts on this event. */
  verdicts: readonly Verdict[];
}

const W = 640;
const H = 600;
const CX = W / 2;
const CY = 240;
const RING = 175;
const R = 40;

function node(code: string, standing: string, x: number, y: number, isTarget: boolean, isAttacker: boolean): SVGElement {
  const cls = `node standing-${standing}${isTarget ? ' target' : ''}${isAttacker ? ' attacker' : ''}`;
  const words = [standing === 'member' ? '' : standing === 'none' ? 'not a party' : standing, isAttacker ? 'attacker' : ''].filter(Boolean).join(', ');
  return s('g', { class: cls },
    s('circle', { cx: x, cy: y, r: isTarget ? R + 8 : R }),
    s('text', { x, y: y + 8, 'text-anchor': 'middle', class: 'code' }, code),
    words ? s('text', { x, y: y + (isTarget ? R + 34 : R + 26), 'text-anchor': 'middle', class: 'standing' }, words) : null,
  );
}

export function alliancePicture(p: PictureInput): SVGElement {
  const others = p.verdicts.map((v) => v.obligor).filter((x, i, a) => a.indexOf(x) === i).sort();
  const byObligor = new Map(p.verdicts.map((v) => [v.obligor, v]));
  const targetStanding = statusOn(p.treaty, p.world, p.target, p.date);
  const owing = others.filter((o) => byObligor.get(o)?.status === 'obliged');
  const ifAsked = others.filter((o) => byObligor.get(o)?.status === 'obliged-if-requested');
  const summary =
    `${p.treaty.name} on ${p.date}: ` +
    (owing.length ? `${owing.join(', ')} owe${owing.length === 1 ? 's' : ''} ${p.target} aid under ${p.clause}` : `no party owes ${p.target} aid under ${p.clause}`) +
    (ifAsked.length ? `; ${ifAsked.join(', ')} would, if asked` : '') + '.';
  const arrows: SVGElement[] = [];
  const nodes: SVGElement[] = [];
  others.forEach((code, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(others.length, 1);
    const x = CX + RING * Math.cos(angle);
    const y = CY + RING * Math.sin(angle);
    const status = byObligor.get(code)?.status ?? 'not-obliged';
    if (status !== 'not-obliged') {
      // From the edge of the obligor's circle to the edge of the target's.
      const dx = CX - x;
      const dy = CY - y;
      const len = Math.hypot(dx, dy);
      const [ux, uy] = [dx / len, dy / len];
      arrows.push(s('line', {
        x1: x + ux * (R + 4), y1: y + uy * (R + 4), x2: CX - ux * (R + 20), y2: CY - uy * (R + 20),
        class: `duty duty-${status}`, 'marker-end': `url(#arrow-${status})`,
      }));
    }
    nodes.push(node(code, statusOn(p.treaty, p.world, code, p.date), x, y, false, code === p.attacker));
  });
  nodes.push(node(p.target, targetStanding, CX, CY, true, false));
  const marker = (id: string) =>
    s('marker', { id, viewBox: '0 0 10 10', refX: 5, refY: 5, markerWidth: 5, markerHeight: 5, orient: 'auto-start-reverse' },
      s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: id }));
  const legendY = H - 40;
  return s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'alliance-title alliance-desc', class: 'alliance' },
    s('title', { id: 'alliance-title' }, `Who owes ${p.target} aid under ${p.clauseLabel} on ${p.date}`),
    s('desc', { id: 'alliance-desc' }, summary),
    s('defs', {},
      marker('arrow-obliged'), marker('arrow-obliged-if-requested'),
      s('pattern', { id: 'hatch', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        s('rect', { width: 8, height: 8, class: 'hatch-bg' }), s('line', { x1: 0, y1: 0, x2: 0, y2: 8, class: 'hatch-line' }))),
    ...arrows,
    ...nodes,
    s('g', { class: 'legend' },
      s('line', { x1: 10, y1: legendY - 40, x2: 60, y2: legendY - 40, class: 'duty duty-obliged', 'marker-end': 'url(#arrow-obliged)' }),
      s('text', { x: 85, y: legendY - 33 }, 'owes aid'),
      s('line', { x1: 220, y1: legendY - 40, x2: 270, y2: legendY - 40, class: 'duty duty-obliged-if-requested', 'marker-end': 'url(#arrow-obliged-if-requested)' }),
      s('text', { x: 295, y: legendY - 33 }, 'would, if asked'),
      s('text', { x: 470, y: legendY - 33 }, 'no arrow:'),
      s('text', { x: 470, y: legendY - 8 }, 'owes nothing'),
      s('text', { x: 10, y: legendY + 5, class: 'standing' }, 'dashed ring: frozen · hatched: suspended'),
      s('text', { x: 10, y: legendY + 32, class: 'standing' }, 'dotted ring: not a party')),
  );
}
