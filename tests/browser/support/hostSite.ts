import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a page of the host site embeds: the widget's snippet attributes, and the page's own language. */
export interface Embed {
  readonly inbox: string;
  readonly lang?: string;
  readonly htmlLang?: string;
  readonly userId?: string;
  readonly hash?: string;
}

/**
 * A customer's website on another loopback origin (its own port), with the strict Content-Security-Policy a careful
 * site sends: no inline script or style, scripts and connections only to itself and Switchboard. `/page` embeds the
 * widget's snippet, `/frame` puts that page in an iframe; `/site.js` (the site's own script) records CSP violations
 * and the widget's host-API events in `window.__site` and queues calls before the widget loads (the snippet pattern).
 */
export class HostSite {
  private constructor(private readonly server: Server, readonly switchboard: string) {}

  get origin(): string { return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`; }

  /** The CSP the widget needs, documented in web/widget/README.md. */
  csp(): string {
    const sb = this.switchboard;
    return [`default-src 'none'`, `script-src 'self' ${sb}`, `connect-src ${sb} ${sb.replace(/^http/, 'ws')}`, `style-src 'self'`,
      `img-src ${sb} data:`, `frame-src 'self'`].join('; ');
  }

  static async start(switchboard: string): Promise<HostSite> {
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://host');
      const send = (type: string, body: string) => {
        response.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': site.csp(), 'Cache-Control': 'no-store' });
        response.end(body);
      };
      if (url.pathname === '/site.css') return send('text/css', 'body{font:16px system-ui;margin:40px;background:#fafaf7}');
      if (url.pathname === '/site.js') return send('text/javascript', siteScript);
      if (url.pathname === '/page') return send('text/html; charset=utf-8', page(switchboard, embedOf(url.searchParams)));
      if (url.pathname === '/frame') {
        const inner = `/page?${url.searchParams.toString()}`;
        return send('text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Framed</title><link rel="stylesheet" href="/site.css"></head><body><h1>A page with the shop in a frame</h1><iframe src="${escape(inner)}" title="Shop" width="900" height="600"></iframe></body></html>`);
      }
      response.writeHead(404).end();
    });
    const site = new HostSite(server, switchboard);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return site;
  }

  /** The URL of a page (or, with `frame`, a page in an iframe) that embeds the widget so. */
  url(embed: Embed, frame = false): string {
    const q = new URLSearchParams(Object.entries(embed).filter((e): e is [string, string] => typeof e[1] === 'string'));
    return `${this.origin}/${frame ? 'frame' : 'page'}?${q.toString()}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function embedOf(q: URLSearchParams): Embed {
  const get = (k: string) => q.get(k) ?? undefined;
  return { inbox: q.get('inbox') ?? '', ...pick({ lang: get('lang'), htmlLang: get('htmlLang'), userId: get('userId'), hash: get('hash') }) };
}

function pick(o: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined));
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function page(switchboard: string, e: Embed): string {
  const attrs = [`data-inbox="${escape(e.inbox)}"`, e.lang && `data-lang="${escape(e.lang)}"`,
    e.userId && `data-user-id="${escape(e.userId)}"`, e.hash && `data-user-hash="${escape(e.hash)}"`].filter(Boolean).join(' ');
  return `<!doctype html><html lang="${escape(e.htmlLang ?? 'en')}"><head><meta charset="utf-8"><title>Acme Shop</title>
<link rel="stylesheet" href="/site.css"><script src="/site.js"></script></head>
<body><h1>Acme Shop</h1><p>Another website, another origin.</p>
<script src="${switchboard}/widget.js" ${attrs} async></script></body></html>`;
}

// The host site's own script (script-src 'self'): the queue snippet, and a record of what happened.
const siteScript = `
window.__site = { violations: [], events: [] };
document.addEventListener('securitypolicyviolation', function (e) { window.__site.violations.push(e.violatedDirective + ' ' + e.blockedURI); });
window.Switchboard = window.Switchboard || { q: [] };
['ready', 'opened', 'closed', 'message', 'unread'].forEach(function (name) {
  window.Switchboard.q.push(['on', name, function (detail) { window.__site.events.push({ name: name, detail: detail === undefined ? null : detail }); }]);
});
`;
