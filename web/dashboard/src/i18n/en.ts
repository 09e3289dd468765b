// The dashboard's user-interface strings in English: one place, so a translation is one more file of this shape
// (`Messages`), picked in index.ts. Components read `t.<area>.<key>`; values with `{x}` are filled by `fill`.
export const en = {
  common: {
    loading: 'Loading…',
    saving: 'Saving…',
  },
  admin: {
    widget: {
      title: 'Widget',
      lead: 'How the website widget looks and behaves, where it may run, and when the team answers. The preview shows unsaved changes.',
      inbox: 'Widget inbox',
      noInbox: 'Create a website widget inbox first (Inboxes).',
      formLabel: 'Widget settings',
      teamName: 'Team name',
      color: 'Colour',
      position: 'Position',
      right: 'Bottom right (end of the line)',
      left: 'Bottom left (start of the line)',
      launcherText: 'Launcher text',
      avatarUrl: 'Avatar URL',
      language: 'Language',
      visitorLanguage: 'The visitor’s language',
      greeting: 'Greeting',
      preName: 'Pre-chat: name',
      preEmail: 'Pre-chat: email',
      identity: 'Identity verification',
      modes: { off: 'Off', optional: 'Optional', required: 'Required' },
      origins: 'Allowed origins (one per line; https://*.example.com for subdomains)',
      badOrigins: 'Not an origin',
      hours: 'Business hours',
      hoursEnabled: 'Answer only during business hours',
      timeZone: 'Time zone',
      workspaceTimeZone: 'The workspace’s time zone',
      days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
      opens: 'opens',
      closes: 'closes',
      holidays: 'Holidays (one date per line)',
      botOutsideHours: 'The bot answers outside business hours',
      save: 'Save widget settings',
      saved: 'Widget settings saved.',
      secretTitle: 'Identity verification secret',
      secretLead: 'Your server signs each signed-in user’s id with this secret; the widget passes the id and the hash. Rotating it invalidates the old one.',
      secretLabel: 'New identity secret',
      secretOnce: 'Copy it now: it is shown only once.',
      rotate: 'Rotate secret',
      rotateConfirm: 'Rotate the identity secret? Pages that use the old one stop verifying until your server uses the new one.',
    },
  },
};

/** The shape every translation has. */
export type Messages = typeof en;
