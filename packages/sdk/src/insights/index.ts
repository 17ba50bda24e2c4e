export { type Bridge, bridge, EXPLAINED, type MemberChange, type Walk, walk } from './bridge.ts';
export { type Concentration, concentration } from './concentration.ts';
export {
  BRIDGE_DIMENSIONS,
  type BridgeDimension,
  type ChangeFinding,
  changeFinding,
  leadDimension,
  MIN_LEAD_MEMBERS,
  type PeriodValue,
  type QueryFn,
} from './findings.ts';
export { type GrainMeasure, GrainStore, sharedGrain } from './grain.ts';
export { type MarginBridge, type MarginRow, marginBridge } from './margin-bridge.ts';
export { MONTH_BRIDGES, type MonthBridgeFinding, monthBridges, monthComparison } from './month-bridge.ts';
export {
  type ConcentrationFinding,
  concentrationFinding,
  HHI_LIMIT,
  LEAK_DIMENSIONS,
  type LeakFinding,
  leakFindings,
  TOP_SHARE_LIMIT,
} from './risk-findings.ts';
export { benjaminiHochberg, MAD_SCALE, robustZ } from './robust.ts';
export {
  checkMonths,
  MAX_SURPRISE_SIGMA,
  type MonthCheck,
  type MonthSeries,
  monthIndex,
  type SeriesTrend,
  seriesTrend,
} from './series.ts';
export {
  FALSE_DISCOVERY_RATE,
  type Scope,
  seriesFindings,
  type TrendFinding,
  UNUSUAL_Z,
  type UnusualMonthFinding,
} from './series-findings.ts';
export { type MannKendall, mannKendall, theilSen, twoSidedP } from './trend-test.ts';
