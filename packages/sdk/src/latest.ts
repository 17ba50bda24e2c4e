/**
 * Latest-wins for a client that is not a Lit element: each call aborts the previous one's signal, and a superseded
 * call rejects with an `AbortError` instead of resolving, so a slow stale result can never overwrite a newer one.
 * (Components on `@lit/task` need none of this: a task aborts its previous run's signal and ignores its result.)
 *
 * @example
 * const run = latest((signal, filters) => source.query({ measures: ['revenue'], filters }, { signal }));
 * selection.addEventListener('change', () =>
 *   run(selection.filtersFor(id)).then(draw, (e) => isAbort(e) || showError(e)),
 * );
 */
export function latest<A extends unknown[], T>(
  fn: (signal: AbortSignal, ...args: A) => Promise<T>,
): (...args: A) => Promise<T> {
  let current: AbortController | undefined;
  return (...args) => {
    current?.abort(new DOMException('Superseded by a newer query.', 'AbortError'));
    const controller = new AbortController();
    current = controller;
    return fn(controller.signal, ...args).then(
      (value) => {
        if (controller.signal.aborted) throw controller.signal.reason;
        return value;
      },
      (error: unknown) => {
        throw controller.signal.aborted ? controller.signal.reason : error;
      },
    );
  };
}

/** True for the rejection of an aborted or superseded query, which callers ignore rather than show. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
