import { CannedRepliesManager } from './CannedRepliesManager.js';

/** The admin page's section: the workspace's canned replies, which every member uses. */
export function CannedRepliesSection() {
  return (
    <section id="canned-replies" className="card admin-section" aria-labelledby="canned-replies-title">
      <div className="section-head">
        <h2 id="canned-replies-title">Canned replies</h2>
        <p className="muted">Answers every member inserts by typing / and the short code in a conversation.</p>
      </div>
      <CannedRepliesManager scope="workspace" />
    </section>
  );
}
