// How a decision's recorded wall reads, in the log and in the printed report.
import type { DecisionWall } from '../../../src/common/decision-wall';
import type { Translate } from '../../shared/i18n';

/** "Dinding: Darurat banjir (v17)": the layout live on the wall when it was decided, when the decision says. */
export function decisionWallText(t: Translate, d: { wall?: DecisionWall | null }): string | null {
  if (!d.wall) return null;
  return d.wall.layout
    ? t('decision.wall', { name: d.wall.layout.name, version: d.wall.stateVersion })
    : t('decision.wallNone', { version: d.wall.stateVersion });
}
