import { describe, expect, test } from 'vitest';
import { parseImport } from '../../../src/export';
import { bareDoi } from '../../../src/export/references';

describe('a DOI as the reading list keeps it', () => {
  test.each([
    ['10.1000/xyz', '10.1000/xyz'],
    ['doi: 10.1000/xyz', '10.1000/xyz'],
    ['https://dx.doi.org/10.1000/xyz', '10.1000/xyz'],
    ['https://www.doi.org/10.1000/xyz', '10.1000/xyz'],
    ['doi.org/10.1000/xyz', '10.1000/xyz'],
    ['DOI: https://doi.org/10.1000/xyz', '10.1000/xyz'],
    ['https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-O', '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O'],
    ['10.1000/100%zz', '10.1000/100%zz'],
  ])('%s → %s', (input, expected) => {
    expect(bareDoi(input)).toBe(expected);
  });

  test("arXiv's own DOI, in any form, restates the id and is not kept", () => {
    for (const doi of ['10.48550/arXiv.1706.03762', 'https://doi.org/10.48550/arXiv.1706.03762', 'https://doi.org/10.48550%2FarXiv.1706.03762']) expect(bareDoi(doi)).toBeNull();
  });

  test('a RIS DO written as a www.doi.org URL is kept bare', () => {
    const text = ['TY  - JOUR', 'TI  - BERT', 'UR  - https://arxiv.org/abs/1810.04805', 'DO  - https://www.doi.org/10.18653/v1/N19-1423', 'ER  - ', ''].join('\n');
    expect(parseImport(text, 'x.ris').items[0]?.doi).toBe('10.18653/v1/N19-1423');
  });
});
