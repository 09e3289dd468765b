import { useLive } from '../live/LiveContext.js';
import { Page } from '../ui/Page.js';
import { CannedRepliesManager } from './CannedRepliesManager.js';

/** Every member's page for canned replies: their own to write, the team's to read (admins write those on the admin page). */
export function RepliesPage() {
  const { isAdmin } = useLive();
  return (
    <Page title="Canned replies" lead="Type / in a conversation's message box to insert one; placeholders are filled in before you send.">
      <section className="card admin-section" aria-labelledby="my-replies-title">
        <div className="section-head">
          <h2 id="my-replies-title">My canned replies</h2>
          <p className="muted">Only you see and use these.</p>
        </div>
        <CannedRepliesManager scope="personal" />
      </section>
      <section className="card admin-section" aria-labelledby="team-replies-title">
        <div className="section-head">
          <h2 id="team-replies-title">Team canned replies</h2>
          <p className="muted">{isAdmin ? 'Every member uses these; you can change them here or on the admin page.' : 'Every member uses these; admins change them.'}</p>
        </div>
        <CannedRepliesManager scope="workspace" />
      </section>
    </Page>
  );
}
