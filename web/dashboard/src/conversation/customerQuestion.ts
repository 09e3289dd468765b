/** What {@link customerQuestion} reads of a message (a MessageView has it). */
export interface QuestionCandidate {
  readonly senderRole: string;
  readonly text: string;
  readonly server: { readonly quickReplies?: readonly string[] } | null;
}

/** Short answers to the bot's own questions ("Did you mean this?"), which are not what the customer asked. */
const yesOrNo = /^\W*(yes|yeah|yep|yup|ok|okay|sure|correct|right|no|nope|nah|neither|none|wrong)\b\W*(please|thanks)?\W*$/i;

/**
 * The customer's last real question before the operator answered: not a tapped button (an option of a bot question
 * such as "No, talk to a person") and not a bare yes or no typed in answer to one.
 */
export function customerQuestion<M extends QuestionCandidate>(before: readonly M[]): M | undefined {
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i]!;
    if (m.senderRole !== 'customer') continue;
    const asked = before.slice(0, i).reverse().find((x) => x.senderRole !== 'customer');
    const options = asked?.server?.quickReplies ?? [];
    const answersBot = options.length > 0 && (options.some((o) => o.toLowerCase() === m.text.trim().toLowerCase()) || yesOrNo.test(m.text));
    if (!answersBot) return m;
  }
  return undefined;
}
