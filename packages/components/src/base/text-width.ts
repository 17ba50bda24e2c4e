let context: OffscreenCanvasRenderingContext2D | null | undefined;

/**
 * Width in CSS pixels of `text` drawn in `font` (a CSS font shorthand), so charts can reserve exactly the room
 * their labels need. Measured on one shared offscreen canvas: no layout, no reflow.
 */
export function textWidth(text: string, font: string): number {
  context ??= new OffscreenCanvas(1, 1).getContext('2d');
  // A canvas without a 2D context (rare, e.g. some privacy modes): fall back to a generous average glyph width.
  if (!context) return text.length * 8;
  context.font = font;
  return context.measureText(text).width;
}

/**
 * Where a tooltip starts: just after `x` (the end of what it must not hide), moved left as far as needed (never
 * past 0) to stay inside `width`. 20 px is the tooltip's horizontal padding with some room to spare.
 */
export function tooltipLeft(x: number, text: string, font: string, width: number): number {
  return Math.max(0, Math.min(x + 6, width - textWidth(text, font) - 20));
}
