import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpError, TransportError } from '../../../client/src/api/httpError.js';
import { loginError } from './loginError.js';

const limited = (seconds: number | null) => loginError(new HttpError(429, 'rate_limited', null, seconds));

test('a refused sign-in says how long to wait, as the server said, rounded up', () => {
  assert.equal(limited(1), 'Too many attempts. Try again in 1 second.');
  assert.equal(limited(8), 'Too many attempts. Try again in 8 seconds.');
  assert.equal(limited(0.2), 'Too many attempts. Try again in 1 second.');
  assert.equal(limited(60), 'Too many attempts. Try again in 1 minute.');
  assert.equal(limited(61), 'Too many attempts. Try again in 2 minutes.');
  assert.equal(limited(900), 'Too many attempts. Try again in 15 minutes.');
  assert.equal(limited(null), 'Too many attempts. Wait a minute and try again.');
});

test('the other failures keep their words', () => {
  assert.equal(loginError(new HttpError(401, 'invalid_credentials', null)), 'Wrong email or password.');
  assert.equal(loginError(new HttpError(403, 'member_inactive', null)), 'This account is deactivated.');
  assert.equal(loginError(new HttpError(500, 'http_500', null)), 'Sign-in failed (http_500).');
  assert.equal(loginError(new TransportError('down', false)), 'The server cannot be reached. Check your connection and try again.');
});
