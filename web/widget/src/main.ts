// The widget's entry: the build pipeline and size budget are in place; the widget itself is issue 7's work.
const script = document.currentScript as HTMLScriptElement | null;
export const inboxToken = script?.dataset['inbox'] ?? '';
