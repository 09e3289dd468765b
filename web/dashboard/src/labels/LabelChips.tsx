import type { CSSProperties } from 'react';
import { labelTextColour, type Label } from '@switchboard/client';

/**
 * A conversation's labels as coloured chips. The text colour is picked for contrast with the label's colour, so any
 * colour an admin chooses stays readable; the list is named so a screen reader says what the chips are.
 */
export function LabelChips({ labels, compact = false }: { readonly labels: readonly Label[]; readonly compact?: boolean }) {
  if (labels.length === 0) return null;
  return (
    // A group of spans, not a list: a conversation row is itself a listitem, and lists of its rows stay flat.
    <span className={`label-chips${compact ? ' label-chips-compact' : ''}`} role="group" aria-label="Labels">
      {labels.map((l) => (
        <span key={l.id} className="label-chip" title={l.description ?? l.name}
          style={{ '--label-bg': l.colour, '--label-fg': labelTextColour(l.colour) } as CSSProperties}>
          {l.name}
        </span>
      ))}
    </span>
  );
}
