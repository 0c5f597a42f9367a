/** A problem in a course source, located like a compiler's: file, line and column (1-based). */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** path of the source file, relative to the course folder */
  file: string;
  line: number;
  column: number;
  /** stable kebab-case rule id, listed in docs/authoring.md */
  ruleId: string;
  message: string;
  /** how to fix it, printed as a `hint:` line */
  hint?: string;
}

export interface Point {
  line: number;
  column: number;
}

/** Collects diagnostics for one compile run; bad content is reported, never thrown. */
export class DiagnosticBag {
  readonly all: Diagnostic[] = [];

  report(
    severity: Diagnostic['severity'],
    file: string,
    at: Point | undefined,
    ruleId: string,
    message: string,
    hint?: string,
  ): void {
    const point = at ?? { line: 1, column: 1 };
    this.all.push({ severity, file, line: point.line, column: point.column, ruleId, message, hint });
  }

  error(file: string, at: Point | undefined, ruleId: string, message: string, hint?: string): void {
    this.report('error', file, at, ruleId, message, hint);
  }

  warn(file: string, at: Point | undefined, ruleId: string, message: string, hint?: string): void {
    this.report('warning', file, at, ruleId, message, hint);
  }

  get errorCount(): number {
    return this.all.filter((d) => d.severity === 'error').length;
  }

  /** sorted by file, then position, so output is stable whatever order the checks ran in */
  sorted(): Diagnostic[] {
    return [...this.all].sort(
      (a, b) =>
        a.file.localeCompare(b.file) ||
        a.line - b.line ||
        a.column - b.column ||
        a.ruleId.localeCompare(b.ruleId) ||
        a.message.localeCompare(b.message),
    );
  }
}

/**
 * Formats a diagnostic as `path:line:col: severity: message [rule-id]`, with a hint line when there is one.
 * @example formatDiagnostic(d, 'content/berakhlak') // 'content/berakhlak/03-akuntabel.md:42:3: error: … [unknown-directive]'
 */
export function formatDiagnostic(diagnostic: Diagnostic, base = ''): string {
  const path = base ? `${base.replace(/\/+$/, '')}/${diagnostic.file}` : diagnostic.file;
  const head = `${path}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity}: ${diagnostic.message} [${diagnostic.ruleId}]`;
  return diagnostic.hint ? `${head}\n  hint: ${diagnostic.hint}` : head;
}

/** Closest candidate by edit distance, for "did you mean" hints; undefined when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
