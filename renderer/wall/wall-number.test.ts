import { describe, expect, it } from 'vitest';
import { wallNumberOf, wallPageOf } from './wall-number';

describe('wallNumberOf', () => {
  it('reads /wall/N first, then ?n=', () => {
    expect(wallNumberOf('/wall/7', '')).toBe(7);
    expect(wallNumberOf('/wall/7/', '?n=2')).toBe(7);
    expect(wallNumberOf('/wall/index.html', '?n=3')).toBe(3);
  });

  it('refuses what is not a screen number', () => {
    expect(wallNumberOf('/wall/0', '')).toBeNull();
    expect(wallNumberOf('/wall/', '?n=abc')).toBeNull();
    expect(wallNumberOf('/', '?n=0')).toBeNull();
  });
});

describe('wallPageOf', () => {
  it('draws every cell at /wall/all or with ?cells=all, one screen otherwise', () => {
    expect(wallPageOf('/wall/all', '')).toEqual({ kind: 'all' });
    expect(wallPageOf('/wall/1', '?cells=all')).toEqual({ kind: 'all' });
    expect(wallPageOf('/wall/4', '?cells=some')).toEqual({ kind: 'one', wall: 4 });
    expect(wallPageOf('/wall/', '')).toBeNull();
  });
});
