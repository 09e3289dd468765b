import type { Csat } from '@switchboard/client';
import { h, setAttr, show } from './dom';
import { fill, type Strings } from './i18n/en';

/**
 * The rating card of a resolved conversation (CSAT): five stars, an optional comment, then a thank-you once the rating
 * is in the live store (the server's `csat.updated`, not the click). Stars rather than faces: the 1–5 scale the team
 * reads in the statistics, and a row of buttons a screen reader names "4 of 5".
 */
export class CsatCard {
  readonly el: HTMLFormElement;
  readonly #stars: HTMLButtonElement[];
  readonly #comment: HTMLTextAreaElement;
  readonly #send: HTMLButtonElement;
  readonly #thanks: HTMLParagraphElement;
  readonly #ask: HTMLDivElement;
  #rating = 0;

  constructor(t: Strings, rate: (rating: number, comment: string) => Promise<boolean>) {
    this.#stars = [1, 2, 3, 4, 5].map((n) => {
      const star = h('button', { type: 'button', class: 'star', 'aria-label': fill(t.rateStar, { n }), 'aria-pressed': 'false' }, '★');
      star.addEventListener('click', () => this.#pick(n));
      return star;
    });
    this.#comment = h('textarea', { 'aria-label': t.rateComment, placeholder: t.rateComment, rows: '2', maxlength: '1000' });
    this.#send = h('button', { type: 'submit', class: 'primary', disabled: '' }, t.rateSend);
    this.#ask = h('div', {}, h('p', {}, t.rateQuestion), h('div', {}, ...this.#stars), this.#comment, this.#send);
    this.#thanks = h('p', { role: 'status' }, t.rateThanks);
    this.el = h('form', { class: 'csat', 'aria-label': t.rateQuestion, hidden: '' }, this.#ask, this.#thanks);
    this.el.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#send.disabled = true;
      // A refusal or a lost network leaves the card as it was, to try again.
      void rate(this.#rating, this.#comment.value.trim()).then(() => { this.#send.disabled = false; });
    });
  }

  /** Shows the card for the conversation's newest request: asking while it is open, thanking once rated. */
  render(csat: Csat | undefined, resolved: boolean): void {
    const rated = csat?.rating != null;
    show(this.el, csat !== undefined && resolved && (rated || Date.parse(csat.changeableUntil) > Date.now()));
    show(this.#ask, !rated);
    show(this.#thanks, rated);
  }

  #pick(n: number): void {
    this.#rating = n;
    this.#stars.forEach((star, i) => setAttr(star, 'aria-pressed', String(i < n)));
    this.#send.disabled = false;
  }
}
