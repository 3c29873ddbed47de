/**
 * The shape of one fact: what a clause condition may read, how it is derived
 * for one (event, treaty, clause, obligor) on the event's date, how a reader
 * is told its value, and which what-if changes would give it a value (why-not
 * and the page's toggles use these). Adding a fact is adding one record to a
 * file of this folder and listing it in catalogue.ts. Pure.
 */
import type { Change, ScenarioEvent } from '../../schema/scenario.js';
import type { Treaty } from '../../schema/treaty.js';
import type { Territory, World } from '../../schema/world.js';
import { statusOn, type StatusOnDate } from '../membership.js';
import { administratorOn, findTerritory, sovereigntyInViewOf, type SovereigntyView } from '../recognition.js';

export type FactValue = string | number | boolean | null | readonly string[];
export type Facts = Record<string, FactValue>;

export interface FactContext {
  world: World;
  treaty: Treaty;
  clauseRef: string;
  event: ScenarioEvent;
  obligor: string;
  /** Every event of the scenario (why-not draws candidate attackers from them). */
  events?: readonly ScenarioEvent[];
}

/** A what-if change that would give a fact a value, with the phrase a reader sees. */
export interface FactChange {
  label: string;
  change: Change;
}

export interface FactRecord {
  id: string;
  type: 'boolean' | 'enum' | 'number' | 'string' | 'list';
  /** Allowed values for an enum (and for list items), checked in rule files at load. */
  values?: readonly string[];
  nullable?: boolean;
  /** What the fact means, for the catalogue's readers. */
  description: string;
  /** A request fact: a test that reads only these is "the request", and its failing alone makes a row obliged-if-requested. */
  request?: boolean;
  derive(scope: FactScope): FactValue;
  /** A reader's sentence for the value, where the bare value would puzzle a class. */
  inWords?(facts: Facts, ctx: FactContext): string | undefined;
  /** The what-if changes that would give the fact `value` for this row (none: no input sets it directly). */
  changesTo?(value: FactValue, ctx: FactContext): FactChange[];
}

/**
 * What several facts share, computed once per derivation and only if read:
 * the place, the obligor's view of it, its administrator, standings.
 */
export class FactScope {
  private view?: SovereigntyView;
  private place?: { territory: Territory | undefined; state: World['states'][number] | undefined };
  private admin?: string | null;
  constructor(readonly ctx: FactContext) {}

  get date(): string {
    return this.ctx.event.date;
  }
  statusOf(state: string): StatusOnDate {
    return statusOn(this.ctx.treaty, this.ctx.world, state, this.date);
  }
  obligorsView(): SovereigntyView {
    return (this.view ??= sovereigntyInViewOf(this.ctx.world, this.ctx.event.territory, this.ctx.obligor, this.date));
  }
  /** The place as a territory entry, or as a state (its metropolitan territory). */
  placeEntry(): { territory: Territory | undefined; state: World['states'][number] | undefined } {
    if (!this.place) {
      const territory = findTerritory(this.ctx.world, this.ctx.event.territory);
      this.place = { territory, state: territory ? undefined : this.ctx.world.states.find((s) => s.id === this.ctx.event.territory) };
    }
    return this.place;
  }
  administrator(): string | null {
    if (this.admin === undefined) this.admin = administratorOn(this.ctx.world, this.ctx.event.territory, this.date);
    return this.admin;
  }
}

/** The name a reader knows the place by. */
export function placeName(ctx: FactContext): string {
  return findTerritory(ctx.world, ctx.event.territory)?.name ?? ctx.event.territory;
}

/** The path of the event in the what-if syntax. */
export const eventPath = (ctx: FactContext): string => `events.${ctx.event.id}`;
