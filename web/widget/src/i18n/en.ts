// Every text the widget shows, in English: built into the bundle, and the list of keys every other language
// (the JSON files beside this one, loaded on demand) translates. `{x}` marks a value filled in at run time.
export const en = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  chat: 'Chat',
  minimize: 'Minimize chat',
  messages: 'Messages',
  message: 'Message',
  placeholder: 'Write a message…',
  send: 'Send',
  unread: '{n} unread',
  botTyping: 'Bot is typing…',
  typing: '{name} is typing…',
  support: 'Support',
  bot: 'Bot',
  retry: 'Retry',
  notSent: 'Not sent',
  tooLong: 'That message is too long to send.',
  notSentNote: 'That message could not be sent.',
  greeting: 'Hi! Ask us anything: we usually answer within minutes.',
  introTitle: 'Hi there!',
  introText: 'Tell us who you are, so we can follow up if you leave.',
  name: 'Name',
  email: 'Email',
  startChat: 'Start chat',
  skip: 'Skip',
  nameRequired: 'Please enter your name.',
  emailInvalid: 'Please enter a valid email address.',
  online: 'We typically reply in a few minutes',
  away: 'No one is online right now — leave your email and we’ll answer by email',
  closed: 'We’re back {day} at {time}',
  closedNoDate: 'We’re closed right now — leave your email and we’ll answer by email',
  today: 'today',
  tomorrow: 'tomorrow',
  botMeanwhile: 'Our bot can help in the meantime.',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  hereToHelp: 'We are here to help',
  emailPrompt: 'Leave your email and we’ll answer by email.',
  emailSave: 'Notify me',
  emailSaved: 'Thanks! We’ll answer at {email}.',
  unavailable: 'Chat is not available on this site right now.',
  originRefused: 'Chat is not available on this website.',
  identityRequired: 'Please sign in to chat with us.',
  offline: 'We can’t reach the chat right now. We’ll keep trying…',
  offlineQueued: 'You are offline. Messages are sent when you are back.',
  reconnectingQueued: 'Reconnecting… Messages are sent when connected.',
  resolved: 'This conversation was resolved.',
  startAgain: 'Start a new conversation',
};

export type Strings = Readonly<Record<keyof typeof en, string>>;

/** Fills `{name}` placeholders. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));
}
