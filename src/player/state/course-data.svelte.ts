import type { Library, MaterialData, Outline } from '../data/public-course.ts';
import { ReactiveMap } from './reactive-map.svelte.ts';

export type FetchJson = (file: string) => Promise<unknown>;

/**
 * The course as the player has it so far: the outline at once, materials and library as they load. The
 * first page arrives with a slice of its material (`partial`: that page and what it refers to); loading
 * the material replaces the slice with the whole.
 */
export class CourseData {
  #outline = $state.raw<Outline | undefined>(undefined);
  materials = new ReactiveMap<string, MaterialData>();
  library = $state.raw<Library | undefined>(undefined);
  /** material ids whose data failed to load (a slice, if there is one, stays in `materials`) */
  failed = new ReactiveMap<string, true>();
  #fetchJson: FetchJson;
  #outlineFile: string | undefined;
  #outlinePending: Promise<void> | undefined;
  #pending = new Map<string, Promise<MaterialData | undefined>>();

  constructor(options: {
    outline: Outline;
    /** the whole outline's data file, when `outline` is a slice */
    outlineFile?: string;
    fetchJson: FetchJson;
    materials?: Iterable<MaterialData>;
    library?: Library;
  }) {
    this.#outline = options.outline;
    this.#outlineFile = options.outlineFile;
    this.#fetchJson = options.fetchJson;
    for (const m of options.materials ?? []) this.materials.set(m.id, m);
    if (options.library) this.library = options.library;
  }

  /** the whole outline, or the slice a study page carried until `loadOutline()` replaces it */
  get outline(): Outline {
    return this.#outline as Outline;
  }

  /** whether the whole outline is here (screens other than a study page need it) */
  get complete(): boolean {
    return !this.outline.partial;
  }

  /** fetches the whole outline when only a slice is here; a failure leaves the slice, to retry later */
  loadOutline(): Promise<void> {
    const file = this.#outlineFile;
    if (!this.outline.partial || !file) return Promise.resolve();
    this.#outlinePending ??= this.#fetchJson(file).then(
      (json) => {
        this.#outline = json as Outline;
      },
      () => {
        this.#outlinePending = undefined;
      },
    );
    return this.#outlinePending;
  }

  /** the whole material once it is here; undefined while only the slice an HTML page carried is */
  full(id: string): MaterialData | undefined {
    const material = this.materials.get(id);
    return material && !material.partial ? material : undefined;
  }

  /** whether what a route shows is here: its page for a study page, the whole material for a print view */
  shows(route: { kind: string; material: string; page?: string }): boolean {
    const material = this.materials.get(route.material);
    if (!material) return false;
    if (route.kind === 'page') return material.pages.some((p) => p.id === route.page);
    return route.kind === 'print' ? !material.partial : true;
  }

  stub(id: string) {
    return this.outline.materials.find((m) => m.id === id);
  }

  loadMaterial(id: string): Promise<MaterialData | undefined> {
    const have = this.materials.get(id);
    if (have && !have.partial) return Promise.resolve(have);
    const stub = this.stub(id);
    if (!stub) return Promise.resolve(undefined);
    let pending = this.#pending.get(id);
    if (!pending) {
      this.failed.delete(id);
      pending = this.#fetchJson(stub.file).then(
        (json) => {
          const data = json as MaterialData;
          this.materials.set(id, data);
          return data;
        },
        () => {
          this.failed.set(id, true);
          this.#pending.delete(id);
          return undefined;
        },
      );
      this.#pending.set(id, pending);
    }
    return pending;
  }

  async loadAll(): Promise<MaterialData[]> {
    const all = await Promise.all(this.outline.materials.map((m) => this.loadMaterial(m.id)));
    return all.filter((m): m is MaterialData => m !== undefined);
  }

  async loadLibrary(): Promise<Library | undefined> {
    if (this.library) return this.library;
    try {
      this.library = (await this.#fetchJson(this.outline.library)) as Library;
    } catch {
      return undefined;
    }
    return this.library;
  }
}
