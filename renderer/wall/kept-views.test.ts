import { describe, expect, it } from 'vitest';
import type { Layout } from '../../src/common/layout';
import { keepFromSearch, NO_VIEWS, showLayout } from './kept-views';

const layout = (id: string, version = 1): Layout => ({
  id,
  name: id,
  version,
  updatedAt: '2026-11-28T08:00:00.000Z',
  grid: { cols: 3, rows: 3 },
  tiles: [],
});

describe('kept views', () => {
  it('keeps the last layouts shown in place, reuses a kept one, and drops the least recently shown', () => {
    let k = NO_VIEWS;
    for (const id of ['a', 'b', 'c']) k = showLayout(k, layout(id), 3);
    const b = k.views[1];
    k = showLayout(k, layout('b'), 3);
    expect(k.active).toBe('b@1');
    expect(k.views.map((v) => v.key)).toEqual(['a@1', 'b@1', 'c@1']);
    expect(k.views[1]!.layout).toBe(b!.layout);
    k = showLayout(k, layout('d'), 3);
    expect(k.views.map((v) => v.key)).toEqual(['b@1', 'c@1', 'd@1']);
  });

  it('replaces an edited layout and keeps only the current one with keep=1', () => {
    let k = showLayout(showLayout(NO_VIEWS, layout('a'), 5), layout('b'), 5);
    k = showLayout(k, layout('a', 2), 5);
    expect(k.views.map((v) => v.key)).toEqual(['b@1', 'a@2']);
    k = showLayout(showLayout(NO_VIEWS, layout('a'), 1), layout('b'), 1);
    expect(k.views.map((v) => v.key)).toEqual(['b@1']);
  });

  it('reads ?keep=N within bounds', () => {
    expect(keepFromSearch('?keep=1')).toBe(1);
    expect(keepFromSearch('?keep=0')).toBe(5);
    expect(keepFromSearch('?keep=x')).toBe(5);
    expect(keepFromSearch('')).toBe(5);
  });
});
