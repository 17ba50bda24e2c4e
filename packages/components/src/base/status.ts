import { css, html, type TemplateResult } from 'lit';

/** Shared look of the loading, empty and error states. */
export const statusStyles = css`
  .status {
    box-sizing: border-box;
    min-height: var(--atliq-status-min-height, 8rem);
    padding: 1rem;
    display: grid;
    place-content: center;
    gap: 0.25rem;
    text-align: center;
    color: var(--atliq-muted-color, #5b6472);
    font: inherit;
  }
  .status[data-state='error'] {
    color: var(--atliq-error-color, #a12622);
    text-align: start;
    place-content: center start;
  }
  .status strong {
    font-weight: 600;
  }
`;

/** The data is on its way: announced politely to screen readers. */
export const loadingView = (text: string): TemplateResult =>
  html`<div part="status" class="status" data-state="loading" role="status" aria-live="polite">${text}</div>`;

/** The query ran and found nothing: say so rather than draw an empty frame. */
export const emptyView = (text: string): TemplateResult =>
  html`<div part="status" class="status" data-state="empty" role="status">${text}</div>`;

/** What went wrong and what to do, as text (messages are never parsed as HTML). */
export const errorView = (title: string, message: string): TemplateResult =>
  html`<div part="status error" class="status" data-state="error" role="alert">
    <strong>${title}</strong><span>${message}</span>
  </div>`;

/**
 * The web server refused the extract to this reader (row-level security): an answer about their access, said
 * plainly, not an error to debug.
 */
export const forbiddenView = (message: string): TemplateResult =>
  html`<div part="status" class="status" data-state="forbidden" role="status">
    <strong>You do not have access to this data</strong><span class="reason">${message}</span>
  </div>`;

/** The extract cannot answer this (e.g. no profit columns): a fact about the source, not a failure. */
export const unavailableView = (title: string, message: string): TemplateResult =>
  html`<div part="status" class="status" data-state="unavailable" role="status">
    <strong>${title}</strong><span class="reason">${message}</span>
  </div>`;
