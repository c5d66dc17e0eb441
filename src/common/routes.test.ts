import { describe, expect, it } from 'vitest';
import { isAllCellsPath, resolveRoute, wallFromPath } from './routes';

describe('routes', () => {
  it('serves the wall page for /wall/1../wall/99 and /wall/all, and nothing else under /wall', () => {
    expect(resolveRoute('/wall/9')).toEqual({ kind: 'page', file: 'wall/index.html', wall: 9 });
    expect(resolveRoute('/wall/all')).toEqual({ kind: 'page', file: 'wall/index.html', wall: 'all' });
    expect(resolveRoute('/wall/all/')).toMatchObject({ wall: 'all' });
    expect(resolveRoute('/wall/0')).toEqual({ kind: 'none' });
    expect(resolveRoute('/wall/alles')).toEqual({ kind: 'none' });
    expect(isAllCellsPath('/wall/all')).toBe(true);
    expect(isAllCellsPath('/wall/1')).toBe(false);
    expect(wallFromPath('/wall/all')).toBeNull();
  });
});
