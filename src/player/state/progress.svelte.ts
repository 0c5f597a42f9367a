import {
  type CourseProgress,
  courseProgress,
  type MaterialProgress,
  type PageCompletion,
} from '../../evaluation/completion.ts';
import { applyEvent, emptyLearnerState } from '../../evaluation/learner-state.ts';
import type { MaterialStub } from '../data/public-course.ts';
import type { LearnerState, LearningEvent, ReflectionRecord, Tracker } from '../tracker/tracker.ts';

type Now = () => number;

/** A reflection note with the block it answers. */
export interface Note extends ReflectionRecord {
  block: string;
}

/**
 * What the learner has done, as the tracker reports it, and the completion it adds up to. Every event
 * goes to the tracker first, then into this state, so the screen always shows what was recorded.
 */
export class Progress {
  state = $state.raw<LearnerState>(emptyLearnerState());
  /** true once the tracker's state has been read */
  resumed = $state(false);
  #tracker: Tracker;
  #materials: readonly MaterialStub[];
  #now: Now;
  #visit: { material: string; page: string; since: number } | undefined;

  course: CourseProgress = $derived(
    courseProgress({ materials: this.#materialsFor(), activity: this.state.pages }),
  );

  constructor(options: { tracker: Tracker; materials: readonly MaterialStub[]; now?: Now }) {
    this.#tracker = options.tracker;
    this.#materials = options.materials;
    this.#now = options.now ?? Date.now;
  }

  #materialsFor(): readonly MaterialStub[] {
    return this.#materials;
  }

  /**
   * Switches to another tracker (the server's after a login, the device's after a logout): what the old
   * one holds is flushed first, and the state shown becomes the new one's.
   */
  async use(tracker: Tracker): Promise<void> {
    await this.#tracker.flush();
    this.#tracker = tracker;
    await this.resume();
  }

  async resume(): Promise<void> {
    this.state = await this.#tracker.resume();
    this.resumed = true;
  }

  record(event: LearningEvent): void {
    this.#tracker.record(event);
    this.state = applyEvent(this.state, event);
  }

  material(id: string): MaterialProgress | undefined {
    return this.course.materials.find((m) => m.materialId === id);
  }

  page(materialId: string, pageId: string): PageCompletion | undefined {
    return this.material(materialId)?.pages.find((p) => p.pageId === pageId);
  }

  /** the page to reopen in a material: the last one seen there */
  lastPage(materialId: string): string | undefined {
    const page = this.state.lastByMaterial[materialId];
    const material = this.#materials.find((m) => m.id === materialId);
    return page && material?.pages.some((p) => p.id === page) ? page : undefined;
  }

  get notes(): Note[] {
    return Object.entries(this.state.reflections)
      .map(([block, r]) => ({ block, ...r }))
      .sort((a, b) => b.at - a.at);
  }

  /** the learner opened a page: it counts as seen now, and time on it is counted until leavePage() */
  enterPage(material: string, page: string): void {
    this.leavePage();
    const at = this.#now();
    this.#visit = { material, page, since: at };
    this.record({ type: 'page-seen', material, page, dwellSeconds: 0, at });
  }

  /** records the time spent on the open page so far (call while the page stays open, and on hide) */
  tick(extra: { scrolledToEnd?: boolean } = {}): void {
    const visit = this.#visit;
    if (!visit) return;
    const at = this.#now();
    const dwellSeconds = (at - visit.since) / 1000;
    visit.since = at;
    if (dwellSeconds <= 0 && !extra.scrolledToEnd) return;
    this.record({
      type: 'page-seen',
      material: visit.material,
      page: visit.page,
      dwellSeconds,
      ...(extra.scrolledToEnd ? { scrolledToEnd: true } : {}),
      at,
    });
  }

  /** stops counting time on the open page (navigation, tab hidden) */
  leavePage(): void {
    this.tick();
    this.#visit = undefined;
  }

  /** the page being timed, if any */
  get visiting(): { material: string; page: string } | undefined {
    return this.#visit ? { material: this.#visit.material, page: this.#visit.page } : undefined;
  }

  flush(): Promise<void> {
    return this.#tracker.flush();
  }
}
