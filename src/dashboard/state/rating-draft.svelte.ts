import { SvelteMap } from 'svelte/reactivity';
import { ApiProblem } from '../api/client.ts';
import type { RatingWrite, StoredRating } from '../api/types.ts';

export type DraftSave = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * One rater's ratings of one participant while they fill the form: a level 1–4 and an optional
 * evidence note per behaviour. Only what differs from what the server holds is sent, and nothing a
 * rater chose is lost when a save fails: the choices stay and the form says why. Used by the
 * facilitator's form and by the public form behind a rating link (the save function differs).
 */
export class RatingDraft {
  #levels = new SvelteMap<string, number>();
  #notes = new SvelteMap<string, string>();
  #saved = new SvelteMap<string, { level: number; note: string }>();
  status = $state<DraftSave>('idle');
  problem = $state<ApiProblem | undefined>(undefined);
  #save: (writes: RatingWrite[]) => Promise<StoredRating[]>;

  constructor(options: {
    stored: readonly StoredRating[];
    save: (writes: RatingWrite[]) => Promise<StoredRating[]>;
  }) {
    this.#save = options.save;
    this.#accept(options.stored);
  }

  level(code: string): number | undefined {
    return this.#levels.get(code);
  }

  note(code: string): string {
    return this.#notes.get(code) ?? '';
  }

  setLevel(code: string, level: number): void {
    this.#levels.set(code, level);
    if (this.status === 'saved') this.status = 'idle';
  }

  setNote(code: string, note: string): void {
    this.#notes.set(code, note);
    if (this.status === 'saved') this.status = 'idle';
  }

  /** behaviours with a level (saved or not) */
  get rated(): number {
    return this.#levels.size;
  }

  /** a behaviour whose note was written before any level was chosen cannot be saved yet */
  get notesWithoutLevel(): string[] {
    return [...this.#notes]
      .filter(([code, note]) => note.trim() !== '' && !this.#levels.has(code))
      .map(([c]) => c);
  }

  /** the writes that would change what the server holds */
  get changes(): RatingWrite[] {
    const writes: RatingWrite[] = [];
    for (const [code, level] of this.#levels) {
      const note = this.note(code).trim();
      const saved = this.#saved.get(code);
      if (saved && saved.level === level && saved.note === note) continue;
      writes.push({ behaviourCode: code, level, note: note === '' ? null : note });
    }
    return writes;
  }

  get dirty(): boolean {
    return this.changes.length > 0;
  }

  isSaved(code: string): boolean {
    const saved = this.#saved.get(code);
    return (
      saved !== undefined && saved.level === this.#levels.get(code) && saved.note === this.note(code).trim()
    );
  }

  /** sends the changes; true when the server holds everything the rater chose */
  async save(): Promise<boolean> {
    const writes = this.changes;
    if (writes.length === 0) {
      this.status = 'saved';
      return true;
    }
    this.status = 'saving';
    this.problem = undefined;
    try {
      const mine = await this.#save(writes);
      for (const r of mine) this.#saved.set(r.behaviourCode, { level: r.level, note: (r.note ?? '').trim() });
      this.status = 'saved';
      return true;
    } catch (error) {
      this.problem =
        error instanceof ApiProblem
          ? error
          : new ApiProblem({
              status: 0,
              code: 'INTERNAL',
              message: (error as Error)?.message ?? String(error),
            });
      this.status = 'failed';
      return false;
    }
  }

  #accept(stored: readonly StoredRating[]): void {
    for (const r of stored) {
      const note = (r.note ?? '').trim();
      this.#saved.set(r.behaviourCode, { level: r.level, note });
      this.#levels.set(r.behaviourCode, r.level);
      if (note) this.#notes.set(r.behaviourCode, note);
    }
  }
}
