import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isTextField, shortcutFor, shortcuts, stepConversation } from './shortcuts.js';

const key = (k: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; isComposing: boolean }> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...extra });

describe('the shortcut table', () => {
  test('maps each documented key to its action', () => {
    assert.equal(shortcutFor(key('j'), false), 'nextConversation');
    assert.equal(shortcutFor(key('k'), false), 'previousConversation');
    assert.equal(shortcutFor(key('c'), false), 'claim');
    assert.equal(shortcutFor(key('e'), false), 'resolve');
    assert.equal(shortcutFor(key('s'), false), 'snooze');
    assert.equal(shortcutFor(key('r'), false), 'focusComposer');
    assert.equal(shortcutFor(key('/'), false), 'cannedReplies');
    assert.equal(shortcutFor(key('?'), false), 'help');
    assert.equal(shortcutFor(key('x'), false), null);
  });

  test('never acts while typing, except Escape', () => {
    for (const s of shortcuts.filter((s) => s.action !== 'escape')) assert.equal(shortcutFor(key(s.keys[0]!), true), null, s.action);
    assert.equal(shortcutFor(key('Escape'), true), 'escape');
  });

  test('leaves Ctrl, Cmd and Alt combinations and IME composition alone', () => {
    assert.equal(shortcutFor(key('j', { ctrlKey: true }), false), null);
    assert.equal(shortcutFor(key('r', { metaKey: true }), false), null);
    assert.equal(shortcutFor(key('e', { altKey: true }), false), null);
    assert.equal(shortcutFor(key('j', { isComposing: true }), false), null);
  });

  test('keys are unique, so one key never means two things', () => {
    const all = shortcuts.flatMap((s) => s.keys);
    assert.equal(new Set(all).size, all.length);
  });

  test('text fields are recognised, buttons and checkboxes are not', () => {
    assert.ok(isTextField({ tagName: 'TEXTAREA' }));
    assert.ok(isTextField({ tagName: 'INPUT', type: 'search' }));
    assert.ok(isTextField({ tagName: 'DIV', isContentEditable: true }));
    assert.ok(!isTextField({ tagName: 'INPUT', type: 'checkbox' }));
    assert.ok(!isTextField({ tagName: 'BUTTON' }));
    assert.ok(!isTextField(null));
  });

  test('next and previous walk the list and stop at its ends', () => {
    assert.equal(stepConversation([5, 7, 9], null, 1), 5);
    assert.equal(stepConversation([5, 7, 9], null, -1), 9);
    assert.equal(stepConversation([5, 7, 9], 7, 1), 9);
    assert.equal(stepConversation([5, 7, 9], 7, -1), 5);
    assert.equal(stepConversation([5, 7, 9], 9, 1), null);
    assert.equal(stepConversation([5, 7, 9], 42, 1), 5);
    assert.equal(stepConversation([], null, 1), null);
  });
});
