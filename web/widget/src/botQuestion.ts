// The bot's questions with buttons ("Which of these do you mean?"): the server lists the options in the text too, one
// "• option" line each, for clients that show no buttons or cut them short (WhatsApp's button titles hold 20 characters).

/** `text` without its lines that list one of `options` ("• option"), as the server writes a question with buttons. */
export function withoutListedOptions(text: string, options: readonly string[]): string {
  if (options.length === 0) return text;
  const listed = new Set(options.map((o) => `• ${o}`));
  return text.split('\n').filter((line) => !listed.has(line.trim())).join('\n').trimEnd();
}
