/** `casus explain` on an area clause shows which limb of the treaty's words held, as a tree. */
import { describe, expect, it } from 'vitest';
import { casus } from './helpers/cli.js';

describe('casus explain on NATO Article 6', () => {
  it('shows that the Canary Islands are covered as North Atlantic islands north of the Tropic, not as Europe', () => {
    const r = casus(['explain', 'scenarios/edge-cases/nato-article-6.yaml', '--event', 'canary-islands', '--clause', 'nato/art-5', '--obligor', 'USA']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/✓ holds {2}The place lies inside the area the treaty covers\.\n\s+code: +in-treaty-area/);
    expect(r.stdout).toMatch(/✗ "on the territory of any of the Parties in Europe or North America"/);
    expect(r.stdout).toMatch(/✓ "on the Islands under the jurisdiction of any of the Parties in the North Atlantic area north of the Tropic of Cancer"/);
    expect(r.stdout).toContain('discretion: "Such action as it deems necessary"');
  });

  it('quotes the 1949 French text of Article 6 for an event before the 1951 protocol, and says it is a translation', () => {
    const r = casus(['explain', 'scenarios/edge-cases/nato-article-6.yaml', '--event', 'vessel-mediterranean-1951', '--clause', 'nato/art-5', '--obligor', 'USA']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('The clause, as in force from 1949-08-24 until 1952-02-18');
    expect(r.stdout).toContain("contre les navires ou aéronefs de l'une des Parties dans la même région");
    expect(r.stdout).toMatch(/✗ fails {2}The place lies outside the area the treaty covers\.\n\s+code: +in-treaty-area/);
  });

  it('says when the clause text is only a paraphrase', () => {
    const r = casus(['explain', 'scenarios/armenia-border-2022.yaml', '--event', 'offensive', '--clause', 'ru-am-1997/art-3', '--obligor', 'RUS']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('(a paraphrase from reports: no verbatim text was found)');
    expect(r.stdout).toContain('Russia (RUS) under Russia-Armenia Treaty Article 3 - mutual assistance against aggression');
    expect(r.stdout).toContain('Russia-Armenia Treaty of Friendship, Cooperation and Mutual Assistance (1997), Article 3');
  });
});
