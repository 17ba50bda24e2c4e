import type { CSSResultGroup } from 'lit';

/** The text of every style sheet in `styles`, nested arrays flattened; `skip` leaves one shared sheet out. */
export function cssTexts(styles: CSSResultGroup | undefined, skip?: CSSResultGroup): string[] {
  if (!styles || styles === skip) return [];
  if (Array.isArray(styles)) return styles.flatMap((s) => cssTexts(s, skip));
  const text = 'cssText' in styles ? styles.cssText : '';
  return [skip && 'cssText' in skip ? text.replace(skip.cssText, '') : text];
}

/** Every `var(--atliq-…, fallback)` in `text`, as [property, fallback]. */
export function varFallbacks(text: string): [string, string][] {
  // The fallback runs to the var()'s closing parenthesis, counting the ones of rgb() inside it.
  return [...text.matchAll(/var\((--atliq-[\w-]+),\s*((?:[^()]|\([^()]*\))+)\)/g)].map((m) => [m[1]!, m[2]!.trim()]);
}
