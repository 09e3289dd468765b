// What an alert does in the browser: a desktop notification, a chime (WebAudio, no sound file), the tab's title
// and a badge drawn onto the favicon.

const iconHref = '/app/favicon.svg';

/** Shows a desktop notification when the browser allows it; clicking it brings the tab and the conversation. */
export function showNotification(title: string, body: string, tag: string, onClick: () => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    const n = new Notification(title, { body, tag, icon: iconHref });
    n.onclick = () => { window.focus(); onClick(); n.close(); };
  } catch {
    // Some browsers allow notifications only from a service worker; the title and badge still tell.
  }
}

let audio: AudioContext | null = null;

/** Creates (or wakes) the audio context; call it from a user gesture, as browsers only start sound after one. */
export function unlockSound(): void {
  if (typeof AudioContext === 'undefined') return;
  audio ??= new AudioContext();
  void audio.resume().catch(() => undefined);
}

/** Two short soft notes, rising. */
export function playChime(): void {
  if (audio === null || audio.state !== 'running') return;
  const start = audio.currentTime + 0.01;
  for (const [i, freq] of [660, 990].entries()) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    const t = start + i * 0.14;
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.18, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.22);
    osc.connect(gain).connect(audio.destination);
    osc.start(t);
    osc.stop(t + 0.25);
  }
}

/** The favicon with a red count in its corner (canvas-drawn), or the plain icon when the count is 0. */
export function setFaviconBadge(count: number): void {
  const link = iconLink();
  if (count === 0) { link.href = iconHref; return; }
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 64;
  const g = canvas.getContext('2d');
  if (g === null) return;
  const gradient = g.createLinearGradient(0, 0, 64, 64);
  gradient.addColorStop(0, '#5b5bd6');
  gradient.addColorStop(1, '#8b5cf6');
  g.fillStyle = gradient;
  g.beginPath();
  g.roundRect(0, 0, 64, 64, 16);
  g.fill();
  g.fillStyle = '#fff';
  g.font = 'bold 40px Arial, sans-serif';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText('S', 26, 36);
  g.fillStyle = '#d64545';
  g.beginPath();
  g.arc(46, 18, 18, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = '#fff';
  g.font = `bold ${count > 9 ? 20 : 26}px Arial, sans-serif`;
  g.fillText(count > 9 ? '9+' : String(count), 46, 19);
  link.href = canvas.toDataURL('image/png');
}

function iconLink(): HTMLLinkElement {
  let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (link === null) {
    link = document.createElement('link');
    link.rel = 'icon';
    document.head.appendChild(link);
  }
  link.removeAttribute('type'); // the badge is a PNG, the plain icon an SVG: let the browser sniff
  return link;
}
