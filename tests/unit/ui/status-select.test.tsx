// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Request } from '../../../src/schema';

const sent: Request[] = [];
let failWith: string | null = null;
vi.mock('../../../src/messaging/client', () => ({
  sendRequest: async (request: Request) => {
    sent.push(request);
    if (failWith !== null) throw new Error(failWith);
    return null;
  },
}));

const { StatusSelect } = await import('../../../src/ui/status-select');

afterEach(() => {
  cleanup();
  sent.length = 0;
  failWith = null;
});

describe('StatusSelect (popup and reading-list rows)', () => {
  test('choosing a status asks the store to set it for that paper', async () => {
    render(<StatusSelect id="2310.01779" status="to-read" label="Reading status of HallE-Switch" />);
    const select = screen.getByLabelText('Reading status of HallE-Switch') as HTMLSelectElement;
    expect(select.value).toBe('to-read');
    expect([...select.options].map((option) => option.text)).toEqual(['To read', 'Reading', 'Read']);
    fireEvent.change(select, { target: { value: 'read' } });
    await waitFor(() => expect(sent).toEqual([{ type: 'setStatusMany', ids: ['2310.01779'], status: 'read' }]));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a change the store refuses says why next to the select; the next try clears it', async () => {
    failWith = 'PaperLens could not open its store: QuotaExceededError';
    render(<StatusSelect id="2310.01779" status="reading" label="Reading status" />);
    fireEvent.change(screen.getByLabelText('Reading status'), { target: { value: 'read' } });
    expect((await screen.findByRole('alert')).textContent).toBe('Status not changed: PaperLens could not open its store: QuotaExceededError');
    failWith = null;
    fireEvent.change(screen.getByLabelText('Reading status'), { target: { value: 'to-read' } });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(sent.map((request) => request.type === 'setStatusMany' && request.status)).toEqual(['read', 'to-read']);
  });
});
