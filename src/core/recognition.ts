/**
 * Whose territory is a place, in a given state's own view, on a date. Pure.
 *
 * A state code names that state's undisputed territory. A territory id is
 * read through the viewer's own dated recognition if it has one, else the
 * territory's default sovereign on that date. Sea areas have no sovereign.
 */
import type { Territory, World } from '../schema/world.js';
import { latestActive } from './dates.js';

export interface SovereigntyView {
  /** The sovereign in the viewer's eyes; null for the high seas, an undelimited strip, or "independent". */
  sovereign: string | null;
  /** How it was decided, for the explanation. */
  basis: 'state-territory' | 'own-recognition' | 'default-sovereign' | 'no-sovereign';
  note?: string;
}

export function findTerritory(world: World, id: string): Territory | undefined {
  return world.territories.find((t) => t.id === id);
}

export function defaultSovereignOn(territory: Territory, date: string): string | null {
  const s = territory.sovereign;
  // Left out or null: no default sovereign (the high seas, an undelimited strip).
  if (s === null || s === undefined) return null;
  if (typeof s === 'string') return s;
  return latestActive(s, date)?.state ?? null;
}

export function sovereigntyInViewOf(world: World, place: string, viewer: string, date: string): SovereigntyView {
  const territory = findTerritory(world, place);
  if (!territory) {
    // Not a special territory: a state code stands for that state's undisputed territory.
    return { sovereign: place, basis: 'state-territory' };
  }
  const own = latestActive(
    world.recognitions.filter((r) => r.by === viewer && r.territory === place),
    date,
  );
  if (own) return { sovereign: own.sovereign, basis: 'own-recognition', ...(own.note ? { note: own.note } : {}) };
  const sovereign = defaultSovereignOn(territory, date);
  return { sovereign, basis: sovereign === null ? 'no-sovereign' : 'default-sovereign' };
}

/** Who administers the place on the date: a dated administration if listed, else the default sovereign. */
export function administratorOn(world: World, place: string, date: string): string | null {
  const territory = findTerritory(world, place);
  if (!territory) return place;
  const admin = territory.administrations ? latestActive(territory.administrations, date) : undefined;
  if (admin) return admin.state;
  return defaultSovereignOn(territory, date);
}
