/** What {@link customerQuestion} reads of a message (a MessageView has it). */
export interface QuestionCandidate {
  readonly senderRole: string;
  readonly text: string;
  readonly server: { readonly quickReplies?: readonly string[] } | null;
}

/**
 * Short answers to the bot's own questions, which are not what the customer asked: yes or no ("Did you mean this?"),
 * neither or both, and a position ("the second one", "option 1") after "Which of these do you mean?".
 */
const shortAnswer = new RegExp(
  '^\\W*(?:' +
    '(?:yes|yeah|yep|yup|ok|okay|sure|correct|right|no|nope|nah|neither|none|wrong|both|all)(?:\\s+of\\s+(?:them|these))?' +
    '|(?:no\\W+)?(?:i\\s+mean\\s+)?(?:the\\s+)?(?:option\\s+|number\\s+|#)?(?:1|2|1st|2nd|first|second|top|bottom|last|upper|lower|former|latter)(?:\\s+one)?' +
    ')\\b\\W*(?:please|thanks)?\\W*$',
  'i',
);

/**
 * The customer's last real question before the operator answered: not a tapped button (an option of a bot question
 * such as "No, talk to a person") and not a short answer typed to one (yes, no, both, "the second one").
 */
export function customerQuestion<M extends QuestionCandidate>(before: readonly M[]): M | undefined {
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i]!;
    if (m.senderRole !== 'customer') continue;
    const asked = before.slice(0, i).reverse().find((x) => x.senderRole !== 'customer');
    const options = asked?.server?.quickReplies ?? [];
    const answersBot = options.length > 0 && (options.some((o) => o.toLowerCase() === m.text.trim().toLowerCase()) || shortAnswer.test(m.text));
    if (!answersBot) return m;
  }
  return undefined;
}
