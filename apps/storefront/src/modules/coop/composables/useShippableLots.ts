import { inject, provide, ref, shallowRef, type InjectionKey, type Ref, type ShallowRef } from 'vue';
import { api, errorCodeOf, unwrap } from '../../../api';
import type { Lot } from '../lots';

/** The most lots one request reads (the API's limit). */
const LOT_LIMIT = 100;

export interface ShippableLots {
  /** Open, in date, not recalled, with units left: every product's, newest first as the API lists them. */
  lots: ShallowRef<readonly Lot[]>;
  /** False until the first answer (or failure). */
  loaded: Ref<boolean>;
  loading: Ref<boolean>;
  errorCode: Ref<string | null>;
  /** Reads the lots unless they are read or being read already. */
  ensure(): void;
  /** Reads them again: after a shipment took units, or when the API said they changed. */
  reload(): Promise<void>;
}

const SHIPPABLE_LOTS: InjectionKey<ShippableLots> = Symbol('shippable lots');

/**
 * The cooperative's shippable lots, read once for a page of ship forms. Shipment lines name their
 * product by slug only, so every product's lots are read together and matched by `product.slug`.
 */
function createShippableLots(): ShippableLots {
  const lots = shallowRef<readonly Lot[]>([]);
  const loaded = ref(false);
  const loading = ref(false);
  const errorCode = ref<string | null>(null);
  let latest = 0;

  async function reload(): Promise<void> {
    const request = (latest += 1);
    loading.value = true;
    errorCode.value = null;
    try {
      const answer = await unwrap(api.GET('/api/coop/lots', { params: { query: { shippable: 'true', limit: LOT_LIMIT } } }));
      if (request === latest) lots.value = answer.items;
    } catch (error) {
      if (request === latest) errorCode.value = errorCodeOf(error);
    } finally {
      if (request === latest) {
        loading.value = false;
        loaded.value = true;
      }
    }
  }

  function ensure(): void {
    if (!loaded.value && !loading.value) void reload();
  }

  return { lots, loaded, loading, errorCode, ensure, reload };
}

/** For a page listing several shipments: its ship forms share one reading of the lots. */
export function provideShippableLots(): ShippableLots {
  const shared = createShippableLots();
  provide(SHIPPABLE_LOTS, shared);
  return shared;
}

/** The page's shared lots, or the form's own when no page provides them. */
export function useShippableLots(): ShippableLots {
  return inject(SHIPPABLE_LOTS, null) ?? createShippableLots();
}
