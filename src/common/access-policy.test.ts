import { describe, expect, it } from 'vitest';
import { ANY_ROLE, ENTITY_WRITERS, REQUEST_ROLES, mayRequest, mayWrite } from './access-policy';
import { ROLES } from './entities';
import { REQUESTS } from './host-api';

describe('access policy', () => {
  it('lets each role write what the room expects, and a viewer nothing', () => {
    expect(ROLES.filter((r) => mayWrite(r, 'decision')).sort()).toEqual(['operator', 'supervisor']);
    expect(ROLES.filter((r) => mayWrite(r, 'layout')).sort()).toEqual(['presenter', 'supervisor']);
    expect(ROLES.filter((r) => mayWrite(r, 'site')).sort()).toEqual(['supervisor']);
    // The wall PCs' pairing links carry their tokens: those who set up the wall only.
    expect(ROLES.filter((r) => mayRequest(r, 'wall.pairing')).sort()).toEqual(['presenter', 'supervisor']);
    // Reads that only need a login (ANY_ROLE) aside, a viewer may do nothing.
    const guarded = Object.keys(REQUEST_ROLES).filter(
      (q) => REQUEST_ROLES[q as keyof typeof REQUEST_ROLES] !== ANY_ROLE,
    );
    expect(guarded.filter((q) => mayRequest('viewer', q as keyof typeof REQUEST_ROLES))).toEqual([]);
    expect(Object.keys(REQUEST_ROLES).every((q) => mayRequest('supervisor', q as keyof typeof REQUEST_ROLES))).toBe(
      true,
    );
  });

  it("a host request that writes an entity follows that entity's writers, and names a real request", () => {
    expect(REQUEST_ROLES['decisions.record']).toBe(ENTITY_WRITERS.decision);
    expect(REQUEST_ROLES['incidents.save']).toBe(ENTITY_WRITERS.incident);
    expect(REQUEST_ROLES['layouts.save']).toBe(ENTITY_WRITERS.layout);
    for (const q of Object.keys(REQUEST_ROLES)) expect(Object.hasOwn(REQUESTS, q), q).toBe(true);
  });
});
