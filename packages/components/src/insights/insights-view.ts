import { html, nothing, type TemplateResult } from 'lit';
import type { CurrencyFormats } from '../base/format.ts';
import type { Insight } from './insight.ts';
import type { Insights } from './insights-query.ts';
import { picture } from './pictures.ts';

export interface InsightHandlers {
  readonly select: (insight: Insight, event: Event) => void;
  readonly copy: (sql: string) => void;
  readonly selected: (insight: Insight) => boolean;
}

/** "Show the math": the method, the numbers and the SQL that reproduces them. */
function math(insight: Insight, on: InsightHandlers): TemplateResult {
  const { method, numbers, sql } = insight.math;
  return html`<details part="math" @click=${(e: Event) => e.stopPropagation()} @keydown=${(e: Event) => e.stopPropagation()}>
    <summary>Show the math</summary>
    <p>${method}</p>
    ${numbers.length ? html`<table><tbody>${numbers.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}</tbody></table>` : nothing}
    ${sql.map((s) => html`<pre part="sql">${s}</pre><button type="button" part="copy" @click=${() => on.copy(s)}>Copy SQL</button>`)}
  </details>`;
}

function item(
  insight: Insight,
  index: number,
  money: CurrencyFormats,
  locale: string,
  on: InsightHandlers,
): TemplateResult {
  const selectable = insight.select !== undefined;
  return html`<li part=${index === 0 ? 'insight headline' : 'insight'} class="insight ${index === 0 ? 'headline' : ''}"
    data-kind=${insight.kind} data-tone=${insight.tone} tabindex=${selectable ? 0 : nothing}
    role=${selectable ? 'button' : nothing} aria-pressed=${selectable ? String(on.selected(insight)) : nothing}
    @click=${(e: Event) => on.select(insight, e)}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        on.select(insight, e);
      }
    }}>
    <p part="text" class="text">${insight.text}</p>
    <div class="meta"><span part="basis">${insight.basis}</span>
      ${insight.confidence ? html`<span part="confidence" class="confidence">${insight.confidence}</span>` : nothing}</div>
    ${picture(insight, money, locale)}
    ${math(insight, on)}
  </li>`;
}

/** The insights, most important first (the first one as the headline), then the caveats that limit them. */
export function insightsView(data: Insights, money: CurrencyFormats, on: InsightHandlers): TemplateResult {
  const caveats = data.caveats.length
    ? html`<ul part="caveats" class="caveats">${data.caveats.map((c) => html`<li data-kind="caveat">${c.text}</li>`)}</ul>`
    : nothing;
  if (data.items.length === 0) {
    return html`<p part="nothing" class="text" role="status">Nothing unusual in this period.</p>
      <p part="basis" class="basis">${data.basis}</p>${caveats}`;
  }
  const pending = data.pending ? html`<p part="pending" class="pending" role="status">${data.pending}</p>` : nothing;
  return html`<p part="basis" class="basis">${data.basis}</p>
    <ol part="list">${data.items.map((insight, i) => item(insight, i, money, data.money.locale, on))}</ol>${pending}${caveats}`;
}
