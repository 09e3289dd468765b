// The widget's styles live in its shadow root: the page's CSS cannot reach in, and these cannot leak out. Sides are
// logical (inline-start/end), so `dir="rtl"` mirrors the layout; `--on` is the readable text colour on the accent.
export const styles = `
:host{all:initial;--a:#3b5bdb;--ink:#1f2430;--mute:#6b7280;--line:#e5e7eb;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink)}
*{box-sizing:border-box}
[hidden]{display:none!important}
button,input,textarea{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:2px solid var(--a);outline-offset:2px}
.launcher{position:fixed;inset-inline-end:20px;bottom:20px;z-index:2147483000;width:58px;height:58px;border:0;border-radius:50%;background:var(--a);color:var(--on,#fff);display:grid;place-items:center;box-shadow:0 6px 20px rgba(0,0,0,.22);transition:transform .15s}
.launcher.text:not(.open){width:auto;display:flex;gap:8px;align-items:center;padding-inline:16px 20px;border-radius:29px;font-weight:600}
:host([data-position=left]) .launcher,:host([data-position=left]) .panel{inset-inline-end:auto;inset-inline-start:20px}
.launcher:hover{transform:scale(1.06)}
.launcher svg{width:28px;height:28px;fill:currentColor}
.launcher.open svg{fill:none;stroke:currentColor;stroke-width:2.4;stroke-linecap:round}
.badge{position:absolute;top:-3px;inset-inline-end:-3px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:#e03131;color:#fff;font-size:12px;font-weight:700;line-height:22px;text-align:center;box-shadow:0 0 0 2px #fff}
.panel{outline:0;position:fixed;inset-inline-end:20px;bottom:92px;z-index:2147483000;width:372px;height:min(620px,calc(100vh - 116px));display:flex;flex-direction:column;background:#fff;border-radius:18px;overflow:hidden;box-shadow:0 16px 48px rgba(15,23,42,.22),0 2px 8px rgba(15,23,42,.08);animation:rise .18s ease-out}
@keyframes rise{from{opacity:0;transform:translateY(12px)}}
.hd{display:flex;align-items:center;gap:12px;padding-block:16px;padding-inline:18px 14px;background:linear-gradient(135deg,var(--a),color-mix(in srgb,var(--a) 85%,#000));color:var(--on,#fff)}
.avatar{width:38px;height:38px;border-radius:50%;background:rgba(255,255,255,.2);display:grid;place-items:center;font-weight:700;font-size:16px;flex:none;overflow:hidden}
.avatar img{width:100%;height:100%;object-fit:cover}
.title{flex:1;min-width:0}
h2{margin:0;font-size:16px;font-weight:650;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.sub{font-size:12.5px;opacity:.85}
.sub::before{content:"";display:inline-block;width:7px;height:7px;border-radius:50%;background:#51cf66;margin-inline-end:6px;vertical-align:1px}
.sub.off::before,.sub.away::before{background:#fcc419}
.sub.closed::before{background:#adb5bd}
.sub.down::before{background:#ff8787}
.ended .primary{display:block;width:100%;margin-top:10px}
.ended,.csat{margin:auto 14px 12px;padding:14px;border-radius:12px;background:var(--soft,#f1f3f5);text-align:center;font-size:13.5px}
.csat p{margin:0}.csat textarea{width:100%;margin:6px 0}.csat .primary{width:100%}.csat:not([hidden])+.ended{margin-top:0}
.star{border:0;background:none;font-size:26px;color:#ccc}.star[aria-pressed=true]{color:#f5a524}
.icon{width:34px;height:34px;border:0;border-radius:50%;background:transparent;color:inherit;display:grid;place-items:center}
.icon:hover{background:rgba(255,255,255,.15)}
.icon svg{width:22px;height:22px;fill:none;stroke:currentColor;stroke-width:2.2;stroke-linecap:round;stroke-linejoin:round}
.body{flex:1;min-height:0;display:flex;flex-direction:column;background:#f6f7f9}
.log{flex:1;overflow-y:auto;padding:16px 14px 8px;display:flex;flex-direction:column;gap:4px}
.hello{margin:4px auto 12px;max-width:85%;text-align:center;color:var(--mute);font-size:13px}
.msg{display:flex;flex-direction:column;max-width:82%;align-self:flex-start;animation:pop .14s ease-out}
@keyframes pop{from{opacity:0;transform:translateY(4px)}}
.msg.own{align-self:flex-end;align-items:flex-end}
.who{font-size:11.5px;color:var(--mute);margin:8px 10px 2px}
.bubble{padding:8px 12px;border-radius:16px;background:#fff;border:1px solid var(--line);white-space:pre-wrap;overflow-wrap:anywhere}
.own .bubble{background:var(--a);border-color:transparent;color:var(--on,#fff);border-end-end-radius:5px}
.msg:not(.own) .bubble{border-end-start-radius:5px}
.bot .bubble{background:color-mix(in srgb,var(--a) 8%,#fff);border-color:color-mix(in srgb,var(--a) 18%,#fff)}
.streaming .bubble::after{content:"▍";opacity:.5;animation:blink 1s steps(2) infinite}
@keyframes blink{50%{opacity:0}}
.system{align-self:center;max-width:90%;color:var(--mute);font-size:12px;text-align:center;margin:6px 0}
.system .bubble{background:none;border:0;padding:0}
.files{display:flex;flex-direction:column;gap:4px;align-items:inherit;margin:2px 0}
.pic{display:block;width:fit-content;border-radius:14px;overflow:hidden;background:var(--line)}.pic img{display:block;max-width:100%;height:auto;object-fit:cover}
.file{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;width:220px;max-width:100%}
.file a,.file b{flex-basis:100%;font-weight:600;color:inherit}.file small{flex-basis:100%}
[role=progressbar]{flex:1;height:4px;border-radius:2px;background:#8885}[role=progressbar] i{display:block;width:0;height:100%;border-radius:2px;background:currentColor;transition:width .2s}
.x{border:0;background:none;padding:0 4px;font-size:18px;line-height:1}
.clip{flex:none;color:var(--mute)}
.panel.drag::after{content:attr(data-drop);position:absolute;inset:8px;display:grid;place-items:center;border:2px dashed var(--a);border-radius:14px;background:#fffe;color:var(--a);font-weight:600;pointer-events:none}
.qr{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}.qr button{border:1px solid var(--a);border-radius:16px;padding:5px 12px;background:#fff;color:var(--a)}
.meta{display:flex;gap:6px;align-items:center;font-size:11px;color:var(--mute);margin:2px 4px 4px}
.st{letter-spacing:-2px;font-weight:700}
.st.read{color:var(--a)}
.st.failed{color:#e03131;letter-spacing:0}
.failed .bubble{background:#fff5f5;color:#c92a2a;border-color:#ffc9c9}
.retry{border:0;background:none;padding:0;color:#c92a2a;font-size:11px;font-weight:600;text-decoration:underline}
.indicator{align-self:flex-start;margin:2px 14px 8px;padding:9px 12px;border-radius:16px;border-end-start-radius:5px;background:#fff;border:1px solid var(--line);color:var(--mute);font-size:12.5px;display:flex;gap:8px;align-items:center}
.dots{display:inline-flex;gap:3px}
.dots i{width:6px;height:6px;border-radius:50%;background:#adb5bd;animation:bounce 1.2s infinite}
.dots i:nth-child(2){animation-delay:.15s}.dots i:nth-child(3){animation-delay:.3s}
@keyframes bounce{0%,60%,100%{transform:none;opacity:.5}30%{transform:translateY(-4px);opacity:1}}
.note{margin:0 14px 8px;padding:8px 12px;border-radius:10px;background:#fff4e6;color:#a75c00;font-size:12.5px}
.composer{display:flex;gap:8px;align-items:flex-end;padding:10px 10px 12px;padding-inline-start:14px;border-top:1px solid var(--line);background:#fff}
textarea:focus-visible{outline:0}
.composer:focus-within{box-shadow:inset 0 2px 0 var(--a)}
textarea{flex:1;resize:none;border:0;outline:0;max-height:120px;padding:8px 0;background:transparent;line-height:1.4}
.send{width:38px;height:38px;flex:none;border:0;border-radius:50%;background:var(--a);color:var(--on,#fff);display:grid;place-items:center}
:host([dir=rtl]) .send svg{transform:scaleX(-1)}
.send:disabled{opacity:.4;cursor:default}
.send svg{width:18px;height:18px;fill:currentColor}
form.intro{padding:22px 20px;display:flex;flex-direction:column;gap:12px;overflow-y:auto}
.intro p{margin:0 0 4px;color:var(--mute)}
.intro strong{display:block;font-size:17px;color:var(--ink);margin-bottom:4px}
label{display:flex;flex-direction:column;gap:4px;font-size:12.5px;font-weight:600;color:var(--mute)}
input,.csat textarea{border:1px solid var(--line);border-radius:10px;padding:10px 12px;background:#fff;font-weight:400}
input:focus,.csat textarea:focus{border-color:var(--a);outline:0;box-shadow:0 0 0 3px color-mix(in srgb,var(--a) 20%,transparent)}
.primary{border:0;border-radius:10px;padding:11px;background:var(--a);color:var(--on,#fff);font-weight:600}
.error{margin:0;color:#c92a2a;font-size:12.5px}
.leave{margin:0 14px 8px;padding:10px 12px;border-radius:10px;background:#fff;border:1px solid var(--line);font-size:12.5px}
.leave p{margin:0 0 6px;color:var(--mute)}
.leave div{display:flex;gap:6px}.leave input{flex:1;min-width:0;padding:7px 10px}.leave .primary{padding:7px 12px}
.link{border:0;background:none;color:var(--mute);text-decoration:underline;padding:4px}
.center{margin:auto;color:var(--mute);padding:24px;text-align:center}
@media (max-width:480px){.panel{inset:0;width:auto;height:auto;border-radius:0}.launcher.open{display:none}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}
`;

/**
 * Puts the styles into the shadow root as a constructable stylesheet: unlike a `<style>` element it is not subject to
 * the host page's `style-src`, so the widget works under `style-src 'self'` without 'unsafe-inline'.
 */
export function adoptStyles(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(styles);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style'); // browsers without constructable stylesheets
    style.textContent = styles;
    root.append(style);
  }
}
