/**
 * The event on a world map: each party of the treaty coloured by its status under
 * the chosen clause, with the status's mark on it as well (colour is never the only
 * cue); the attacked place ringed, the attacker hatched, frozen and suspended
 * parties outlined with dashes and named. Shapes are Natural Earth's (world-atlas,
 * 1:110m, bundled: the page stays offline), so borders are today's: a state with no
 * shape today (Czechoslovakia, Yugoslavia...) is returned in `offMap` for the panel
 * to list beside the map. States are matched by ISO 3166-1 numeric code.
 */
import { geoArea, geoCentroid, geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import { alpha3ToNumeric } from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import countries110m from 'world-atlas/countries-110m.json';
import { partiesOn, statusOn, type Verdict } from '../core/index.js';
import type { VerdictStatus } from '../schema/common.js';
import type { Treaty } from '../schema/treaty.js';
import type { World } from '../schema/world.js';
import { STATUS_MARKS } from '../report/vocabulary.js';
import { s } from './dom.js';

/** Natural Earth 4.1.0 (2018), as world-atlas 2.0 packages it. */
export const BORDERS_OF = '2018';

// GeoJSON's types are the global namespace d3-geo's types bring in (a types-only package has nothing to import).
type Geometry = GeoJSON.Geometry;
type Shape = GeoJSON.Feature<Geometry, GeoJSON.GeoJsonProperties>;
type FeatureCollection = GeoJSON.FeatureCollection;

let shapes: Map<string, Shape> | undefined;
/** Every country shape by its ISO numeric id, read once. */
function shapeIndex(): Map<string, Shape> {
  if (!shapes) {
    const topology = countries110m as unknown as Parameters<typeof feature>[0];
    const all = feature(topology, topology.objects.countries!) as GeoJSON.FeatureCollection<Geometry, GeoJSON.GeoJsonProperties>;
    shapes = new Map(all.features.filter((f) => f.id !== undefined).map((f) => [String(f.id), f]));
  }
  return shapes;
}

/** A state's shape today, by its alpha-3 code (none for a state that no longer exists, or too small for 1:110m). */
export function shapeOf(code: string): Shape | undefined {
  const numeric = alpha3ToNumeric(code);
  return numeric ? shapeIndex().get(numeric) : undefined;
}

/** The largest ring of a shape: France without Guiana, the United States without Alaska's islands. */
const mainParts = new WeakMap<Shape, Shape>();
function mainPart(f: Shape): Shape {
  if (f.geometry.type !== 'MultiPolygon') return f;
  const known = mainParts.get(f);
  if (known) return known;
  const parts = (f.geometry as GeoJSON.MultiPolygon).coordinates.map((coordinates): Shape => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } as GeoJSON.Polygon }));
  const main = parts.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
  mainParts.set(f, main);
  return main;
}

const SPHERE: Shape = { type: 'Feature', properties: {}, geometry: { type: 'Sphere' } as unknown as Geometry };
const centroids = new WeakMap<Shape, [number, number]>();
const centroidOf = (f: Shape): [number, number] => {
  let c = centroids.get(f);
  if (!c) centroids.set(f, (c = geoCentroid(f)));
  return c;
};

/**
 * A projection and its paths, kept while the shapes it was fitted to stay the same: a what-if
 * that flips statuses redraws the map's colours, not its 177 outlines (one frame, not three).
 */
interface Drawing { key: string; projection: GeoProjection; d(f: Shape): string; centroid(f: Shape): [number, number] }
const drawings = new Map<string, Drawing>();
function drawingFor(key: string, make: () => GeoProjection): Drawing {
  let known = drawings.get(key);
  if (!known) {
    const projection = make();
    const path = geoPath(projection);
    const ds = new WeakMap<Shape, string>();
    const cs = new WeakMap<Shape, [number, number]>();
    known = {
      key, projection,
      d: (f) => { let d = ds.get(f); if (d === undefined) ds.set(f, (d = path(f) ?? '')); return d; },
      centroid: (f) => { let c = cs.get(f); if (!c) cs.set(f, (c = path.centroid(f))); return c; },
    };
    // A handful of maps at most are in use at once (main and close-up, the clause picked): keep the last few.
    if (drawings.size > 16) drawings.delete(drawings.keys().next().value!);
    drawings.set(key, known);
  }
  return known;
}

export interface MapParty {
  code: string;
  name: string;
  /** Its status under the clause; absent for the attacked state and for a party the clause did not judge. */
  status?: VerdictStatus;
  standing: string;
  role: 'target' | 'attacker' | 'party';
}

export interface MapInput {
  treaty: Treaty;
  world: World;
  date: string;
  target: string;
  /** The attacked place: a state code or a territory id. */
  place: string;
  attacker?: string | undefined;
  /** This clause's verdicts on this event. */
  verdicts: readonly Verdict[];
  name(code: string): string;
  /** The map's words (title, description, labels). */
  words: { title: string; desc: string; attacker: string; standing(s: string): string; status(s: VerdictStatus): string };
}

export interface WorldMap {
  svg: SVGElement;
  parties: MapParty[];
  /** Parties, the target and the attacker with no shape on today's map. */
  offMap: MapParty[];
  /** Where the attacked place is marked: its own point, its state's shape, or nowhere. */
  placeMarked: 'point' | 'shape' | 'none';
}

const W = 960;
const H = 480;

export function worldMap(p: MapInput): WorldMap {
  const byObligor = new Map(p.verdicts.map((v) => [v.obligor, v]));
  const codes = [...new Set([...partiesOn(p.treaty, p.world, p.date), ...byObligor.keys(), p.target, ...(p.attacker ? [p.attacker] : [])])].sort();
  const parties: MapParty[] = codes
    .filter((c) => p.world.states.some((st) => st.id === c))
    .map((code) => {
      const status = byObligor.get(code)?.status;
      return {
        code, name: p.name(code), standing: statusOn(p.treaty, p.world, code, p.date),
        role: code === p.target ? 'target' : code === p.attacker ? 'attacker' : 'party',
        ...(status ? { status } : {}),
      };
    });
  const onMap = parties.filter((x) => shapeOf(x.code));
  const offMap = parties.filter((x) => !shapeOf(x.code));
  const territory = p.world.territories.find((t) => t.id === p.place);
  const point: [number, number] | undefined =
    territory?.latitude !== undefined && territory.longitude !== undefined ? [territory.longitude, territory.latitude] : undefined;
  const placeShape = shapeOf(territory ? '' : p.place);

  // Fit the map to the parties' main land and the place, centred on them.
  // The attacker is left out of the fit: Russia would stretch any map of Europe across the world.
  const fitCodes = onMap.filter((x) => x.role !== 'attacker' || x.status).map((x) => x.code);
  const main = drawingFor(JSON.stringify(['main', fitCodes, point]), () => {
    const fitTo: Shape[] = fitCodes.map((c) => mainPart(shapeOf(c)!));
    if (point) fitTo.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: point } });
    const all: FeatureCollection = { type: 'FeatureCollection', features: fitTo.length ? fitTo : [...shapeIndex().values()] };
    const [centre] = fitTo.length ? geoCentroid(all) : [0];
    return geoNaturalEarth1().rotate([-(centre ?? 0), 0]).fitExtent([[16, 16], [W - 16, H - 16]], all);
  });
  const projection = main.projection;
  const path = Object.assign((f: Shape) => main.d(f), { centroid: main.centroid, bounds: (f: Shape | FeatureCollection) => geoPath(projection).bounds(f) });
  const numericToParty = new Map(onMap.map((x) => [alpha3ToNumeric(x.code)!, x]));

  const draw = (pathOf: (f: Shape) => string, inset: boolean): SVGElement[] => {
    const land = [...shapeIndex().entries()]
      .filter(([id]) => !numericToParty.has(id))
      .map(([, f]) => s('path', { d: pathOf(f) ?? '', class: 'land' }));
    const partyShapes = onMap.map((x) => {
      const cls = [inset ? 'inset-party' : 'party', x.status ? `s-${x.status}` : 'unjudged', `standing-${x.standing}`, x.role === 'party' ? '' : x.role].filter(Boolean).join(' ');
      const title = [x.name, x.status ? p.words.status(x.status) : '', x.standing === 'member' ? '' : p.words.standing(x.standing), x.role === 'attacker' ? p.words.attacker : ''].filter(Boolean).join(': ');
      const d = pathOf(shapeOf(x.code)!);
      const shape = inset
        ? s('path', { d, class: cls })
        : s('path', { d, class: cls, 'data-state': x.code, 'data-status': x.status ?? '' }, s('title', {}, title));
      // The attacker is hatched over its status colour, so a party that attacks (Kyrgyzstan, 2021) keeps both.
      return x.role === 'attacker' ? s('g', {}, shape, s('path', { d, class: 'attacker-hatch', 'aria-hidden': 'true' })) : shape;
    });
    return [s('path', { d: pathOf(SPHERE), class: 'sea' }), s('g', { class: 'lands' }, ...land), s('g', { class: inset ? 'inset-parties' : 'parties' }, ...partyShapes)];
  };
  // Marks and words go on the main land, over every shape; frozen and suspended parties and the attacker are named.
  const labels = (proj: typeof projection, only?: (x: MapParty) => boolean, words = true): SVGElement[] => onMap.filter((x) => !only || only(x)).flatMap((x) => {
    const at = proj(centroidOf(mainPart(shapeOf(x.code)!)));
    if (!at) return [];
    const [cx, cy] = at;
    const out: SVGElement[] = [];
    if (x.status) out.push(s('text', { x: cx, y: cy + 6, class: `map-mark s-${x.status}`, 'text-anchor': 'middle', 'aria-hidden': 'true' }, STATUS_MARKS[x.status]));
    const said = [x.standing === 'frozen' || x.standing === 'suspended' ? p.words.standing(x.standing) : '', x.role === 'attacker' ? `${p.words.attacker}: ${x.name}` : ''].filter(Boolean).join(', ');
    if (said && words) out.push(s('text', { x: cx, y: cy + 24, class: 'map-word', 'text-anchor': 'middle' }, said));
    return out;
  });
  const placeAt = (proj: typeof projection, pathOf: { centroid(f: Shape): [number, number] }): [number, number] | undefined => {
    const m = point ? proj(point) ?? undefined : placeShape ? pathOf.centroid(mainPart(placeShape)) : undefined;
    return m && Number.isFinite(m[0]) && Number.isFinite(m[1]) ? m : undefined;
  };
  const ring = (m: [number, number] | undefined): SVGElement | null => m
    ? s('g', { class: 'place-marker' },
      s('circle', { cx: m[0], cy: m[1], r: 13, class: 'halo' }),
      s('circle', { cx: m[0], cy: m[1], r: 13 }),
      s('circle', { cx: m[0], cy: m[1], r: 4, class: 'dot' }),
      // Named to the right of the ring, or to its left near the right edge.
      m[0] > W * 0.7
        ? s('text', { x: m[0] - 17, y: m[1] - 12, class: 'map-word place-name', 'text-anchor': 'end' }, territory?.name ?? p.name(p.place))
        : s('text', { x: m[0] + 17, y: m[1] - 12, class: 'map-word place-name' }, territory?.name ?? p.name(p.place)))
    : null;

  // Where the attacked place and the attacker are small on the whole map, a close-up of them sits in a corner.
  const tiny = (f: Shape) => {
    const [[a, b], [c, d]] = path.bounds(f);
    return Math.max(c - a, d - b) < W / 8;
  };
  const nearCodes = onMap.filter((x) => x.role !== 'party' && tiny(mainPart(shapeOf(x.code)!))).map((x) => x.code);
  const near: Shape[] = nearCodes.map((c) => mainPart(shapeOf(c)!));
  if (point) near.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: point } });
  const nearAll: FeatureCollection = { type: 'FeatureCollection', features: near };
  const [[x0, y0], [x1, y1]] = near.length ? path.bounds(nearAll) : [[0, 0], [W, H]];
  const mainMarker = placeAt(projection, path);
  let inset: SVGElement | null = null;
  const small = near.length > 0 && Math.max(x1 - x0, y1 - y0) < W / 8;
  if (small) {
    const IW = 300;
    const IH = 220;
    const left = mainMarker && mainMarker[0] < W / 2 ? W - IW - 8 : 8;
    const top = mainMarker && mainMarker[1] < H / 2 ? H - IH - 8 : 8;
    const closeUp = drawingFor(JSON.stringify(['inset', nearCodes, point]), () => {
      const [ic] = geoCentroid(nearAll);
      // A point alone (a shoal) would zoom without end: pad the close-up to at least a few degrees.
      const pad: Shape[] = near.length === 1 && point
        ? [{ type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [[point[0] - 6, point[1] - 4], [point[0] + 6, point[1] + 4]] } }]
        : [];
      return geoNaturalEarth1().rotate([-(ic ?? 0), 0]).fitExtent([[24, 24], [IW - 24, IH - 24]], { type: 'FeatureCollection', features: [...near, ...pad] });
    });
    const close = closeUp.projection;
    const closePath = Object.assign((f: Shape) => closeUp.d(f), { centroid: closeUp.centroid });
    inset = s('g', { class: 'inset', transform: `translate(${left} ${top})` },
      s('clipPath', { id: 'inset-clip' }, s('rect', { width: IW, height: IH })),
      s('g', { 'clip-path': 'url(#inset-clip)' }, ...draw(closePath, true), ...labels(close), ring(placeAt(close, closePath))),
      s('rect', { width: IW, height: IH, class: 'inset-frame' }));
  }
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'map-title map-desc', class: 'world-map' },
    s('title', { id: 'map-title' }, p.words.title),
    s('desc', { id: 'map-desc' }, p.words.desc),
    s('defs', {},
      s('pattern', { id: 'map-hatch', width: 7, height: 7, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        s('rect', { width: 7, height: 7, class: 'hatch-bg' }), s('line', { x1: 0, y1: 0, x2: 0, y2: 7, class: 'hatch-line' }))),
    ...draw(path, false),
    s('g', { class: 'labels' }, ...labels(projection, small ? (x) => x.role === 'party' : undefined), ...(small ? labels(projection, (x) => x.role !== 'party', false) : [])),
    small ? null : ring(mainMarker),
    small && mainMarker ? s('circle', { cx: mainMarker[0], cy: mainMarker[1], r: 10, class: 'inset-spot' }) : null,
    inset);
  return { svg, parties, offMap, placeMarked: point ? 'point' : placeShape ? 'shape' : 'none' };
}
