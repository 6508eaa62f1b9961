import { useState } from 'preact/hooks';
import { errorMessage } from '../messaging/error-message';

/**
 * Saves the PDF at `href` as `fileName` from a blob: Firefox names a download by the response's
 * Content-Disposition before the link's `download`, and arXiv's names the file by its id
 * ("2310.01779v3.pdf"); a blob has no such header.
 */
async function saveAs(href: string, fileName: string): Promise<void> {
  const response = await fetch(href, { credentials: 'omit' });
  if (!response.ok) throw new Error(`arXiv answered HTTP ${response.status}`);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = fileName;
  link.click();
  // The download has read the blob by then; a minute spares a slow disk.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/**
 * "Download PDF", saved under `fileName`. Chromium honours the link's `download` for a same-site
 * PDF and streams it to disk with its own progress; Firefox gets it through saveAs.
 */
export function PdfDownloadLink({ href, fileName }: { href: string; fileName: string }) {
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const onClick = import.meta.env.FIREFOX
    ? (event: MouseEvent) => {
        event.preventDefault();
        if (working) return;
        setWorking(true);
        setProblem(null);
        saveAs(href, fileName).then(
          () => setWorking(false),
          (error: unknown) => {
            setWorking(false);
            setProblem(`The PDF could not be downloaded: ${errorMessage(error)}`);
          },
        );
      }
    : undefined;
  return (
    <>
      <a href={href} download={fileName} title={`Save the PDF as “${fileName}”`} data-testid="pdf-download" aria-busy={working || undefined} onClick={onClick}>
        {working ? 'Downloading PDF…' : 'Download PDF'}
      </a>
      {problem && (
        <span class="pl-error" role="alert" data-testid="pdf-download-problem">
          {problem}
        </span>
      )}
    </>
  );
}
