/** One request a page sent through the test query service's front (service-plugin.ts), as the front saw it. */
export interface ServiceRequest {
  readonly method: string;
  readonly path: string;
  readonly range: string | null;
}

/** The zone the test query service scopes a reader whose name starts with `north` to. */
export const NORTH = 'North';
