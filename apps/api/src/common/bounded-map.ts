/**
 * Sets `key` in `map`, first letting its oldest entry go when it holds `max` already: a Map
 * iterates in insertion order, so its first key is the oldest. For the in-process caches.
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  if (map.size >= max && !map.has(key)) map.delete(map.keys().next().value as K);
  map.set(key, value);
}
