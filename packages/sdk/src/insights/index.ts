export { type Bridge, bridge, EXPLAINED, type MemberChange, spread, type Walk, walk } from './bridge.ts';
export { type Concentration, concentration } from './concentration.ts';
export {
  BRIDGE_DIMENSIONS,
  type BridgeDimension,
  type ChangeFinding,
  changeFinding,
  type PeriodValue,
  type QueryFn,
  withoutPeriods,
} from './findings.ts';
export { type MarginBridge, type MarginRow, marginBridge } from './margin-bridge.ts';
export { benjaminiHochberg, MAD_SCALE, robustZ } from './robust.ts';
export { type MannKendall, mannKendall, theilSen, twoSidedP } from './trend-test.ts';
