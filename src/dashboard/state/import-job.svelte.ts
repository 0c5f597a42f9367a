import { type Api, ApiProblem } from '../api/client.ts';
import type { ImportReport } from '../api/types.ts';
import { importFileKind } from '../logic/import-file.ts';

export type ImportPhase = 'idle' | 'checking' | 'checked' | 'importing' | 'done' | 'error';

export interface ChosenFile {
  name: string;
  type: string;
  /** the bytes as the server wants them: the text of a CSV, the Blob of an XLSX */
  read(): Promise<Blob | string>;
}

/**
 * Importing participants in two steps: check the file (a dry run: the report, nothing saved), then
 * import the accepted rows. The last report stays on screen until another file is chosen.
 */
export class ImportJob {
  phase = $state<ImportPhase>('idle');
  file = $state<ChosenFile | undefined>(undefined);
  report = $state<ImportReport | undefined>(undefined);
  problem = $state<ApiProblem | undefined>(undefined);
  /** the chosen file is not CSV or XLSX */
  wrongType = $state(false);
  #api: Api;
  #cohortId: string;

  constructor(options: { api: Api; cohortId: string }) {
    this.#api = options.api;
    this.#cohortId = options.cohortId;
  }

  get busy(): boolean {
    return this.phase === 'checking' || this.phase === 'importing';
  }

  /** rows the import would take (on a dry run) or took: enrolled plus those already enrolled */
  get accepted(): number {
    const r = this.report;
    return r ? r.enrolled + r.unchanged : 0;
  }

  /** rows a real import would write now: the check found some and nothing was imported since */
  get canImport(): boolean {
    return this.phase === 'checked' && this.report !== undefined && this.report.enrolled > 0;
  }

  choose(file: ChosenFile | undefined): void {
    this.file = file;
    this.report = undefined;
    this.problem = undefined;
    this.wrongType = file !== undefined && importFileKind(file) === undefined;
    this.phase = 'idle';
  }

  check(): Promise<void> {
    return this.#send(true);
  }

  commit(): Promise<void> {
    return this.#send(false);
  }

  async #send(dryRun: boolean): Promise<void> {
    const file = this.file;
    const kind = file && importFileKind(file);
    if (!file || !kind || this.busy) return;
    this.phase = dryRun ? 'checking' : 'importing';
    this.problem = undefined;
    try {
      const data = await file.read();
      const { report } = await this.#api.importParticipants(
        this.#cohortId,
        { data, type: kind.type },
        dryRun,
      );
      this.report = report;
      this.phase = dryRun ? 'checked' : 'done';
    } catch (error) {
      this.problem =
        error instanceof ApiProblem
          ? error
          : new ApiProblem({ status: 0, code: 'NETWORK', message: String(error) });
      this.phase = 'error';
    }
  }
}
