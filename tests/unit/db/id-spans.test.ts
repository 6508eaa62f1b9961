import { describe, expect, test } from 'vitest';
import { idSpans, MAX_GAP } from '../../../src/db/id-spans';

describe('key ranges of a listing', () => {
  test('ids of one month close together share a range; a wider gap, another month or an old-style id starts one', () => {
    const near = `2407.${String(10_000 + MAX_GAP).padStart(5, '0')}`;
    const far = `2407.${String(10_000 + 2 * MAX_GAP + 1).padStart(5, '0')}`;
    expect(idSpans(['2407.10000', '2407.10001', near, far, '2408.00001', 'hep-th/9901001', 'hep-th/9901002'])).toEqual([
      ['2407.10000', near],
      [far, far],
      ['2408.00001', '2408.00001'],
      ['hep-th/9901001', 'hep-th/9901001'],
      ['hep-th/9901002', 'hep-th/9901002'],
    ]);
  });

  test('four-digit months (before 2015) join by number too, as their keys sort', () => {
    expect(idSpans(['0704.0001', '0704.0008', '0704.0100', '1412.9999', '1501.00000'])).toEqual([
      ['0704.0001', '0704.0008'],
      ['0704.0100', '0704.0100'],
      ['1412.9999', '1412.9999'],
      ['1501.00000', '1501.00000'],
    ]);
  });

  test('no ids, no ranges', () => {
    expect(idSpans([])).toEqual([]);
  });
});
