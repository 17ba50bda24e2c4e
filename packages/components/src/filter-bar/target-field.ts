import { html, nothing, type TemplateResult } from 'lit';

/** What the profit target control shows. */
export interface TargetFieldState {
  /** The last valid target; the input is empty when there is none. */
  readonly value: number | undefined;
  /** Why the target set or typed last was refused; undefined when it was not. */
  readonly error: string | undefined;
  /** Whether to offer the control at all (a `target` is set, or `target-control`, and the extract has profit). */
  readonly offered: boolean;
  /** What the empty control stands for ("Last year": the profit chart's default target), if anything. */
  readonly placeholder?: string;
}

/**
 * The what-if profit target control and, after an invalid target, why it was refused: beside the control and
 * outside its label, so the control's name stays "Profit target %". The message alone when the control is not
 * offered. `typed` receives the input's text, which is '' both for an emptied control and for what a number input
 * cannot parse (`1e`): `unreadable` tells the second.
 */
export function targetField(
  { value, error, offered, placeholder }: TargetFieldState,
  typed: (text: string, unreadable: boolean) => void,
): TemplateResult | typeof nothing {
  const message =
    error === undefined
      ? nothing
      : html`<span part="target-error" id="target-error" class="target-error" role="alert">${error}</span>`;
  if (!offered) return message;
  return html`<label part="field" class="field"><span>Profit target %</span>
      <input part="target" name="target" type="number" step="0.5" min="-100" max="100"
        .value=${value === undefined ? '' : String(value)} placeholder=${placeholder ?? nothing} aria-invalid=${error === undefined ? nothing : 'true'}
        aria-describedby=${error === undefined ? nothing : 'target-error'}
        @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          typed(input.value, input.validity.badInput);
        }} /></label>${message}`;
}
