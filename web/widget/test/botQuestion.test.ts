import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withoutListedOptions } from '../src/botQuestion.js';

// The bot's question with buttons: while the buttons show, its text leaves out the options it lists for clients without them.

const asked = 'Which of these do you mean?\n• How can I track my order?\n• How do I change my delivery address?\n• No, talk to a person';
const options = ['How can I track my order?', 'How do I change my delivery address?', 'No, talk to a person'];

test('the listed options leave the text while buttons show them', () => {
  assert.equal(withoutListedOptions(asked, options), 'Which of these do you mean?');
});

test('without buttons (an older message) the text is whole', () => {
  assert.equal(withoutListedOptions(asked, []), asked);
});

test('only lines that are exactly a listed option go: a bullet the bot wrote itself stays', () => {
  const answer = 'You can pay with:\n• card\n• PayPal';
  assert.equal(withoutListedOptions(answer, ['card and PayPal']), answer);
  assert.equal(withoutListedOptions('Did you mean this?\n• A\n• B', ['A']), 'Did you mean this?\n• B');
});
