import type { Member } from '@atliq/sdk';
import type { PropertyDeclarations } from 'lit';
import { AtliqChart } from './atliq-chart.ts';
import { DRILL_HIERARCHY, type DrillStep, type Hierarchy } from './drill.ts';
import type { DrillController } from './drill-controller.ts';
import { focusMark } from './focus-mark.ts';
import { dimensionLabel } from './labels.ts';
import { onMarkKey } from './mark-keys.ts';

/** A mark as the skeleton needs it: the member it stands for (null for one that cannot be selected) and its text. */
export interface MemberMark {
  readonly member: Member | null;
  readonly label: string;
}

/** What a view calls on its marks (bars, list rows): the same four for every chart built on {@link AtliqMarkChart}. */
export interface MarkHandlers<T> {
  readonly key: (event: KeyboardEvent) => void;
  /** The pointer entered, or the focus reached, mark `index`. */
  readonly activate: (index: number) => void;
  readonly leave: () => void;
  readonly press: (mark: T) => void;
}

/**
 * The skeleton of a chart whose marks are members of one dimension (bars, list rows): drill-down below
 * {@link drillRoot} (click in drill mode, Shift+Enter, Backspace, the breadcrumb), selection (click, Enter or Space
 * toggles the member; Escape clears), one keyboard model over the marks in drawing order (arrows, Home, End) and the
 * active mark (focus or pointer: the tooltip's). A chart adds its attributes, its `queryTask` and its view.
 */
export class AtliqMarkChart extends AtliqChart {
  static override properties: PropertyDeclarations = {
    _active: { state: true },
  };

  /** Index of the mark that has the keyboard focus or the pointer (the tooltip's mark); -1 for none. */
  declare _active: number;

  /** The drill-down state; its `level` is the dimension the marks are members of. */
  protected readonly drill: DrillController = this.drillController(
    () => this.drillRoot(),
    () => {
      this._active = -1;
    },
    this.drillHierarchy(),
  );

  constructor() {
    super();
    this._active = -1;
  }

  /** The dimension shown before drilling (the chart's `by`). */
  protected drillRoot(): string {
    return 'market';
  }

  /** The levels the chart drills through. */
  protected drillHierarchy(): Hierarchy {
    return DRILL_HIERARCHY;
  }

  /** Resolves when the chart's data for the level shown has loaded (its data task's `taskComplete`). */
  protected loaded(): Promise<unknown> {
    return this.updateComplete;
  }

  /**
   * The members drilled into, top level first, e.g. `[{ dimension: 'market', member: 'Mumbai', label: 'Mumbai' }]`;
   * empty at the top. Settable (no event fires); steps that do not follow the hierarchy below `by` are dropped.
   */
  get drillPath(): readonly DrillStep[] {
    return this.drill.path;
  }

  set drillPath(path: readonly DrillStep[]) {
    this.drill.path = path;
  }

  /** The member this chart has selected (its clause of the cross-filter), if any. */
  get selected(): Member | undefined {
    return this.selectedMember(this.drill.level);
  }

  /** Click, Enter or Space on a mark: opens it in drill mode (while there is a level below), else selects it. */
  protected press(mark: MemberMark): void {
    if (mark.member === null) return;
    if (this.drill.mode && this.drill.down(mark.member, mark.label)) return;
    const level = this.drill.level;
    this.toggleMember(level, dimensionLabel(level), mark.member, mark.label);
  }

  /** The handlers a view binds to `marks` (in drawing order, which is also their `data-index`). */
  protected markHandlers<T>(marks: readonly T[], member: (mark: T) => MemberMark): MarkHandlers<T> {
    const press = (mark: T) => this.press(member(mark));
    return {
      key: (event) =>
        onMarkKey(event, marks, {
          drill: this.drill,
          active: this._active,
          member,
          press,
          clear: () => this.clearSelection(),
          move: (index, drilled) => {
            this._active = index;
            focusMark(this, index, drilled ? () => this.loaded() : undefined);
          },
        }),
      activate: (index) => {
        this._active = index;
      },
      leave: () => {
        this._active = -1;
      },
      press,
    };
  }
}
