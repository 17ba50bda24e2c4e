import type { Member } from '@atliq/sdk';
import type { ReactiveControllerHost } from 'lit';
import { canDrill, type DrillStep, drillLevel, drillLevels, type Hierarchy, validPath } from './drill.ts';
import type { AtliqDrillDetail } from './events.ts';

export interface DrillOptions {
  /** The dimension the chart is grouped by before drilling (its `by`). */
  readonly root: () => string;
  /** The levels it drills through (market → customer → product when absent). */
  readonly hierarchy?: Hierarchy;
  /** A person drilled down or went back up: the host clears its selection and fires `atliq-drill`. */
  readonly changed: (detail: AtliqDrillDetail) => void;
}

/**
 * A chart's drill-down state (market → customer → product, or the hierarchy it is given): the path opened so far,
 * and whether drill mode is on, in which click or Enter on a mark opens it instead of selecting it. The path narrows
 * only the host's own query (see `drillFilters`); it resets when the host's `by` changes.
 */
export class DrillController {
  /** Drill mode: click or Enter on a mark drills into it rather than selecting it. */
  mode = false;
  #path: readonly DrillStep[] = [];
  #root: string | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #options: DrillOptions;

  constructor(host: ReactiveControllerHost, options: DrillOptions) {
    this.#host = host;
    this.#options = options;
  }

  /**
   * The members opened so far, top level first. A new `by` starts a new hierarchy, where what was opened under the
   * old one means nothing: the path is then empty, whoever reads it first (the host's data task or its render).
   */
  get path(): readonly DrillStep[] {
    const root = this.#options.root();
    if (this.#root !== undefined && root !== this.#root) this.#path = [];
    this.#root = root;
    return this.#path;
  }

  /** Sets the path from host code (no event); steps that do not fit the hierarchy below `by` are dropped. */
  set path(path: readonly DrillStep[]) {
    this.#root = this.#options.root();
    this.#path = validPath(this.#root, path, this.#options.hierarchy);
    this.#host.requestUpdate();
  }

  /** The dimension the chart shows now. */
  get level(): string {
    return drillLevel(this.#options.root(), this.path, this.#options.hierarchy);
  }

  /** The levels below `root`, `root` first: one when the chart does not drill. */
  get levels(): readonly string[] {
    return drillLevels(this.#options.root(), this.#options.hierarchy);
  }

  /** Whether the level shown has a level below it. */
  get canDrill(): boolean {
    return canDrill(this.#options.root(), this.path, this.#options.hierarchy);
  }

  /** The drill keys a mark answers, for its `aria-keyshortcuts`; empty when the chart does not drill. */
  get shortcuts(): string {
    return this.canDrill || this.path.length > 0 ? 'Shift+Enter Backspace' : '';
  }

  /** Opens `member` of the level shown; false (and nothing happens) at the bottom level. */
  down(member: Member, label: string): boolean {
    if (!this.canDrill) return false;
    this.#change([...this.path, { dimension: this.level, member, label }]);
    return true;
  }

  /** Goes back up so that `depth` members stay open (0: the top level). */
  up(depth: number): void {
    if (depth < this.path.length) this.#change(this.path.slice(0, Math.max(0, depth)));
  }

  toggleMode(): void {
    this.mode = !this.mode;
    this.#host.requestUpdate();
  }

  /**
   * The drill keys on a focused mark: Backspace goes up a level; Shift+Enter drills into `mark` (in drill mode
   * Enter and Space do too) while there is a level below. True when the key was handled, so the chart's own keys (select, clear) do not run.
   */
  onKey(event: KeyboardEvent, mark: { member: Member | null; label: string } | undefined): boolean {
    if (event.key === 'Backspace' && this.path.length > 0) {
      this.up(this.path.length - 1);
    } else if (this.canDrill && (event.key === 'Enter' || event.key === ' ') && (event.shiftKey || this.mode)) {
      if (mark && mark.member !== null) this.down(mark.member, mark.label);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  }

  #change(path: readonly DrillStep[]): void {
    this.#path = path;
    this.#host.requestUpdate();
    this.#options.changed({ path, dimension: this.level });
  }
}
