import { describe, expect, test } from 'vitest';
import { latexToText } from '../../../src/papers/latex';
import { summarize } from '../../../src/summarize';

describe('latexToText renders the LaTeX left in abstracts as readable text', () => {
  test.each([
    ['$\\textit{HallE-Switch}$, a controllable LVLM', 'HallE-Switch, a controllable LVLM'],
    ['compared to LLaVA$_{7B}$ and', 'compared to LLaVA-7B and'],
    ['compared to LLaVA_{7B} and', 'compared to LLaVA-7B and'],
    ['improves accuracy by 30\\% on', 'improves accuracy by 30% on'],
    ['requires \\textless2MB of storage', 'requires <2MB of storage'],
    ['Code Llama (Rozi\\`ere et al., 2023)', 'Code Llama (Rozière et al., 2023)'],
    ['\\textbf{Hall}ucination in object \\textbf{E}xistence', 'Hallucination in object Existence'],
    ["Erd\\H{o}s, G\\\"odel and {\\'e}t\\'e", 'Erdős, Gödel and été'],
    // Zotero, Scholar and Overleaf write í and ï on a dotless i: the plain letters, so search finds them.
    ["Garc{\\'\\i}a, Na{\\\"\\i}ve and Luc\\'{\\i}a", 'García, Naïve and Lucía'],
    ['$x_i$ with $10^{-3}$ error and $O(n^2)$ time', 'xᵢ with 10⁻³ error and O(n²) time'],
    ['$\\sim$3$\\times$ faster, $\\geq$ 90\\% recall', '~3× faster, ≥ 90% recall'],
    ['a \\emph{new} \\href{https://x.org}{benchmark} (\\url{https://y.org})', 'a new benchmark (https://y.org)'],
    ['ratio $\\frac{1}{2}$', 'ratio 1/2'],
    // A tilde before a number is "about" (QA: "~38%" lost it); LaTeX's tie elsewhere is a space.
    ['a ~38% speed-up, 94% ~ 99% in MT (~2x), see Fig.~2 and Smith~et~al.', 'a ~38% speed-up, 94% ~ 99% in MT (~2x), see Fig. 2 and Smith et al.'],
    ['budget of just \\800 each', 'budget of just 800 each'],
    // Citations, references and notes point into a paper the card does not show: they leave no key behind.
    ['an $O(n\\log n)$ cost~\\cite{vaswani2017}.', 'an O(n log n) cost.'],
    ['as in prior work \\citep[Sec.~3]{li2023,chen2024} (see \\cite{x}), loss in Eq.~\\eqref{eq:1}. The rest', 'as in prior work (see), loss in Eq. The rest'],
    ['as shown before~\\Autocite{x}. It helps \\Parencite[p.~2]{z}; see \\citeA{y} and \\Cite{v}.', 'as shown before. It helps; see and.'],
    // A textual citation is the sentence's subject: its key stays.
    ['as \\citet*{wu2024} showed (\\cite[note [x]]{y}) and \\citeauthor{li} found', 'as wu2024 showed and li found'],
    // A footnote in an abstract mostly says where the code is.
    ['It wins\\footnote{Code: \\url{https://x.org}.} and is fast.', 'It wins (Code: https://x.org.) and is fast.'],
    ['a\\hspace{1em}b, $\\log_2 n$, $\\min\\limits_{x}$, \\method{}-7B and \\sys{}\'s $\\log\\left(x\\right)$', 'a b, log₂ n, minₓ, method-7B and sys\'s log(x)'],
    ['a $\\log$-linear fit with $e^{\\max\\{a, b\\}}$', 'a log-linear fit with e^max{a, b}'],
  ])('%s', (input, expected) => {
    expect(latexToText(input)).toBe(expected);
  });

  // Titles are stored (and cited) as rendered once: a symbol dropped here was lost from the paper's title.
  test.each([
    ['Sharp $\\lesssim$ bounds for $W^\\top x$ in $\\ell_\\infty$', 'Sharp ≲ bounds for Wᵀ x in ℓ_∞'],
    ['Random features for $\\mathbb{R}^d$ and $\\mathbb{E}[X]$', 'Random features for ℝ^d and 𝔼[X]'],
    ['Sample complexity of $\\|x\\|_2$ and $\\otimes$-products', 'Sample complexity of ‖x‖₂ and ⊗-products'],
    ['$\\gtrsim \\top \\perp \\int \\mapsto \\hbar \\oplus \\models \\Longrightarrow \\triangle$', '≳ ⊤ ⊥ ∫ ↦ ℏ ⊕ ⊨ ⟹ △'],
    ['$\\sin\\theta$, $\\lim \\sup$ and $\\det A$', 'sin θ, lim sup and det A'],
    ['choosing $\\binom{n}{k}$ of them', 'choosing C(n, k) of them'],
    ['$x \\not\\in A$ for $\\langle x, y \\rangle$', 'x ∉ A for ⟨ x, y ⟩'],
    // A command this table lacks reads as its name (an operator or a paper's own macro), not as nothing.
    ['$\\argmax_x \\Tr(A)$ with \\ours{} and \\protect\\method', 'argmaxₓ Tr(A) with ours and method'],
    ['$\\mathds{1}$ and $\\displaystyle\\sum x$', '1 and ∑ x'],
  ])('math: %s', (input, expected) => {
    expect(latexToText(input)).toBe(expected);
    expect(latexToText(expected)).toBe(expected);
  });

  test("a footnote's code link reaches the card's code links, and a citation no TL;DR", () => {
    const summary = summarize('X: a fast decoder', latexToText('We propose X, a fast decoder with $O(n\\log n)$ cost~\\cite{vaswani2017}. Our code is public\\footnote{Code: https://github.com/acme/x}.'));
    expect(summary.codeLinks).toEqual(['https://github.com/acme/x']);
    expect(summary.tldr).toBe('We propose X, a fast decoder with O(n log n) cost.');
  });

  test('\\backslash is a backslash', () => {
    expect(latexToText('$A \\backslash B$')).toBe('A \\ B');
  });

  test('plain text, identifiers and markup-like text pass through unchanged', () => {
    for (const text of ['snake_case names and __proto__', '<img src=x onerror="alert(1)">', 'GPT-4 and C++ at 3:1', 'cost: 5 USD, 3 ^ 2']) {
      expect(latexToText(text)).toBe(text);
    }
  });

  test('groups nested thousands deep are read as their text, at once', () => {
    const started = performance.now();
    expect(latexToText(`A ${'\\emph{'.repeat(4_000)}Bold${'}'.repeat(4_000)} word`)).toBe('A Bold word');
    expect(latexToText(`$x${'^{'.repeat(6_000)}2${'}'.repeat(6_000)}$`)).toMatch(/^x/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('is idempotent', () => {
    const once = latexToText('LLaVA$_{7B}$ by 44\\% (Rozi\\`ere)');
    expect(latexToText(once)).toBe(once);
  });
});
