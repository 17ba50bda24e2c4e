/**
 * The last view a chart built, reused while every input is the same (compared with `Object.is`). A render that
 * changes nothing — the one Lit runs while a cross-filtered query is pending, showing the previous result — then
 * costs a walk over unchanged template values instead of a new layout and new event listeners.
 * List every input the view reads (data, size, font, hover, selection): a missing one shows a stale view.
 */
export class ViewMemo<T> {
  #inputs: readonly unknown[] | undefined;
  #view: T | undefined;

  get(inputs: readonly unknown[], build: () => T): T {
    const last = this.#inputs;
    if (!last || last.length !== inputs.length || inputs.some((v, i) => !Object.is(v, last[i]))) {
      this.#view = build();
      this.#inputs = inputs;
    }
    return this.#view as T;
  }
}
