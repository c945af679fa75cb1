import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, errorCodeOf, unwrap } from '../api';
import type { Cart } from '../modules/shop/orders';

/**
 * The visitor's cart as the API last answered it. Guests and buyers have one (a guest's follows
 * an httpOnly cookie); staff accounts get 403, which leaves the cart empty and `unavailable` set.
 */
export const useCartStore = defineStore('cart', () => {
  const cart = ref<Cart | null>(null);
  const loading = ref(false);
  const errorCode = ref<string | null>(null);
  // Bumped on every answer we take, so that a slow load cannot overwrite a newer change.
  let version = 0;

  const lines = computed(() => cart.value?.lines ?? []);
  /** Units in the cart, shown on the header's cart link. */
  const itemCount = computed(() => lines.value.reduce((sum, line) => sum + line.quantity, 0));
  const maxLineQuantity = computed(() => cart.value?.maxLineQuantity ?? 99);

  /** Lines the buyer unticked (勾选结算). A line with a problem (off sale, sold out) is never chosen, and never blocks the rest. */
  const unticked = ref(new Set<string>());
  const isChosen = (line: { id: string; problem?: string | null }) => !line.problem && !unticked.value.has(line.id);
  const chosenLines = computed(() => lines.value.filter(isChosen));
  const chosenFen = computed(() => chosenLines.value.reduce((sum, line) => sum + line.lineTotalFen, 0));

  function choose(lineIds: string[], chosen: boolean): void {
    const next = new Set(unticked.value);
    for (const id of lineIds) {
      if (chosen) next.delete(id);
      else next.add(id);
    }
    unticked.value = next;
  }

  function take(answer: Cart): Cart {
    version += 1;
    cart.value = answer;
    errorCode.value = null;
    return answer;
  }

  // One request at a time: the header and the cart page both ask when /cart is opened, and share the answer.
  let inFlight: Promise<void> | null = null;
  function load(): Promise<void> {
    inFlight ??= fetchCart().finally(() => (inFlight = null));
    return inFlight;
  }

  async function fetchCart(): Promise<void> {
    const startedAt = version;
    loading.value = true;
    try {
      const answer = await unwrap(api.GET('/api/cart'));
      if (version === startedAt) take(answer);
    } catch (error) {
      if (version !== startedAt) return;
      cart.value = null;
      errorCode.value = errorCodeOf(error);
    } finally {
      loading.value = false;
    }
  }

  /** Forgets the cart, e.g. for a staff account that has none. */
  function clear(): void {
    version += 1;
    cart.value = null;
    errorCode.value = null;
  }

  /** Adds to the line of the same variant if there is one. Throws an ApiError. */
  async function add(variantId: string, quantity: number): Promise<Cart> {
    return take(await unwrap(api.POST('/api/cart/lines', { body: { variantId, quantity } })));
  }

  async function setQuantity(lineId: string, quantity: number): Promise<Cart> {
    return take(await unwrap(api.PATCH('/api/cart/lines/{id}', { params: { path: { id: lineId } }, body: { quantity } })));
  }

  async function remove(lineId: string): Promise<Cart> {
    return take(await unwrap(api.DELETE('/api/cart/lines/{id}', { params: { path: { id: lineId } } })));
  }

  return {
    cart,
    lines,
    itemCount,
    maxLineQuantity,
    chosenLines,
    chosenFen,
    isChosen,
    choose,
    loading,
    errorCode,
    load,
    clear,
    add,
    setQuantity,
    remove,
  };
});
