// Plain-language words for tiles, layout and schedule problems, and the host's refusals, in the UI's language.
import { HostRequestError } from '../../../src/common/host-api';
import type { Tile } from '../../../src/common/layout';
import type { LayoutProblem } from '../../../src/common/layout-check';
import { WEB_TILE_DOMAINS } from '../../../src/common/web-allow-list';
import type { ScheduleEntry, ScheduleProblem } from '../../../src/common/wall-schedule';
import { errorText } from '../../shared/error-text';
import type { MessageKey, Translate } from '../../shared/i18n';

export const WEB_DOMAINS_TEXT = WEB_TILE_DOMAINS.join(', ');

/** What a tile shows, as the presenter would say it: "Peta", "Dasbor sektor: Kesehatan". */
export function tileLabel(t: Translate, tile: Pick<Tile, 'source'>): string {
  const kind = t(`source.${tile.source.kind}` as MessageKey);
  return tile.source.kind === 'sector' ? `${kind}: ${t(`sector.${tile.source.sector}` as MessageKey)}` : kind;
}

function labelOf(t: Translate, tiles: readonly Tile[], tileId: string): string {
  const tile = tiles.find((x) => x.id === tileId);
  return tile ? `"${tileLabel(t, tile)}" (${tileId})` : tileId;
}

export function layoutProblemText(t: Translate, p: LayoutProblem, tiles: readonly Tile[]): string {
  switch (p.code) {
    case 'name_empty':
      return t('problem.name_empty');
    case 'name_taken':
      return t('problem.name_taken', { name: p.name });
    case 'too_many_tiles':
      return t('problem.too_many_tiles', { max: p.max });
    case 'tile_duplicate_id':
      return t('problem.tile_duplicate_id', { tile: p.tileId });
    case 'tile_outside':
      return t('problem.tile_outside', { tile: labelOf(t, tiles, p.tileId) });
    case 'tile_overlap':
      return t('problem.tile_overlap', { tile: labelOf(t, tiles, p.tileId), other: labelOf(t, tiles, p.otherId) });
    case 'url_invalid':
      return t('problem.url_invalid', { tile: labelOf(t, tiles, p.tileId) });
    case 'web_not_allowed':
      return t('problem.web_not_allowed', { host: p.host ?? '?', domains: WEB_DOMAINS_TEXT });
  }
}

export function scheduleProblemText(t: Translate, p: ScheduleProblem, entries: readonly ScheduleEntry[]): string {
  if (p.code === 'same_time') return t('problem.same_time', { at: p.at, day: t(`dayName.${p.day}` as MessageKey) });
  return t('problem.unknown_layout', { at: entries.find((e) => e.id === p.entryId)?.at ?? '?' });
}

function isLayoutProblem(x: unknown): x is LayoutProblem {
  return typeof x === 'object' && x !== null && typeof (x as { code?: unknown }).code === 'string';
}

/** A refusal of layouts.save / layouts.delete / schedule.save, worded from its code and details where known. */
export function planErrorText(
  t: Translate,
  error: unknown,
  context: { tiles?: readonly Tile[]; entries?: readonly ScheduleEntry[] } = {},
): string {
  if (error instanceof HostRequestError) {
    const details = Array.isArray(error.details) ? error.details.filter(isLayoutProblem) : [];
    if (error.code === 'invalid_layout' && details.length > 0) {
      return details.map((p) => layoutProblemText(t, p, context.tiles ?? [])).join(' ');
    }
    if (error.code === 'invalid_schedule' && details.length > 0) {
      return details
        .map((p) => scheduleProblemText(t, p as unknown as ScheduleProblem, context.entries ?? []))
        .join(' ');
    }
    if (error.code === 'layout_on_wall') return t('problem.layout_on_wall');
    if (error.code === 'layout_scheduled') return t('problem.layout_scheduled');
  }
  return errorText(t, error);
}
