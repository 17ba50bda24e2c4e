import type { AtliqSource, QueryOptions, QuerySpec } from '@atliq/sdk';

/**
 * `source`, with every spec passed to `query()` appended to `specs`: what a component's data task asked, so the
 * source can prepare cubes for exactly those queries when another chart is activated. Everything else is the
 * source's own (getters and methods run on it, not on the proxy, as its private fields require).
 */
export function recordQueries(source: AtliqSource, specs: QuerySpec[]): AtliqSource {
  return new Proxy(source, {
    get(target, property) {
      if (property === 'query') {
        return (spec: QuerySpec, options?: QueryOptions) => {
          specs.push(spec);
          return target.query(spec, options);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
