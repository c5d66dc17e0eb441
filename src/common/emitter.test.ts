import { describe, expect, it } from 'vitest';
import { Emitter } from './emitter';

describe('Emitter', () => {
  it('delivers each event to the listeners of its name, in order, until they unsubscribe', () => {
    const e = new Emitter<{ a: number; b: string }>();
    const seen: string[] = [];
    const off = e.on('a', (n) => seen.push(`a1:${n}`));
    e.on('a', (n) => seen.push(`a2:${n}`));
    e.on('b', (s) => seen.push(`b:${s}`));
    e.emit('a', 1);
    e.emit('b', 'x');
    off();
    e.emit('a', 2);
    expect(seen).toEqual(['a1:1', 'a2:1', 'b:x', 'a2:2']);
  });
});
