/** Detail of `atliq-error`: what went wrong, in words for people, and the original error for code. */
export interface AtliqErrorDetail {
  readonly message: string;
  readonly error: unknown;
}

/** Every event an `<atliq-*>` element fires, by type, with its detail. */
export interface AtliqEventMap {
  'atliq-error': AtliqErrorDetail;
}

declare global {
  interface HTMLElementEventMap {
    /** A component could not load or show its data. Bubbles out of shadow roots. */
    'atliq-error': CustomEvent<AtliqErrorDetail>;
  }
}
