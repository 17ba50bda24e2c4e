/** Where a painted element's page coordinates start on the canvas (the image's top-left corner on the page). */
export interface Origin {
  readonly left: number;
  readonly top: number;
}

const TRANSPARENT = new Set(['transparent', 'rgba(0, 0, 0, 0)']);

/** The canvas font for a computed style. */
// Not the `font` shorthand: it reads as '' when a longhand has no shorthand form, and canvas ignores ''.
const fontOf = (style: CSSStyleDeclaration) =>
  `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;

/** The opacity `el` is seen with: its own times each ancestor's, up to and including `root`. */
function opacityOf(el: Element, root: Element): number {
  let alpha = 1;
  for (let e: Element | null = el; e; e = e === root ? null : e.parentElement) {
    alpha *= Number(getComputedStyle(e).opacity);
  }
  return alpha;
}

/** `node`'s words grouped by the line they sit on, as laid out: each line's text (spaces collapsed) and its box. */
function lines(node: Text): { text: string; box: DOMRect }[] {
  const range = document.createRange();
  const found: { text: string; box: DOMRect }[] = [];
  let start = -1;
  let end = -1;
  let top = 0;
  const close = () => {
    if (start < 0) return;
    range.setStart(node, start);
    range.setEnd(node, end);
    found.push({ text: node.data.slice(start, end).replace(/\s+/g, ' '), box: range.getBoundingClientRect() });
  };
  for (const word of node.data.matchAll(/\S+/g)) {
    range.setStart(node, word.index);
    range.setEnd(node, word.index + word[0].length);
    const wordTop = range.getBoundingClientRect().top;
    if (start >= 0 && Math.abs(wordTop - top) > 1) {
      close();
      start = -1;
    }
    if (start < 0) [start, top] = [word.index, wordTop];
    end = word.index + word[0].length;
  }
  close();
  return found.filter((line) => line.box.width > 0);
}

/** Generated text before `el` (`::before { content: '›' }`, the breadcrumb's separators), at the start of its box. */
function paintBefore(context: CanvasRenderingContext2D, el: Element, origin: Origin): void {
  const before = getComputedStyle(el, '::before');
  const content = /^"(.*)"$/.exec(before.content)?.[1];
  const box = el.getClientRects()[0];
  if (!content || !box) return;
  context.font = fontOf(before);
  context.fillStyle = before.color;
  context.fillText(
    content,
    box.left - origin.left + Number.parseFloat(before.paddingLeft),
    box.top - origin.top + box.height / 2,
  );
}

/**
 * Paints the HTML `root` as the page laid it out, onto `context` (in CSS pixels, `origin` at its top-left): each
 * element's background and top rule (the legend's line keys), then every line of text, in its computed font and
 * colour and at its opacity. Canvas cannot draw HTML: this covers what the charts' HTML parts use — boxes, rules
 * and text — not images, gradients or shadows.
 */
export function paintHtml(context: CanvasRenderingContext2D, root: Element, origin: Origin): void {
  context.save();
  context.textBaseline = 'middle';
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (style.visibility !== 'visible' || box.width === 0) continue;
    context.globalAlpha = opacityOf(el, root);
    const [x, y] = [box.left - origin.left, box.top - origin.top];
    if (!TRANSPARENT.has(style.backgroundColor)) {
      context.fillStyle = style.backgroundColor;
      context.fillRect(x, y, box.width, box.height);
    }
    const rule = Number.parseFloat(style.borderTopWidth);
    if (rule > 0 && (style.borderTopStyle === 'solid' || style.borderTopStyle === 'dashed')) {
      context.strokeStyle = style.borderTopColor;
      context.lineWidth = rule;
      context.setLineDash(style.borderTopStyle === 'dashed' ? [2 * rule, 2 * rule] : []);
      context.beginPath();
      context.moveTo(x, y + rule / 2);
      context.lineTo(x + box.width, y + rule / 2);
      context.stroke();
    }
    paintBefore(context, el, origin);
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent) continue;
    const style = getComputedStyle(parent);
    if (style.visibility !== 'visible') continue;
    context.font = fontOf(style);
    context.fillStyle = style.color;
    context.globalAlpha = opacityOf(parent, root);
    // Text its box clips (a name cut with an ellipsis on screen) is narrowed to the box's width here.
    const clip = style.overflowX === 'visible' ? undefined : parent.clientWidth || undefined;
    for (const { text, box } of lines(node)) {
      context.fillText(text, box.left - origin.left, box.top - origin.top + box.height / 2, clip);
    }
  }
  context.restore();
}
