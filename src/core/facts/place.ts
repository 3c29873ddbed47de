/** Facts about where the place lies, as treaty-area tests read it: continent, island, ocean, latitude, tags. Pure. */
import { continent, ocean } from '../../schema/common.js';
import { findTerritory } from '../recognition.js';
import type { FactContext, FactRecord, FactValue } from './fact.js';

/** Give the place an attribute: on its territory entry, or on its state for a metropolitan territory (a state has no ocean). */
function attributeChange(attribute: 'continent' | 'island' | 'ocean', value: FactValue, ctx: FactContext) {
  if (value === null) return [];
  const territory = findTerritory(ctx.world, ctx.event.territory);
  if (territory) return [{ label: `${territory.name} has ${attribute} ${String(value)}`, change: { set: `world.territories.${territory.id}.${attribute}`, value } }];
  if (attribute === 'ocean') return [];
  return [{ label: `${ctx.event.territory} has ${attribute} ${String(value)}`, change: { set: `world.states.${ctx.event.territory}.${attribute}`, value } }];
}

export const placeContinent: FactRecord = {
  id: 'placeContinent', type: 'enum', values: continent.options, nullable: true, description: 'The continent of the place (null for sea areas)',
  derive: (s) => {
    const { territory, state } = s.placeEntry();
    return territory ? territory.continent ?? null : state?.continent ?? null;
  },
  changesTo: (value, ctx) => attributeChange('continent', value, ctx),
};

export const placeIsIsland: FactRecord = {
  id: 'placeIsIsland', type: 'boolean', description: 'The place is an island or island group',
  derive: (s) => {
    const { territory, state } = s.placeEntry();
    return (territory ? territory.island : state?.island) ?? false;
  },
  changesTo: (value, ctx) => attributeChange('island', value, ctx),
};

export const placeOcean: FactRecord = {
  id: 'placeOcean', type: 'enum', values: ocean.options, nullable: true, description: 'The ocean or sea the place lies in or on',
  derive: (s) => s.placeEntry().territory?.ocean ?? null,
  changesTo: (value, ctx) => attributeChange('ocean', value, ctx),
};

export const placeLatitude: FactRecord = {
  id: 'placeLatitude', type: 'number', nullable: true, description: 'Latitude of the place in decimal degrees',
  derive: (s) => {
    const { territory, state } = s.placeEntry();
    return territory ? territory.latitude ?? null : state?.latitude ?? null;
  },
};

export const placeTags: FactRecord = {
  id: 'placeTags', type: 'list', description: 'Free words on the territory that a clause may test (e.g. algerian-departments-of-france)',
  derive: (s) => s.placeEntry().territory?.tags ?? [],
  changesTo: (value, ctx) => {
    const territory = findTerritory(ctx.world, ctx.event.territory);
    return territory && Array.isArray(value)
      ? value.map((tag: string) => ({ label: `${territory.name} is tagged ${tag}`, change: { add: `world.territories.${territory.id}.tags`, value: tag } }))
      : [];
  },
};

export const placeIsMetropolitanTerritory: FactRecord = {
  id: 'placeIsMetropolitanTerritory', type: 'boolean',
  description: "The place is a state's metropolitan territory: named by its state code, not an overseas, special or disputed territory or a sea",
  derive: (s) => {
    const { territory, state } = s.placeEntry();
    return territory === undefined && state !== undefined;
  },
};
