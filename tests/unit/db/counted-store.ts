import type { DBCoreTable } from 'dexie';
import { PaperLensDatabase } from '../../../src/db/database';
import type { Paper } from '../../../src/schema';

/**
 * A store named `name` holding `papers` `copies` times over under new ids (26CC.IIIII), counting
 * the paper blocks read from it: what a related-papers pass tokenizes again.
 */
export async function countedStore(name: string, papers: Paper[], copies: number): Promise<{ db: PaperLensDatabase; blocksRead: () => number }> {
  const db = new PaperLensDatabase(name);
  let read = 0;
  db.use({
    stack: 'dbcore',
    name: 'count-paper-blocks',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        if (tableName !== 'paperBlocks') return table;
        const counting: DBCoreTable = {
          ...table,
          getMany: (request) => table.getMany(request).then((rows) => ((read += rows.filter((row) => row !== undefined).length), rows)),
          query: (request) => table.query(request).then((response) => ((read += request.values ? response.result.length : 0), response)),
        };
        return counting;
      },
    }),
  });
  await db.papers.bulkPut(Array.from({ length: copies }, (_, copy) => papers.map((paper, index) => ({ ...paper, id: `26${String(copy).padStart(2, '0')}.${String(index).padStart(5, '0')}` }))).flat());
  return { db, blocksRead: () => read };
}
