// @vitest-environment happy-dom
import { renderHook } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { useDebouncedWrite } from '../../../src/ui/reading-list/pending-writes';

/** A write that lands when the test says so, as a message to a slow (or stopped and restarted) worker. */
function heldWrites() {
  const stored: string[] = [];
  const held: { value: string; land: () => void }[] = [];
  const write = (value: string) =>
    new Promise<void>((resolve) => {
      held.push({ value, land: () => (stored.push(value), resolve()) });
    });
  return { stored, held, write };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

test('a newer note is written after the one still on its way, never before it: the older cannot land last and put its text back', async () => {
  const { stored, held, write } = heldWrites();
  const { result } = renderHook(() => useDebouncedWrite(write, 500));
  result.current.schedule('first draft');
  const first = result.current.flush();
  await tick();
  result.current.schedule('first draft, and a second thought');
  const second = result.current.flush();
  await tick();
  // Only the first is on its way; the second waits for it.
  expect(held.map((write) => write.value)).toEqual(['first draft']);
  held[0]!.land();
  await first;
  await tick();
  expect(held.map((write) => write.value)).toEqual(['first draft', 'first draft, and a second thought']);
  held[1]!.land();
  await second;
  expect(stored).toEqual(['first draft', 'first draft, and a second thought']);
});

test('the page going away sends a waiting note at once, even behind one still on its way (it would go with the page)', async () => {
  const { held, write } = heldWrites();
  const { result } = renderHook(() => useDebouncedWrite(write, 500));
  result.current.schedule('first draft');
  void result.current.flush();
  await tick();
  result.current.schedule('last words');
  dispatchEvent(new Event('pagehide'));
  await tick();
  expect(held.map((write) => write.value)).toEqual(['first draft', 'last words']);
});
