// The offscreen document through which Chrome's service worker builds a large search index in a
// worker (src/search/snapshot-offscreen.ts).
import { relayJobsToWorkers } from '../../src/search/snapshot-worker';

relayJobsToWorkers();
