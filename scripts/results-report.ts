/**
 * Key-results report: `npx tsx scripts/results-report.ts [file.jsonl …]`. Prints every key-result
 * phrase of the seed papers and of SciTLDR abstracts (dev and train by default), a line each under
 * its paper, then the counts. Run it at two commits and `diff` the outputs to see what a change to
 * src/summarize/results.ts does to what cards show.
 */
import { extractKeyResults } from '../src/summarize/results';
import { DEFAULT_SCITLDR, scitldrPapers, seedPapers, type ReportPaper } from './report-papers';

function report(name: string, papers: ReportPaper[]): void {
  let phrases = 0;
  let withResults = 0;
  console.log(`== ${name}`);
  for (const paper of papers) {
    const results = extractKeyResults(paper.abstract);
    phrases += results.length;
    if (results.length > 0) withResults++;
    console.log(`# ${paper.title}`);
    for (const result of results) console.log(`  - ${result}`);
  }
  console.log(`== ${name}: ${papers.length} papers, ${withResults} with key results, ${phrases} phrases`);
}

const files = process.argv.slice(2).filter((arg) => arg !== '--');
report('Seeds', seedPapers());
report('SciTLDR', scitldrPapers(files.length ? files : DEFAULT_SCITLDR));
