// A tiny element builder. Text always goes in as Text nodes (append/textContent), never as HTML.

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const key in attrs) el.setAttribute(key, attrs[key]!);
  for (const child of children) if (child) el.append(child);
  return el;
}

const svgNs = 'http://www.w3.org/2000/svg';

/** A decorative 24×24 icon from a static path (never user data). */
export function icon(path: string): SVGSVGElement {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const p = document.createElementNS(svgNs, 'path');
  p.setAttribute('d', path);
  svg.append(p);
  return svg;
}

export const icons = {
  chat: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
  close: 'M6 6l12 12M18 6L6 18',
  send: 'M3 11.5 21 3l-8.5 18-2.3-7.2z',
  minimize: 'M6 9l6 6 6-6',
  clip: 'M20 11.5l-8 8a5 5 0 0 1-7-7l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.4 8.4a1.7 1.7 0 0 1-2.4-2.4L15 7',
};

/** Shows or hides an element (hidden elements are out of the accessibility tree too). */
export function show(el: HTMLElement, visible: boolean): void {
  if (el.hidden === visible) el.hidden = !visible;
}

/** Sets text only when it changed, so screen readers and selection are not disturbed needlessly. */
export function setText(el: Node, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

export function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
