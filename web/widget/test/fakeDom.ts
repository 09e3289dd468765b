// Just enough of the DOM for the widget's element builders (dom.ts `h`) to run under node: elements with attributes,
// children, text, style, classes and listeners. Tests read what a browser's accessibility tree would be built from.

export class FakeElement {
  readonly attributes = new Map<string, string>();
  readonly children: (FakeElement | string)[] = [];
  readonly style: Record<string, string> = {};
  readonly listeners = new Map<string, () => void>();
  readonly classList = { add: (c: string): void => this.setAttribute('class', `${this.getAttribute('class') ?? ''} ${c}`.trim()) };
  /** Not in a document unless a test says so (a signed link is refreshed only while its element is shown). */
  isConnected = false;
  href = '';
  src = '';

  constructor(readonly tagName: string) {}

  setAttribute(name: string, value: string): void { this.attributes.set(name, String(value)); }
  getAttribute(name: string): string | null { return this.attributes.get(name) ?? null; }
  append(...nodes: (FakeElement | string)[]): void { this.children.push(...nodes); }
  addEventListener(type: string, listener: () => void): void { this.listeners.set(type, listener); }
  get firstChild(): FakeElement | string | undefined { return this.children[0]; }
  get textContent(): string { return this.children.map((c) => (typeof c === 'string' ? c : c.textContent)).join(''); }

  /** Only `[attr=value]` and tag names, which is what the code under test asks. */
  querySelector(selector: string): FakeElement | null {
    const m = /^\[(\w+)=(\w+)\]$/.exec(selector);
    for (const child of this.children) {
      if (typeof child === 'string') continue;
      if (m ? child.getAttribute(m[1]!) === m[2] : child.tagName === selector) return child;
      const inner = child.querySelector(selector);
      if (inner !== null) return inner;
    }
    return null;
  }
}

/** Installs the fake `document` (idempotent). */
export function installFakeDom(): void {
  (globalThis as unknown as { document: unknown }).document = { createElement: (tag: string) => new FakeElement(tag) };
}
