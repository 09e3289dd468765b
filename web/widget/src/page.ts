/**
 * Calls `report` whenever the host page navigates: a full load is the session's start; a single-page app's route
 * change is `history.pushState`, the back and forward buttons (`popstate`) or a hash change. The call waits a task,
 * so a router that sets the title right after pushState is reported with its new title.
 */
export function watchPage(report: () => void): void {
  const later = (): void => { setTimeout(report, 0); };
  const push = history.pushState;
  history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
    push.apply(this, args);
    later();
  };
  addEventListener('popstate', later);
  addEventListener('hashchange', later);
}

/** Where the visitor is: the page, its title, the browser's language and time zone (the server accepts http(s) pages only). */
export function currentPage(): { url: string; title: string; language: string; timeZone: string } {
  return { url: location.href, title: document.title, language: navigator.language, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
}
