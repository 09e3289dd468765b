import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customerQuestion, type QuestionCandidate } from './customerQuestion.js';

const customer = (text: string): QuestionCandidate => ({ senderRole: 'customer', text, server: null });
const bot = (text: string, quickReplies?: readonly string[]): QuestionCandidate =>
  ({ senderRole: 'bot', text, server: quickReplies === undefined ? {} : { quickReplies } });
const suggestion = bot('Did you mean this?', ['How can I track my order?', 'No, talk to a person']);

describe('the question Teach the bot offers', () => {
  it('is the last customer message when the bot asked nothing', () => {
    assert.equal(customerQuestion([customer('hi'), bot('Hello!'), customer('do you sell gift cards')])?.text, 'do you sell gift cards');
  });

  it('skips a tapped button, so the question is the one the bot was unsure about', () => {
    const messages = [customer('wheres my parcel'), suggestion, customer('No, talk to a person'), bot('Let me get a human for you.')];
    assert.equal(customerQuestion(messages)?.text, 'wheres my parcel');
  });

  it('skips a typed yes or no in answer to a bot question, whatever its case and punctuation', () => {
    for (const answer of ['no', 'Nope.', 'no thanks', 'YES please!', 'neither'])
      assert.equal(customerQuestion([customer('wheres my parcel'), suggestion, customer(answer)])?.text, 'wheres my parcel', answer);
  });

  it('skips a position, both or neither typed in answer to "Which of these do you mean?"', () => {
    const which = bot('Which of these do you mean?', ['How can I track my order?', 'How do I change my delivery address?', 'No, talk to a person']);
    for (const answer of ['the second one', 'The first one please', '2', '#1', 'option 2.', 'no, the second one', 'I mean the latter', 'both', 'Both of them!', 'none of them'])
      assert.equal(customerQuestion([customer('where is my delivery'), which, customer(answer)])?.text, 'where is my delivery', answer);
    assert.equal(customerQuestion([customer('where is my delivery'), which, customer('the second hand jackets, do you sell them?')])?.text, 'the second hand jackets, do you sell them?');
  });

  it('keeps a new question typed after a bot question, and a yes or no the bot never asked for', () => {
    assert.equal(customerQuestion([customer('wheres my parcel'), suggestion, customer('actually, can I pay by invoice?')])?.text, 'actually, can I pay by invoice?');
    assert.equal(customerQuestion([customer('no'), bot('Hello!')])?.text, 'no');
  });

  it('is nothing when the customer only ever tapped buttons', () => {
    assert.equal(customerQuestion([suggestion, customer('How can I track my order?')]), undefined);
  });
});
