import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customChange, defaultCustomValue, markerLabel, presetChange, snoozeLabel } from './snoozeTimes.js';

// The presets are local times: these tests build their expectations with the same local calendar, so they hold in
// any time zone the test machine runs in.

describe('snooze presets', () => {
  const wednesday = new Date(2026, 2, 4, 15, 20); // Wednesday 4 March 2026, 15:20 local

  it('in one hour, tomorrow at 9:00 and next Monday at 9:00, local time', () => {
    assert.deepEqual(presetChange('oneHour', wednesday), { until: new Date(wednesday.getTime() + 3600_000).toISOString() });
    assert.deepEqual(presetChange('tomorrow', wednesday), { until: new Date(2026, 2, 5, 9, 0).toISOString() });
    assert.deepEqual(presetChange('nextWeek', wednesday), { until: new Date(2026, 2, 9, 9, 0).toISOString() });
    assert.deepEqual(presetChange('untilReply', wednesday), { untilReply: true });
  });

  it('next week from a Monday is the Monday after, not today', () => {
    const monday = new Date(2026, 2, 9, 8, 0);
    assert.deepEqual(presetChange('nextWeek', monday), { until: new Date(2026, 2, 16, 9, 0).toISOString() });
  });

  it('a custom time must be in the future and at most a year ahead', () => {
    assert.deepEqual(customChange('2026-03-04T18:00', wednesday), { until: new Date(2026, 2, 4, 18, 0).toISOString() });
    assert.equal(customChange('2026-03-04T15:00', wednesday), null);
    assert.equal(customChange('2027-03-05T15:00', wednesday), null);
    assert.equal(customChange('', wednesday), null);
    assert.equal(defaultCustomValue(wednesday), '2026-03-04T16:20');
  });
});

describe('snooze labels', () => {
  it('say until when it sleeps, and why it woke', () => {
    const now = new Date(2026, 2, 4, 15, 20);
    assert.equal(snoozeLabel({ snoozedUntil: null, snoozeUntilReply: false }, now), null);
    assert.equal(snoozeLabel({ snoozedUntil: null, snoozeUntilReply: true }, now), 'Snoozed until the customer replies');
    assert.match(snoozeLabel({ snoozedUntil: new Date(2026, 2, 4, 17, 0).toISOString(), snoozeUntilReply: false }, now) ?? '', /^Snoozed until \d/);
    assert.equal(markerLabel({ wakeReason: 'customer_replied' }), 'Customer replied while snoozed');
    assert.equal(markerLabel({ wakeReason: 'snooze_ended' }), 'Snooze ended');
    assert.equal(markerLabel({ wakeReason: null }), null);
  });
});
