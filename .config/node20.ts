/**
 * Vitest 5 targets Node ≥ 22 and its reporter calls `Map.groupBy` / `Object.groupBy` (Node 21+). On this
 * machine's Node 20 a failing test then crashes the report ("Map.groupBy is not a function") and hides the failure.
 * Remove with the move to Node 22.
 */
type GroupBy = <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => Map<K, T[]>;

const mapGroupBy: GroupBy = (items, key) => {
  const groups = new Map();
  let index = 0;
  for (const item of items) {
    const k = key(item, index++);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
};

const maps = Map as unknown as { groupBy?: GroupBy };
maps.groupBy ??= mapGroupBy;
const objects = Object as unknown as {
  groupBy?: (items: Iterable<unknown>, key: (item: unknown, i: number) => PropertyKey) => object;
};
objects.groupBy ??= (items, key) => Object.assign(Object.create(null), Object.fromEntries(mapGroupBy(items, key)));
