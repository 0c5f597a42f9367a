/**
 * A small reactive map: reading it in a component or effect subscribes to every change. For the player's
 * few, small, rarely written maps (loaded materials, screens, message catalogues), where one signal for
 * the whole map costs less code on the first page than Svelte's per-key SvelteMap.
 */
export class ReactiveMap<K, V> {
  #map = $state.raw(new Map<K, V>());

  constructor(entries?: Iterable<readonly [K, V]>) {
    if (entries) this.#map = new Map(entries);
  }

  get(key: K): V | undefined {
    return this.#map.get(key);
  }

  has(key: K): boolean {
    return this.#map.has(key);
  }

  values(): IterableIterator<V> {
    return this.#map.values();
  }

  get size(): number {
    return this.#map.size;
  }

  set(key: K, value: V): this {
    if (this.#map.get(key) !== value || !this.#map.has(key)) this.#map = new Map(this.#map).set(key, value);
    return this;
  }

  delete(key: K): boolean {
    if (!this.#map.has(key)) return false;
    const next = new Map(this.#map);
    next.delete(key);
    this.#map = next;
    return true;
  }
}
