import type { Layout } from '../../../src/common/layout';

/** A small drawing of where a layout puts its tiles; decorative, the name says which layout it is. */
export function LayoutThumbnail({ layout }: { layout: Pick<Layout, 'grid' | 'tiles'> }) {
  return (
    <div
      className="layout-thumb"
      aria-hidden="true"
      style={{
        gridTemplateColumns: `repeat(${layout.grid.cols}, 1fr)`,
        gridTemplateRows: `repeat(${layout.grid.rows}, 1fr)`,
      }}
    >
      {layout.tiles.map((tile) => (
        <span
          key={tile.id}
          className={`thumb-tile kind-${tile.source.kind}`}
          style={{ gridColumn: `${tile.x + 1} / span ${tile.w}`, gridRow: `${tile.y + 1} / span ${tile.h}` }}
        />
      ))}
    </div>
  );
}
