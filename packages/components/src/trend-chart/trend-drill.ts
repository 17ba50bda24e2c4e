import { fiscalYearLabel, type Member } from '@atliq/sdk';
import type { DrillController } from '../base/drill-controller.ts';
import { periodLabel } from '../base/period.ts';
import type { Trend } from './trend-query.ts';

/**
 * The member a period stands for in the drill path, and its text: a year as the number the model's `year` is
 * (2019), a month as its key read "Mar 2019", a day as its key.
 */
export function periodMember(key: string, grain: string, fiscalYearStart = 1): { member: Member; label: string } {
  if (grain !== 'year') return { member: key, label: periodLabel(key) };
  return { member: Number(key), label: fiscalYearLabel(Number(key), fiscalYearStart) };
}

/**
 * The period `index` of `trend` as a drill step; undefined while `trend` still shows the grain before the last
 * drill (its opened grain is loading), so a period is never opened on the wrong level.
 */
function periodAt(drill: DrillController, trend: Trend, index: number) {
  const point = trend.grain === drill.level ? trend.points[index] : undefined;
  return point && periodMember(point.key, drill.level, trend.fiscalYearStart);
}

/** A click on period `index`: opens it in drill mode while there is a grain below. True when it drilled. */
export function drillClick(drill: DrillController, trend: Trend, index: number): boolean {
  const step = periodAt(drill, trend, index);
  return drill.mode && step !== undefined && drill.down(step.member, step.label);
}

/** The drill keys on the focused period `active` (Shift+Enter, Backspace, Enter in drill mode); true when handled. */
export function drillKey(drill: DrillController, event: KeyboardEvent, trend: Trend, active: number): boolean {
  return drill.onKey(event, periodAt(drill, trend, active));
}
