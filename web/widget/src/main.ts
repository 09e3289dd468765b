// The widget's entry: <script src="https://chat.example.com/widget.js" data-inbox="TOKEN" async></script>
import { readConfig } from './config';
import { installHostApi } from './hostApi';
import { ChatWidget } from './widget';

// currentScript is only set while the script first runs: read the tag now, mount once the body exists.
const config = readConfig((document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[data-inbox]'));
const flag = '__switchboardWidget';

function mount(): void {
  const w = window as unknown as Record<string, unknown>;
  if (config === undefined || w[flag] !== undefined) return; // no token, or already embedded
  const widget = new ChatWidget(config);
  w[flag] = widget;
  document.body.append(widget.host);
  // The page's queued calls (identify, open, on) run before the session starts, so an identity is used from the start.
  widget.start(installHostApi(widget));
}

if (document.body !== null) mount();
else document.addEventListener('DOMContentLoaded', mount, { once: true });
