// Typed domain events: an object announces its own changes, whoever cares listens. No Node, no DOM.
export type Listener<T> = (payload: T) => void;

export class Emitter<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  on<K extends keyof Events>(name: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    for (const l of [...(this.listeners.get(name) ?? [])]) (l as Listener<Events[K]>)(payload);
  }
}
