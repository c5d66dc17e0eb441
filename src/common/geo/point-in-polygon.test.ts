import { describe, expect, it } from 'vitest';
import { findContaining, pointInGeometry, type AreaGeometry } from './point-in-polygon';

// A 4 x 4 square with a 2 x 2 hole in its middle, and a separate unit square far east (a MultiPolygon island).
const square: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ],
    [
      [1, 1],
      [1, 3],
      [3, 3],
      [3, 1],
      [1, 1],
    ],
  ],
};
const island: AreaGeometry = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [10, 0],
        [11, 0],
        [11, 1],
        [10, 1],
        [10, 0],
      ],
    ],
    [
      [
        [20, 0],
        [21, 0],
        [21, 1],
        [20, 1],
        [20, 0],
      ],
    ],
  ],
};

describe('pointInGeometry', () => {
  it('holds a point inside the outer ring and not in the hole', () => {
    expect(pointInGeometry(0.5, 0.5, square)).toBe(true);
    expect(pointInGeometry(3.5, 2, square)).toBe(true);
    expect(pointInGeometry(2, 2, square)).toBe(false); // in the hole
    expect(pointInGeometry(5, 2, square)).toBe(false);
    expect(pointInGeometry(-0.1, 2, square)).toBe(false);
  });

  it('finds either part of a MultiPolygon', () => {
    expect(pointInGeometry(10.5, 0.5, island)).toBe(true);
    expect(pointInGeometry(20.5, 0.5, island)).toBe(true);
    expect(pointInGeometry(15, 0.5, island)).toBe(false);
  });

  it('handles a concave ring (a U shape) where a bounding box would not', () => {
    const u: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    expect(pointInGeometry(1.5, 2, u)).toBe(false); // the notch
    expect(pointInGeometry(0.5, 2, u)).toBe(true);
    expect(pointInGeometry(2.5, 2, u)).toBe(true);
  });
});

describe('findContaining', () => {
  const features = [
    { geometry: square, properties: { kode: 'A' } },
    { geometry: island, properties: { kode: 'B' } },
  ];
  it('names the feature that holds the point, null outside all of them or for a bad coordinate', () => {
    expect(findContaining(features, 0.5, 0.5)?.properties.kode).toBe('A');
    expect(findContaining(features, 20.5, 0.2)?.properties.kode).toBe('B');
    expect(findContaining(features, 2, 2)).toBeNull();
    expect(findContaining(features, Number.NaN, 0.5)).toBeNull();
  });
});
