import { MAX_BULK_LINE_QUANTITY } from '@qh/domain';
import { computed, onBeforeUnmount, ref, watch } from 'vue';
import { api, ApiError, errorCodeOf, unwrap, type FieldProblem } from '../../../api';
import type { ProductDetail, ProductVariant } from '../../shop/catalog';
import type { OrgOrder, OrgOrderRequest, OrgQuote, PriceBreak } from '../org-api';
import { parseQuantity } from '../org-orders';

/** A quote is asked for once the purchaser stops typing for this long. */
export const QUOTE_DELAY_MS = 300;

/** One line of the order as the purchaser builds it: a variant and the units typed for it. */
export interface BulkLine {
  /** Stable key for v-for and the inputs' ids. */
  key: number;
  variantId: string;
  productSlug: string;
  titleZh: string;
  titleEn: string;
  labelZh: string;
  labelEn: string;
  cooperative: ProductDetail['cooperative'];
  /** The variant's price and breaks when it was added; the quote says what they are now. */
  basePriceFen: number;
  priceBreaks: PriceBreak[];
  /** As typed; `parseQuantity` says whether it is one. */
  quantity: string;
}

let nextKey = 1;

/**
 * An organisation's order being built (单位采购单): its lines, site, day and note, quoted by the API
 * (`POST /api/org/orders/quote`) a moment after each change, and submitted once with an
 * Idempotency-Key that a retry of the same order reuses.
 */
export function useBulkOrder() {
  const lines = ref<BulkLine[]>([]);
  const siteId = ref('');
  /** The day the purchaser picked; while '' the order goes on the quote's earliest day. */
  const chosenDay = ref('');
  const note = ref('');
  /** One of the organisation's invoice profiles, or '' for no invoice. */
  const invoiceProfileId = ref('');

  const quote = ref<OrgQuote | null>(null);
  const quoting = ref(false);
  const quoteErrorCode = ref<string | null>(null);
  const quoteDetails = ref<FieldProblem[]>([]);

  /** The day the order is for: the one picked, else the earliest every cooperative can make. */
  const deliveryDay = computed({
    get: () => chosenDay.value || quote.value?.earliestDeliveryOn || '',
    set: (day: string) => {
      chosenDay.value = day;
    },
  });

  const quantities = computed(() => lines.value.map((line) => parseQuantity(line.quantity)));
  const quantitiesValid = computed(() => quantities.value.every((quantity) => quantity !== null));
  const requestLines = computed(() =>
    lines.value.map((line, index) => ({ variantId: line.variantId, quantity: quantities.value[index] ?? 0 })),
  );

  /** Adds units of a variant; a variant already on the order gets them on its line ('merged'), as the API wants each variant once. */
  function add(product: ProductDetail, variant: ProductVariant, quantity: number): 'added' | 'merged' {
    const existing = lines.value.find((line) => line.variantId === variant.id);
    if (existing) {
      existing.quantity = String(Math.min((parseQuantity(existing.quantity) ?? 0) + quantity, MAX_BULK_LINE_QUANTITY));
      return 'merged';
    }
    lines.value.push({
      key: nextKey++,
      variantId: variant.id,
      productSlug: product.slug,
      titleZh: product.titleZh,
      titleEn: product.titleEn,
      labelZh: variant.labelZh,
      labelEn: variant.labelEn,
      cooperative: product.cooperative,
      basePriceFen: variant.priceFen,
      priceBreaks: variant.priceBreaks,
      quantity: String(quantity),
    });
    return 'added';
  }

  function remove(key: number): void {
    lines.value = lines.value.filter((line) => line.key !== key);
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  /** Asks for the quote of the order as it is now; an answer to an earlier question is dropped. */
  async function requestQuote(): Promise<void> {
    clearTimeout(timer);
    const request = (asked += 1);
    if (!siteId.value || lines.value.length === 0 || !quantitiesValid.value) {
      quote.value = null;
      quoteErrorCode.value = null;
      quoteDetails.value = [];
      quoting.value = false;
      return;
    }
    quoting.value = true;
    try {
      const answer = await unwrap(
        api.POST('/api/org/orders/quote', {
          body: { siteId: siteId.value, lines: requestLines.value, ...(chosenDay.value ? { deliveryOn: chosenDay.value } : {}) },
        }),
      );
      if (request !== asked) return;
      quote.value = answer;
      quoteErrorCode.value = null;
      quoteDetails.value = [];
    } catch (error) {
      if (request !== asked) return;
      quote.value = null;
      quoteErrorCode.value = errorCodeOf(error);
      quoteDetails.value = error instanceof ApiError ? error.details : [];
    } finally {
      if (request === asked) quoting.value = false;
    }
  }

  const submitting = ref(false);
  const submitErrorCode = ref<string | null>(null);
  const submitDetails = ref<FieldProblem[]>([]);

  // Every change asks again, once typing pauses; what the last submission was refused for no longer applies.
  watch(
    () => JSON.stringify([siteId.value, chosenDay.value, lines.value.map((line) => [line.variantId, line.quantity])]),
    () => {
      clearTimeout(timer);
      quoting.value = true;
      submitErrorCode.value = null;
      submitDetails.value = [];
      timer = setTimeout(() => void requestQuote(), QUOTE_DELAY_MS);
    },
  );
  // The note and the invoice are not quoted, but a refusal of them no longer applies once they changed.
  watch([note, invoiceProfileId], () => {
    submitErrorCode.value = null;
    submitDetails.value = [];
  });
  onBeforeUnmount(() => clearTimeout(timer));

  function requestBody(): OrgOrderRequest {
    const text = note.value.trim();
    return {
      siteId: siteId.value,
      deliveryOn: deliveryDay.value,
      lines: requestLines.value,
      ...(text ? { note: text } : {}),
      ...(invoiceProfileId.value ? { invoiceProfileId: invoiceProfileId.value } : {}),
    };
  }

  // One key per submission attempt: a retry of the same order (after a timeout, a lost answer) sends
  // the same key, so the API answers with the order it may have made already instead of a second.
  let attempt: { key: string; body: string } | null = null;
  function idempotencyKey(body: OrgOrderRequest): string {
    const text = JSON.stringify(body);
    if (attempt?.body !== text) attempt = { key: globalThis.crypto.randomUUID(), body: text };
    return attempt.key;
  }

  /** Places the order; null when the API refused it (`submitErrorCode` and `submitDetails` say why). */
  async function submit(): Promise<OrgOrder | null> {
    if (submitting.value) return null;
    submitting.value = true;
    submitErrorCode.value = null;
    submitDetails.value = [];
    const body = requestBody();
    try {
      const order = await unwrap(api.POST('/api/org/orders', { params: { header: { 'Idempotency-Key': idempotencyKey(body) } }, body }));
      attempt = null;
      return order;
    } catch (error) {
      submitErrorCode.value = errorCodeOf(error);
      submitDetails.value = error instanceof ApiError ? error.details : [];
      if (submitErrorCode.value === 'IDEMPOTENCY_KEY_REUSED') attempt = null;
      // Stock, availability or the earliest day changed since the last quote: show them as they are now.
      void requestQuote();
      return null;
    } finally {
      submitting.value = false;
    }
  }

  return {
    lines,
    siteId,
    chosenDay,
    deliveryDay,
    note,
    invoiceProfileId,
    quantities,
    quantitiesValid,
    quote,
    quoting,
    quoteErrorCode,
    quoteDetails,
    submitting,
    submitErrorCode,
    submitDetails,
    add,
    remove,
    requestQuote,
    submit,
  };
}
