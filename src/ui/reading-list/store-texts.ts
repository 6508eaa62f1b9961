import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PaperLensDatabase } from '../../db/database';
import { savedPapersText } from '../../db/reading-list';
import { prepareStoreSearchWhenIdle, type StoreTexts } from './query';

/** The saved papers' store texts, and whether some are being read or their search made. */
export interface StoreTextsState {
  texts: StoreTexts | undefined;
  reading: boolean;
}

/**
 * The abstract, topics and abstract's names the store holds of the saved papers `ids` (null while the list is read),
 * read once `wanted` (a search is typed), then for papers saved since: not a live query, which read
 * the blocks of every saved paper again at each write a feed refresh or the arXiv completion made
 * near one. Given once their search is made, while the page is idle; a paper no longer listed leaves
 * them. Undefined until then.
 */
export function useStoreTexts(db: PaperLensDatabase, ids: readonly string[] | null, wanted: boolean): StoreTextsState {
  const [texts, setTexts] = useState<StoreTexts | undefined>(undefined);
  const [reading, setReading] = useState(false);
  const [failed, setFailed] = useState(false);
  // The ids read (those the store does not hold too: they are not asked again).
  const asked = useRef(new Set<string>());
  const idsKey = useMemo(() => ids?.join(' ') ?? null, [ids]);
  useEffect(() => {
    if (!wanted || ids === null) return;
    const listed = new Set(ids);
    for (const id of asked.current) if (!listed.has(id)) asked.current.delete(id);
    const fresh = ids.filter((id) => !asked.current.has(id));
    const gone = texts !== undefined && [...texts.keys()].some((id) => !listed.has(id));
    if (fresh.length === 0 && !gone && texts !== undefined) return;
    let stop = () => undefined as void;
    let stopped = false;
    setReading(true);
    savedPapersText(db, fresh).then(
      (read) => {
        if (stopped) return;
        const next = new Map([...[...(texts ?? [])].filter(([id]) => listed.has(id)), ...read]);
        stop = prepareStoreSearchWhenIdle(next, () => {
          for (const id of fresh) asked.current.add(id);
          setTexts(next);
          setReading(false);
        });
      },
      // Unread, the search goes on by the papers' own fields.
      () => {
        if (stopped) return;
        setReading(false);
        setFailed(true);
      },
    );
    return () => {
      stopped = true;
      stop();
      // A run that reads says so again at once; one that has nothing to read would leave it said for good (review).
      setReading(false);
    };
  }, [wanted, idsKey]);
  // Wanted and not read yet is reading too: the effect starting the read runs after the first
  // search's paint, which said "No saved paper matches" for a frame (review).
  return { texts, reading: reading || (wanted && ids !== null && texts === undefined && !failed) };
}
