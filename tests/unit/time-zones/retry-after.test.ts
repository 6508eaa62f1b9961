import { afterEach, describe, expect, test } from 'vitest';
import { fetchDailyPapers, parseRetryAfter } from '../../../src/feed/client';

// A Retry-After HTTP-date is in GMT in all three forms HTTP allows (RFC 9110 §5.6.7: recipients
// must read them all, asctime's included, which names no zone): how long it asks to wait is the
// same for a reader in California, Tokyo or India as for one in London.

const NOW = Date.parse('2015-10-21T07:00:00Z');
const WAIT = 28 * 60_000;
// 07:28 GMT, 28 minutes after NOW, written in each form.
const HTTP_DATES = ['Wed, 21 Oct 2015 07:28:00 GMT', 'Wednesday, 21-Oct-15 07:28:00 GMT', 'Wed Oct 21 07:28:00 2015'];
const ZONES = ['America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata'];

const zoneBefore = process.env.TZ;
afterEach(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

describe.each(ZONES)('a reader in %s', (zone) => {
  test.each(HTTP_DATES)('Retry-After "%s" asks to wait 28 min', (date) => {
    process.env.TZ = zone;
    expect(parseRetryAfter(date, NOW)).toBe(WAIT);
  });

  test('the feed answering 429 with an asctime Retry-After is left alone for 28 min (not hours more, not none)', async () => {
    process.env.TZ = zone;
    const result = await fetchDailyPapers({
      fetch: () => Promise.resolve(new Response('', { status: 429, headers: { 'retry-after': HTTP_DATES[2]! } })),
      now: () => NOW,
    });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'rate-limited', retryAfterMs: WAIT } });
  });
});

test('an asctime date early in the month (its day padded with a space) is GMT too', () => {
  process.env.TZ = 'Asia/Tokyo';
  expect(parseRetryAfter('Thu Oct  1 07:28:00 2015', Date.parse('2015-10-01T07:00:00Z'))).toBe(WAIT);
});
