/**
 * Topic-tag report: `npx tsx scripts/topics-report.ts [--papers] [--scitldr file.jsonl …]`.
 * Prints the tags of every seed paper (with scores), the distribution of tags over the seeds and over
 * SciTLDR abstracts, how many tags papers get, and the time per abstract. `--papers` also lists the
 * tags of every SciTLDR paper, for reviewing false positives.
 */
import { performance } from 'node:perf_hooks';
import { TOPICS, topicScores, topicsFor } from '../src/summarize/topics';
import { DEFAULT_SCITLDR, scitldrPapers, seedPapers, type ReportPaper as Paper } from './report-papers';

function distribution(name: string, papers: Paper[]): void {
  const perTopic = new Map<string, number>(TOPICS.map((t) => [t, 0]));
  const perCount = [0, 0, 0, 0, 0, 0];
  for (const p of papers) {
    const topics = topicsFor(p.title, p.abstract);
    perCount[topics.length]!++;
    for (const t of topics) perTopic.set(t, perTopic.get(t)! + 1);
  }
  console.log(`\n${name}: ${papers.length} papers; papers by number of tags (0…5): ${perCount.join(' / ')}`);
  const rows = [...perTopic].sort((x, y) => y[1] - x[1]);
  for (const [topic, n] of rows) console.log(`  ${String(n).padStart(5)}  ${topic}`);
}

function timePerAbstract(papers: Paper[]): number {
  for (const p of papers.slice(0, 100)) topicsFor(p.title, p.abstract);
  const t0 = performance.now();
  for (const p of papers) topicsFor(p.title, p.abstract);
  return (performance.now() - t0) / Math.max(1, papers.length);
}

function main(): void {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const listPapers = args.includes('--papers');
  const files = args.filter((a) => a !== '--papers' && a !== '--scitldr');
  const seeds = seedPapers();
  const scitldr = scitldrPapers(files.length ? files : DEFAULT_SCITLDR);

  console.log('Seed papers (topic:score, strongest first):');
  for (const p of seeds) {
    const scores = topicScores(p.title, p.abstract);
    const tags = topicsFor(p.title, p.abstract).map((t) => `${t}:${scores[TOPICS.indexOf(t)]}`);
    console.log(`- ${p.title.slice(0, 90)}\n    ${tags.join(', ') || '(none)'}`);
  }
  if (listPapers) {
    console.log('\nSciTLDR papers:');
    for (const p of scitldr) console.log(`- ${p.title.slice(0, 90)} → ${topicsFor(p.title, p.abstract).join(', ') || '(none)'}`);
  }
  distribution('Seeds', seeds);
  distribution('SciTLDR', scitldr);
  console.log(`\ntopicsFor time per abstract: ${(1000 * timePerAbstract(scitldr)).toFixed(1)} µs (SciTLDR), ${(1000 * timePerAbstract(seeds)).toFixed(1)} µs (seeds)`);
}

main();
