import type { components } from '@qh/api-client';

export type CoopFulfillment = components['schemas']['CoopFulfillmentDto'];
export type FulfillmentStatus = CoopFulfillment['status'];

/** The tabs of the portal's shipments page: what to send, and what was sent. */
export const FULFILLMENT_TABS = ['PENDING', 'SHIPPED'] as const satisfies readonly FulfillmentStatus[];
