/** Facts about whose the place is: in the obligor's recognition, the target's, and who administers it. Pure. */
import { PARTY_STATUSES } from '../membership.js';
import { findTerritory, sovereigntyInViewOf } from '../recognition.js';
import { eventPath, placeName, type FactContext, type FactRecord, type Facts } from './fact.js';

const STATE = /^[A-Z]{3}$/;

const administeredInWords = (facts: Facts, ctx: FactContext) =>
  `${placeName(ctx)} is administered by ${facts.territoryAdministeredByOnDate ?? 'no state'} on ${ctx.event.date}`;

export const territoryBelongsToTargetInObligorsView: FactRecord = {
  id: 'territoryBelongsToTargetInObligorsView', type: 'boolean',
  description: "The place is the target's territory in the obligor's own recognition on the date",
  derive: (s) => s.obligorsView().sovereign === s.ctx.event.target,
  inWords: (facts, ctx) => {
    const s = facts.territorySovereignInObligorsView;
    return `in ${ctx.obligor}'s view ${placeName(ctx)} is ${s === null ? "no state's" : `${String(s)}'s`}`;
  },
  changesTo: (value, ctx) => {
    const { event, obligor, world } = ctx;
    const territory = findTerritory(world, event.territory);
    if (!territory) return value === true ? [{ label: `the attack falls on ${event.target}'s own territory`, change: { set: `${eventPath(ctx)}.territory`, value: event.target } }] : [];
    const sovereign = value === true ? event.target : event.attacker && STATE.test(event.attacker) ? event.attacker : null;
    return [{
      label: `${obligor} regards ${territory.name} as ${sovereign === null ? 'no state' : sovereign}'s`,
      change: { add: 'world.recognitions', value: { by: obligor, territory: territory.id, sovereign, from: event.date } },
    }];
  },
};

export const territorySovereignInObligorsView: FactRecord = {
  id: 'territorySovereignInObligorsView', type: 'string', nullable: true,
  description: "Whose the place is in the obligor's own recognition (null: no sovereign)",
  derive: (s) => s.obligorsView().sovereign,
};

export const territoryBelongsToTargetInTargetsView: FactRecord = {
  id: 'territoryBelongsToTargetInTargetsView', type: 'boolean',
  description: "The place is the attacked state's territory in its own recognition on the date (for readings that defer to it where the obligor sees no sovereign)",
  derive: (s) => sovereigntyInViewOf(s.ctx.world, s.ctx.event.territory, s.ctx.event.target, s.date).sovereign === s.ctx.event.target,
};

export const territorySovereignIsPartyInObligorsView: FactRecord = {
  id: 'territorySovereignIsPartyInObligorsView', type: 'boolean',
  description: "The place belongs, in the obligor's view, to a state that is a party on the date",
  derive: (s) => {
    const sovereign = s.obligorsView().sovereign;
    return sovereign !== null && PARTY_STATUSES.includes(s.statusOf(sovereign));
  },
};

export const territoryAdministeredByOnDate: FactRecord = {
  id: 'territoryAdministeredByOnDate', type: 'string', nullable: true, description: 'The state administering the place on the date',
  derive: (s) => s.administrator(),
  inWords: administeredInWords,
};

export const placeAdministeredByTargetOnDate: FactRecord = {
  id: 'placeAdministeredByTargetOnDate', type: 'boolean', description: 'The attacked state administers (has jurisdiction over) the place on the date',
  derive: (s) => s.administrator() === s.ctx.event.target,
  inWords: administeredInWords,
};

export const placeAdministeredByPartyOnDate: FactRecord = {
  id: 'placeAdministeredByPartyOnDate', type: 'boolean', description: 'A state that is a party on the date administers (has jurisdiction over) the place',
  derive: (s) => {
    const administrator = s.administrator();
    return administrator !== null && PARTY_STATUSES.includes(s.statusOf(administrator));
  },
  inWords: administeredInWords,
};
