// Generated from the API's OpenAPI document (/api/docs-json) by `npm run api-client:generate`. Do not edit.

export interface paths {
    "/api/addresses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AddressesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/addresses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["AddressesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/addresses/{id}/default": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["AddressesController_makeDefault"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminClaimsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/claims/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminClaimsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/claims/{id}/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AdminClaimsController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/claims/{id}/photos/{index}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminClaimsController_photo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/coop-payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminTrailController_coopPayouts"];
        put?: never;
        post: operations["AdminTrailController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/coop-payouts/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AdminTrailController_reverse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/cooperatives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminCatalogController_cooperatives"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/cooperatives/{id}/platform-fee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["AdminCatalogController_setPlatformFee"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/cooperatives/{id}/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminTrailController_statement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/cooperatives/{id}/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminTrailController_statements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/cooperatives/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AdminCatalogController_suspend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/cooperatives/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AdminCatalogController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/households": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminHouseholdsController_list"];
        put?: never;
        post: operations["AdminHouseholdsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/households/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminHouseholdsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["AdminHouseholdsController_update"];
        trace?: never;
    };
    "/api/admin/households/{id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AdminHouseholdsController_addLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/households/{id}/links/{linkId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["AdminHouseholdsController_updateLink"];
        trace?: never;
    };
    "/api/admin/households/{id}/name": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminHouseholdsController_name"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/households/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AdminHouseholdsController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/invoice-requests/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminInvoiceRequestsController_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/invoice-requests/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminInvoiceRequestsController_overdue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/lots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminLotsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/lots/{id}/recall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AdminLotsController_recall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/lots/{id}/recipients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminLotsController_recipients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminOrdersController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminOrdersController_order"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminOrganisationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminOrganisationsController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/organisations/{id}/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminBillingController_account"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/organisations/{id}/credit-terms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["AdminBillingController_grant"];
        post?: never;
        delete: operations["AdminBillingController_withdraw"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/organisations/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AdminOrganisationsController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/organisations/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AdminOrganisationsController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/payments/flagged": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminPaymentsController_flagged"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminCatalogController_products"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminCatalogController_product"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/products/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AdminCatalogController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/products/{id}/certify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AdminCatalogController_certify"];
        delete: operations["AdminCatalogController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/products/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AdminCatalogController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/quality": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminClaimsController_quality"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AdminPaymentsController_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/reserved-shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DistrictSharesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/reserved-shares/{districtCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["DistrictSharesController_set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/shortfalls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminShortfallsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/shortfalls/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AdminShortfallsController_decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/shortfalls/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AdminShortfallsController_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/statements/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminBillingController_statement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminBillingController_list"];
        put?: never;
        post: operations["AdminBillingController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CartController_view"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CartController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/lines/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["CartController_remove"];
        options?: never;
        head?: never;
        patch: operations["CartController_update"];
        trace?: never;
    };
    "/api/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_categories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrdersController_checkout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/checkout/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrdersController_quote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ClaimsController_list"];
        put?: never;
        post: operations["ClaimsController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ClaimsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/accept-offer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ClaimsController_acceptOffer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ClaimsController_escalate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ClaimsController_addPhoto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/photos/{index}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ClaimsController_photo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ClaimsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopClaimsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/claims/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopClaimsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/claims/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CoopClaimsController_answer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/claims/{id}/photos/{index}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopClaimsController_photo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/cooperative": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopProductsController_cooperative"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["CoopProductsController_updateCooperative"];
        trace?: never;
    };
    "/api/coop/fulfillments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["FulfillmentsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/fulfillments/{id}/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopLotsController_labels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/fulfillments/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["FulfillmentsController_ship"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/household-payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopTrailController_householdPayouts"];
        put?: never;
        post: operations["CoopTrailController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/household-payouts/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopTrailController_receipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/household-payouts/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CoopTrailController_reverse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/household-payouts/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CoopTrailController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/households": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopTrailController_households"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/invoice-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopInvoiceRequestsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/invoice-requests/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopInvoiceRequestsController_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/invoice-requests/{id}/invoice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CoopInvoiceRequestsController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/lots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopLotsController_list"];
        put?: never;
        post: operations["CoopLotsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/lots/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CoopLotsController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/lots/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CoopLotsController_attachReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/payout-receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CoopTrailController_uploadReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopTrailController_coopPayouts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/payouts/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CoopTrailController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/payouts/{id}/dispute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CoopTrailController_dispute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopProductsController_list"];
        put?: never;
        post: operations["CoopProductsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopProductsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["CoopProductsController_update"];
        trace?: never;
    };
    "/api/coop/products/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CoopProductsController_archive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/products/{id}/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CoopProductsController_addImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/products/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CoopProductsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/products/{id}/variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CoopProductsController_addVariant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/quality": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopClaimsController_quality"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopSalesController_sales"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopTrailController_statement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopTrailController_statements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/variants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["CoopProductsController_updateVariant"];
        trace?: never;
    };
    "/api/coop/variants/{id}/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoopProductsController_movements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/variants/{id}/price-breaks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["CoopProductsController_setPriceBreaks"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coop/variants/{id}/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["CoopProductsController_adjustStock"];
        trace?: never;
    };
    "/api/cooperatives/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_cooperative"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/breakdown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImpactController_breakdown"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/buyers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImpactController_buyerBreakdown"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/cooperative-balances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TrailController_cooperativeBalances"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImpactController_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/household-payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TrailController_householdPayouts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/household-payouts/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TrailController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/household-payouts/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TrailController_receipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/households/{id}/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TrailController_householdStatement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/institutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LeagueTableController_leagueTable"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/institutions/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LeagueTableController_leagueTableCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/organisations/{id}/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OfficialPlansController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/organisations/{id}/plans/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["OfficialPlansController_correct"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/organisations/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LeagueTableController_of"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/public": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImpactController_publicImpact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImpactController_series"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImpactController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/trail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TrailController_trail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/trail.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TrailController_trailCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImpactController_verification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impact/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImpactController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoice-profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InvoiceProfilesController_list"];
        put?: never;
        post: operations["InvoiceProfilesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoice-profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["InvoiceProfilesController_update"];
        post?: never;
        delete: operations["InvoiceProfilesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lots/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PublicLotsController_lot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lots/{code}/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PublicLotsController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lots/{code}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PublicLotsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrdersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrdersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{number}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrdersController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{number}/confirm-receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrdersController_confirmReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{number}/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrderInvoicesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{number}/invoices/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrderInvoicesController_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganisationController_mine"];
        put?: never;
        post: operations["OrganisationController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["OrganisationController_update"];
        trace?: never;
    };
    "/api/org/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrgBillingController_account"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganisationController_invitations"];
        put?: never;
        post: operations["OrganisationController_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["OrganisationController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrganisationController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/invitations/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrganisationController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/invoice-profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrgInvoiceProfilesController_list"];
        put?: never;
        post: operations["OrgInvoiceProfilesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/invoice-profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["OrgInvoiceProfilesController_update"];
        post?: never;
        delete: operations["OrgInvoiceProfilesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganisationController_listMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/members/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["OrganisationController_removeMember"];
        options?: never;
        head?: never;
        patch: operations["OrganisationController_setRoles"];
        trace?: never;
    };
    "/api/org/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrgOrdersController_list"];
        put?: never;
        post: operations["OrgOrdersController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/orders/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrgOrdersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/orders/{number}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrgOrdersController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/orders/{number}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrgOrdersController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/orders/{number}/fulfillments/{fulfillmentId}/acceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrgOrdersController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/orders/{number}/fulfillments/{fulfillmentId}/acceptance/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrgOrdersController_addPhoto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/orders/{number}/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrgOrderInvoicesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/orders/{number}/invoices/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrgOrderInvoicesController_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/orders/{number}/payment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrgOrdersController_resumePayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/orders/{number}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrgOrdersController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/orders/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrgOrdersController_quote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrgPlansController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/plans/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["OrgPlansController_set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrgProgressController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganisationController_listSites"];
        put?: never;
        post: operations["OrganisationController_createSite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/sites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["OrganisationController_removeSite"];
        options?: never;
        head?: never;
        patch: operations["OrganisationController_updateSite"];
        trace?: never;
    };
    "/api/org/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrgBillingController_list"];
        put?: never;
        post: operations["OrgBillingController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/statements/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrgBillingController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/statements/{number}/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrgBillingController_csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/demo/{number}/fail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrdersController_failDemo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/demo/{number}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrdersController_payDemo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/provider": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PaymentProviderController_info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/stripe/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["StripeWebhookController_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_products"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_product"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RemindersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reminders/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["RemindersController_set"];
        post?: never;
        delete: operations["RemindersController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptanceDto: {
            /** Format: date-time */
            acceptedAt: string;
            /** @description Accepted by itself, nobody having acted in time */
            automatic: boolean;
            claim?: components["schemas"]["ShortfallClaimRefDto"] | null;
            lines: components["schemas"]["AcceptanceLineDto"][];
        };
        AcceptanceInputDto: {
            lines: components["schemas"]["AcceptanceLineInputDto"][];
            /** @example 一箱鸡蛋破损 40 枚，已拍照 */
            note?: string;
        };
        AcceptanceLineDto: {
            acceptedQuantity: number;
            /** Format: uuid */
            lineId: string;
            /** @enum {string|null} */
            reason?: "SHORT" | "DAMAGED" | "SPOILED" | "WRONG_ITEM" | null;
        };
        AcceptanceLineInputDto: {
            /** @description Units accepted; fewer than sent is a shortfall */
            acceptedQuantity: number;
            /**
             * Format: uuid
             * @description A line of the shipped part
             */
            lineId: string;
            /**
             * @description Why fewer were accepted: required for a shortfall
             * @enum {string|null}
             */
            reason?: "SHORT" | "DAMAGED" | "SPOILED" | "WRONG_ITEM" | null;
        };
        AccountDto: {
            /** @description How much more may be ordered on account now (0 while anything is overdue) */
            availableFen: number;
            latestStatement?: components["schemas"]["StatementSummaryDto"] | null;
            /** @description What statements due before today asked for and no transfer has paid yet */
            overdueFen: number;
            /** @description Ordered on account and not cancelled, less credits, less transfers received */
            owedFen: number;
            /** @description Null: the organisation pays online */
            terms?: components["schemas"]["CreditTermsDto"] | null;
            /** @description Delivered but on no statement yet */
            unbilledFen: number;
        };
        AcknowledgeDto: {
            note?: string;
            /**
             * Format: date
             * @description The day of the visit: not before the payout, not in the future
             */
            visitedOn: string;
        };
        AcknowledgementDto: {
            /** Format: date-time */
            acknowledgedAt: string;
            note?: string | null;
            /** Format: date */
            visitedOn: string;
        };
        AddCartLineDto: {
            quantity: number;
            /** Format: uuid */
            variantId: string;
        };
        AddressBookDto: {
            items: components["schemas"]["SavedAddressDto"][];
        };
        AddressDto: {
            /**
             * @description A Guangzhou district code
             * @example 440106
             */
            districtCode: string;
            /**
             * @description A mainland mobile number: 1[3-9] and 9 more digits
             * @example 13800138000
             */
            mobile: string;
            /** @example 陈晓岚 */
            name: string;
            /** @example 天河路 385 号 12 楼 1203 室 */
            street: string;
        };
        AdminAccountDto: {
            /** @description How much more may be ordered on account now (0 while anything is overdue) */
            availableFen: number;
            latestStatement?: components["schemas"]["StatementSummaryDto"] | null;
            /** Format: uuid */
            organisationId: string;
            organisationName: string;
            /** @description What statements due before today asked for and no transfer has paid yet */
            overdueFen: number;
            /** @description Ordered on account and not cancelled, less credits, less transfers received */
            owedFen: number;
            /** @description Newest first */
            statements: components["schemas"]["StatementSummaryDto"][];
            /** @description Null: the organisation pays online */
            terms?: components["schemas"]["CreditTermsDto"] | null;
            /** @description Delivered but on no statement yet */
            unbilledFen: number;
        };
        AdminOrderPageDto: {
            items: components["schemas"]["AdminOrderSummaryDto"][];
            nextCursor?: string | null;
        };
        AdminOrderSummaryDto: {
            /** @description The buyer’s account */
            buyerEmail: string;
            /** @description The cooperatives of its parcels */
            cooperatives: string[];
            /** Format: date-time */
            createdAt: string;
            /**
             * @description The mobile number it was sent to, masked
             * @example 138****8000
             */
            mobileMasked: string;
            number: string;
            /** @description Who it was sent to */
            recipient: string;
            refundedFen: number;
            /** @enum {string} */
            status: "AWAITING_APPROVAL" | "AWAITING_PAYMENT" | "ON_ACCOUNT" | "PAID" | "PARTIALLY_SHIPPED" | "SHIPPED" | "COMPLETED" | "CANCELLED" | "REFUNDED";
            totalFen: number;
        };
        AdminOrganisationDetailDto: {
            /** @description Hours an order waiting for approval holds its stock */
            approvalHoldHours: number;
            /** @description Orders of this total (fen) or more wait for an approver; 0: every order */
            approvalThresholdFen: number;
            budgetUnit: boolean;
            contactMobile: string;
            contactName: string;
            /** Format: date-time */
            createdAt: string;
            creditCode: string;
            districtCode: string;
            hasCanteen: boolean;
            /** Format: uuid */
            id: string;
            memberCount: number;
            members: components["schemas"]["MemberDto"][];
            name: string;
            nameEn: string;
            /** @description The account that registered it */
            registeredByEmail: string;
            /** @description Why an admin did not verify it */
            rejectionReason?: string | null;
            /** @enum {string} */
            status: "PENDING" | "VERIFIED" | "REJECTED";
            /** @enum {string} */
            type: "GOVERNMENT" | "PUBLIC_INSTITUTION" | "STATE_ENTERPRISE" | "SCHOOL" | "HOSPITAL" | "TRADE_UNION" | "COMPANY" | "OTHER";
            /** Format: date-time */
            verifiedAt?: string | null;
        };
        AdminOrganisationDto: {
            /** @description Hours an order waiting for approval holds its stock */
            approvalHoldHours: number;
            /** @description Orders of this total (fen) or more wait for an approver; 0: every order */
            approvalThresholdFen: number;
            budgetUnit: boolean;
            contactMobile: string;
            contactName: string;
            /** Format: date-time */
            createdAt: string;
            creditCode: string;
            districtCode: string;
            hasCanteen: boolean;
            /** Format: uuid */
            id: string;
            memberCount: number;
            name: string;
            nameEn: string;
            /** @description The account that registered it */
            registeredByEmail: string;
            /** @description Why an admin did not verify it */
            rejectionReason?: string | null;
            /** @enum {string} */
            status: "PENDING" | "VERIFIED" | "REJECTED";
            /** @enum {string} */
            type: "GOVERNMENT" | "PUBLIC_INSTITUTION" | "STATE_ENTERPRISE" | "SCHOOL" | "HOSPITAL" | "TRADE_UNION" | "COMPANY" | "OTHER";
            /** Format: date-time */
            verifiedAt?: string | null;
        };
        AdminOrganisationPageDto: {
            items: components["schemas"]["AdminOrganisationDto"][];
            nextCursor?: string | null;
        };
        AgeingDto: {
            from31To60DaysFen: number;
            over60DaysFen: number;
            upTo30DaysFen: number;
        };
        AnswerClaimDto: {
            /**
             * @description Accept all asked, offer part, or dispute with a reason
             * @enum {string}
             */
            decision: "ACCEPT" | "OFFER" | "DISPUTE";
            /** @description OFFER: the units offered per line (at most those asked) */
            lines?: components["schemas"]["ClaimLineInputDto"][];
            /** @description Required to dispute */
            note?: string;
        };
        AuditEntryDto: {
            action: string;
            actorAccountId?: string | null;
            actorRole?: string | null;
            after?: Record<string, never> | null;
            /** Format: date-time */
            at: string;
            before?: Record<string, never> | null;
            entityId?: string | null;
            entityType: string;
            id: string;
            requestId?: string | null;
        };
        AuditPageDto: {
            items: components["schemas"]["AuditEntryDto"][];
            nextCursor?: string | null;
        };
        AuthResponseDto: {
            /** @description Bearer token for the Authorization header */
            accessToken: string;
            /** @description Seconds until the access token expires */
            expiresIn: number;
            user: components["schemas"]["UserDto"];
        };
        BuyerBreakdownDto: {
            /** @description Districts that bought, most first */
            byDistrict: components["schemas"]["BuyerDistrictFiguresDto"][];
            /** @description Both kinds, institutions first */
            byKind: components["schemas"]["BuyerKindFiguresDto"][];
            gmvFen: number;
            linkedSalesFen: number;
            year: number;
        };
        BuyerDistrictFiguresDto: {
            gmvFen: number;
            /** @description Of gmvFen, bought by households */
            householdFen: number;
            /** @description Of gmvFen, bought by institutions */
            institutionFen: number;
            /** @description The district delivered to */
            key: string;
            linkedSalesFen: number;
            nameEn: string;
            nameZh: string;
        };
        BuyerKindFiguresDto: {
            /** @description Paid goods net of refunds (fen), as the dashboard’s GMV */
            gmvFen: number;
            /**
             * @description INSTITUTION: an organisation’s order; HOUSEHOLD: a person’s own
             * @enum {string}
             */
            key: "INSTITUTION" | "HOUSEHOLD";
            linkedSalesFen: number;
            /** @description Of the year’s GMV, in basis points (rounded down); null with no GMV */
            shareBp?: number | null;
        };
        CartDto: {
            /** @description Sum of the lines that can be bought */
            itemsFen: number;
            lines: components["schemas"]["CartLineDto"][];
            maxLineQuantity: number;
        };
        CartLineDto: {
            cooperative: components["schemas"]["NamedRefDto"];
            id: string;
            imageUrl?: string | null;
            labelEn: string;
            labelZh: string;
            lineTotalFen: number;
            /** @enum {string|null} */
            problem?: "UNAVAILABLE" | "SOLD_OUT" | "NOT_ENOUGH_STOCK" | null;
            productSlug: string;
            quantity: number;
            /** @enum {string} */
            stockStatus: "IN_STOCK" | "LOW" | "SOLD_OUT";
            titleEn: string;
            titleZh: string;
            /** @description Today's price of one unit */
            unitPriceFen: number;
            variantId: string;
        };
        CategoryDto: {
            /** @enum {string} */
            code: "TEA" | "CHERRY" | "CHICKEN" | "EGG" | "MUSHROOM" | "PORK" | "NOODLE" | "VEGETABLE";
            nameEn: string;
            nameZh: string;
            /** @description Published products in this category */
            productCount: number;
        };
        CertificationDto: {
            batch?: string | null;
            issuer: string;
            number: string;
            /** @description false once the certificate has expired */
            valid: boolean;
            /** Format: date */
            validUntil: string;
        };
        CertifyProductDto: {
            /**
             * @description The national listing batch
             * @example 2026年第二批
             */
            batch?: string;
            /** @example 纳雍县乡村振兴局 */
            issuer: string;
            /**
             * @description Certificate number as printed; it has no fixed national format
             * @example 黔扶认〔2026〕0523-0117
             */
            number: string;
            /**
             * Format: date
             * @example 2027-12-31
             */
            validUntil: string;
        };
        CheckoutDto: {
            address: components["schemas"]["AddressDto"];
            /** @description For institutional buyers: the invoice title and their credit code */
            invoice?: components["schemas"]["InvoiceDto"];
            /**
             * Format: uuid
             * @description Or one of the buyer’s invoice profiles (not both)
             */
            invoiceProfileId?: string;
            /** @description Cart line ids; the other lines stay in the cart */
            lineIds?: string[];
            note?: string;
        };
        ClaimCooperativeDto: {
            /** Format: uuid */
            id: string;
            /** @description Its Chinese name */
            name: string;
        };
        ClaimDto: {
            /**
             * Format: date-time
             * @description The cooperative answers by then; after it, an admin may decide alone
             */
            answerDueAt: string;
            /** Format: date-time */
            answeredAt?: string | null;
            answerNote?: string | null;
            /** @description Units asked × price paid, fen */
            askedFen: number;
            /** Format: date-time */
            closedAt?: string | null;
            cooperative: components["schemas"]["ClaimCooperativeDto"];
            /** Format: date-time */
            createdAt: string;
            decisionNote?: string | null;
            /** Format: uuid */
            fulfillmentId: string;
            grantedFen?: number | null;
            /** Format: uuid */
            id: string;
            lines: components["schemas"]["ClaimLineDto"][];
            note?: string | null;
            offeredFen?: number | null;
            orderNumber: string;
            organisationName?: string | null;
            /** @description Photos attached: read each at /photos/{index}, 0-based */
            photos: number;
            /** @enum {string} */
            reason: "DAMAGED" | "SPOILED" | "SHORT" | "WRONG_ITEM" | "QUALITY";
            refund?: components["schemas"]["ClaimRefundDto"] | null;
            /** @enum {string} */
            status: "OPEN" | "OFFERED" | "DISPUTED" | "ESCALATED" | "SETTLED" | "REJECTED" | "WITHDRAWN";
        };
        ClaimLineDto: {
            askedQuantity: number;
            grantedQuantity?: number | null;
            labelZh: string;
            /** Format: uuid */
            lineId: string;
            offeredQuantity?: number | null;
            /** @description Units bought on the line */
            quantity: number;
            titleEn: string;
            titleZh: string;
            unitPriceFen: number;
        };
        ClaimLineInputDto: {
            /** Format: uuid */
            lineId: string;
            /** @description Units (boxes, packs) of the line */
            quantity: number;
        };
        ClaimListDto: {
            /** @description Newest first, at most `limit` (50 unless asked) */
            items: components["schemas"]["ClaimDto"][];
        };
        ClaimRefundDto: {
            amountFen: number;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "PENDING" | "SUCCEEDED" | "FAILED";
        };
        CoopBalanceDto: {
            /** @description Transferred, not yet confirmed or disputed */
            awaitingFen: number;
            /** @description owed − paid */
            balanceFen: number;
            confirmedFen: number;
            disputedFen: number;
            /** @description Net payable of every statement so far, fen */
            owedFen: number;
            /** @description Transferred (reversals deducted), fen */
            paidFen: number;
        };
        CoopDeliveryDto: {
            /**
             * Format: date
             * @description The day it is to arrive
             */
            on: string;
            organisationName: string;
            siteName: string;
        };
        CooperativeBalanceListDto: {
            items: components["schemas"]["CooperativeBalanceRowDto"][];
            year: number;
        };
        CooperativeBalanceRowDto: {
            /** @description Transferred, not yet confirmed or disputed */
            awaitingFen: number;
            /** @description owed − paid */
            balanceFen: number;
            confirmedFen: number;
            cooperative: components["schemas"]["CooperativeRefDto"];
            disputedFen: number;
            /** @description Net payable of every statement so far, fen */
            owedFen: number;
            /** @description Transferred (reversals deducted), fen */
            paidFen: number;
            paidToHouseholdsFen: number;
            /** @description Pool pledged by its sales in the year, fen */
            poolFen: number;
        };
        CooperativePageDto: {
            creditCode: string;
            descriptionEn: string;
            descriptionZh: string;
            id: string;
            linkedHouseholds: components["schemas"]["LinkedHouseholdsDto"];
            nameEn: string;
            nameZh: string;
            products: components["schemas"]["ProductListItemDto"][];
            /** @description Shown once the cooperative has shipped at least 20 parcels through the marketplace */
            quality?: components["schemas"]["CooperativeQualityDto"] | null;
            township: components["schemas"]["TownshipRefDto"];
            /** Format: date-time */
            verifiedAt?: string | null;
        };
        CooperativeProfileDto: {
            creditCode: string;
            descriptionEn: string;
            descriptionZh: string;
            id: string;
            linkedHouseholds: components["schemas"]["LinkedHouseholdsDto"];
            nameEn: string;
            nameZh: string;
            township: components["schemas"]["TownshipRefDto"];
            /** Format: date-time */
            verifiedAt?: string | null;
        };
        CooperativeQualityDto: {
            /** @description After-sales claims per parcel shipped, basis points */
            claimRateBp: number;
            /** @description Shipped within 48 h of payment (or of a pre-sale’s shipping day), basis points */
            onTimeBp: number;
            /** @description Parcels shipped */
            shipments: number;
        };
        CooperativeRefDto: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        CooperativeSettingsDto: {
            /**
             * @description Days between an organisation's order and the earliest delivery it can make
             * @example 2
             */
            leadDays: number;
        };
        CoopFulfillmentDto: {
            /** @description An organisation's part, once accepted */
            acceptance?: components["schemas"]["AcceptanceDto"] | null;
            /** @description Where to send it */
            address: components["schemas"]["OrderAddressDto"];
            carrier?: string | null;
            cooperative: components["schemas"]["NamedRefDto"];
            /** @description An organisation's order: its delivery day and site */
            delivery?: components["schemas"]["CoopDeliveryDto"] | null;
            feeFen: number;
            id: string;
            itemsFen: number;
            lines: components["schemas"]["OrderLineDto"][];
            note?: string | null;
            orderNumber: string;
            /** @enum {string} */
            orderStatus: "AWAITING_APPROVAL" | "AWAITING_PAYMENT" | "ON_ACCOUNT" | "PAID" | "PARTIALLY_SHIPPED" | "SHIPPED" | "COMPLETED" | "CANCELLED" | "REFUNDED";
            /** Format: date-time */
            shippedAt?: string | null;
            /** @enum {string} */
            shippingClass: "AMBIENT" | "CHILLED" | "FROZEN";
            /**
             * Format: date
             * @description Pre-sale: not before this day
             */
            shipsFrom?: string | null;
            /** @enum {string} */
            status: "PENDING" | "SHIPPED" | "CANCELLED";
            trackingNo?: string | null;
            weightG: number;
        };
        CoopFulfillmentPageDto: {
            items: components["schemas"]["CoopFulfillmentDto"][];
            nextCursor?: string | null;
        };
        CoopHouseholdDto: {
            /** @description Allocated to it by this cooperative’s settlements, fen */
            allocatedFen: number;
            code: string;
            /** Format: uuid */
            id: string;
            /**
             * @description The head’s name, masked: names stay sealed
             * @example 王**
             */
            maskedName: string;
            /** @description allocated − paid */
            outstandingFen: number;
            paidFen: number;
            /** @enum {string} */
            status: "LIFTED" | "MONITORED";
            townshipCode: string;
            village: string;
        };
        CoopHouseholdListDto: {
            items: components["schemas"]["CoopHouseholdDto"][];
        };
        CoopPayoutDto: {
            /** @description Fen; negative for a reversal */
            amountFen: number;
            bankReference: string;
            cooperative: components["schemas"]["CooperativeRefDto"];
            disputeReason?: string | null;
            /** Format: uuid */
            id: string;
            note?: string | null;
            /** Format: date */
            paidOn: string;
            /** Format: date-time */
            recordedAt: string;
            /**
             * Format: uuid
             * @description The payout this row reverses
             */
            reversesId?: string | null;
            statements: components["schemas"]["StatementShareDto"][];
            /**
             * @description AWAITING the cooperative’s answer, CONFIRMED, DISPUTED, or REVERSED by a correction
             * @enum {string}
             */
            status: "AWAITING" | "CONFIRMED" | "DISPUTED" | "REVERSED";
        };
        CoopPayoutListDto: {
            items: components["schemas"]["CoopPayoutDto"][];
            totals: components["schemas"]["CoopBalanceDto"];
        };
        CoopSalesDto: {
            /** @description By month */
            months: components["schemas"]["GroupFiguresDto"][];
            summary: components["schemas"]["FiguresDto"];
        };
        CoopStatementDto: {
            /** Format: date */
            from: string;
            /** @description Goods of paid orders (every line, certified or not), fen */
            goodsFen: number;
            /** @description goods − refunded goods + shipping − refunded shipping − fee: what the marketplace owes, fen */
            netPayableFen: number;
            /** @description The platform’s fee (its rate in basis points on goods and shipping, net of refunds), fen */
            platformFeeFen: number;
            /** @description The pool pledged to its linked households by the same sales (net of refunds), fen */
            poolFen: number;
            /** @description Goods refunded, fen (positive) */
            refundedGoodsFen: number;
            /** @description Shipping refunded, fen (positive) */
            refundedShippingFen: number;
            /** @description Shipping fees of its parts of paid orders, fen */
            shippingFen: number;
            /** Format: date */
            to: string;
        };
        CreateHouseholdDto: {
            /**
             * @description The year it was lifted out of poverty
             * @example 2019
             */
            exitYear?: number | null;
            /**
             * @description Head of the household; stored encrypted, shown to admins only, each read audited
             * @example 王秀英
             */
            headName: string;
            /**
             * @description Resident ID number (18 characters, the last a check character); stored encrypted, never sent back (only masked)
             * @example 5205251980010100XX
             */
            idNumber: string;
            /** @description People in the household */
            members: number;
            /** @example 2015 */
            registeredYear: number;
            /** @enum {string} */
            status: "LIFTED" | "MONITORED";
            /**
             * @description A Nayong township (乡镇/街道) code
             * @example 520525202
             */
            townshipCode: string;
            /** @example 桃营村 */
            village: string;
        };
        CreateLinkDto: {
            /** Format: uuid */
            cooperativeId: string;
            /** @enum {string} */
            mechanism: "EQUITY_DIVIDEND" | "CONTRACT_PURCHASE" | "EMPLOYMENT" | "LAND_LEASE";
            /** @example 2026-01-01 */
            validFrom: string;
            validTo?: string | null;
            weight: number;
        };
        CreateLotDto: {
            /**
             * @description 承诺达标合格证 number
             * @example CN-GZ-NY-2026-00871
             */
            certificateNo: string;
            /**
             * Format: date
             * @description Harvested, slaughtered or made on; not in the future
             */
            producedOn: string;
            /**
             * Format: uuid
             * @description One of the cooperative’s products
             */
            productId: string;
            /** @description Units (as sold) in the lot */
            quantity: number;
            /**
             * @description Quarantine certificate number: required for meat, poultry and eggs
             * @example 5205251202612030017
             */
            quarantineNo?: string;
            /**
             * @description The village (within the cooperative’s township) it comes from
             * @example 化作村
             */
            village: string;
        };
        CreateProductDto: {
            /** @enum {string} */
            category: "TEA" | "CHERRY" | "CHICKEN" | "EGG" | "MUSHROOM" | "PORK" | "NOODLE" | "VEGETABLE";
            descriptionEn?: string;
            descriptionZh?: string;
            /**
             * @description Nayong township the produce comes from
             * @example 520525202
             */
            originTownshipCode: string;
            /**
             * Format: date
             * @description Pre-sale orders ship from this day
             */
            presaleShipsOn?: string | null;
            /**
             * Format: date-time
             * @description Orders close
             */
            saleEndsAt?: string | null;
            /**
             * Format: date-time
             * @description Orders open; null: always on sale
             */
            saleStartsAt?: string | null;
            shelfLifeDays: number;
            /** @enum {string} */
            shippingClass: "AMBIENT" | "CHILLED" | "FROZEN";
            /**
             * @description Left out, the Chinese title
             * @example Agate-red cherries 2.5 kg
             */
            titleEn?: string;
            /** @example 玛瑙红樱桃 2.5公斤 */
            titleZh: string;
            variants: components["schemas"]["VariantInputDto"][];
        };
        CreateRefundDto: {
            /** @description Leave out to refund the whole order, shipping included */
            lines?: components["schemas"]["RefundLineRequestDto"][];
            /** @example QH20261129-000123 */
            orderNumber: string;
            /** @example 鸡蛋运输破损 / eggs broken in transit */
            reason: string;
        };
        CreditTermsDto: {
            creditLimitFen: number;
            /** Format: date-time */
            grantedAt: string;
            paymentDays: number;
        };
        CreditTermsInputDto: {
            /**
             * @description Most the organisation may owe at once (fen)
             * @example 20000000
             */
            creditLimitFen: number;
            /**
             * @description Days to pay after a statement’s last day
             * @example 30
             */
            paymentDays: number;
        };
        DayFiguresDto: {
            /** @example 2026-11-28 */
            day: string;
            entries: number;
            linkedSalesFen: number;
            poolFen: number;
            /** @description SHA-256 (hex) over the day’s entries in canonical order */
            sha256: string;
        };
        DecideClaimDto: {
            /** @description The units granted per line (0 everywhere rejects the claim) */
            lines: components["schemas"]["ClaimLineInputDto"][];
            note: string;
        };
        DeliverySiteDto: {
            contactMobile: string;
            contactName: string;
            districtCode: string;
            driverNotes?: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            receivingWindows: components["schemas"]["ReceivingWindowDto"][];
            street: string;
        };
        DeliverySiteInputDto: {
            /** @example 13900139000 */
            contactMobile: string;
            /** @example 王师傅 */
            contactName: string;
            /** @example 440106 */
            districtCode: string;
            /** @example 从东门进，卸货区限高 3.2 米 */
            driverNotes?: string | null;
            /** @example 机关一食堂 */
            name: string;
            /** @description When goods are taken in; none: any day */
            receivingWindows: components["schemas"]["ReceivingWindowDto"][];
            /** @example 天府路 1 号 机关大院 3 号楼 负一层 卸货区 */
            street: string;
        };
        DeliverySiteListDto: {
            items: components["schemas"]["DeliverySiteDto"][];
        };
        DigestMismatchDto: {
            day: string;
            /** @description null: the day has no entries any more */
            recomputed?: components["schemas"]["DayFiguresDto"] | null;
            recorded: components["schemas"]["DayFiguresDto"];
        };
        DistrictShareDto: {
            districtCode: string;
            shareBp: number;
        };
        DistrictShareInputDto: {
            /** @example 1500 */
            shareBp: number;
        };
        DistrictShareListDto: {
            items: components["schemas"]["DistrictShareDto"][];
        };
        ErrorDto: {
            /** @enum {string} */
            code: "VALIDATION_FAILED" | "INVALID_JSON" | "JSON_TOO_COMPLEX" | "BAD_REQUEST" | "INVALID_CURSOR" | "WEBHOOK_SIGNATURE_INVALID" | "CSV_INVALID" | "RESET_TOKEN_INVALID" | "INVITATION_INVALID" | "UNAUTHORIZED" | "INVALID_CREDENTIALS" | "TOKEN_EXPIRED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "FORBIDDEN" | "NOT_YOUR_COOPERATIVE" | "COOPERATIVE_SUSPENDED" | "ORGANISATION_ROLE_REQUIRED" | "INVITATION_FOR_ANOTHER_EMAIL" | "SELF_APPROVAL" | "OUTSIDE_YOUR_TOWNSHIPS" | "NOT_FOUND" | "PRODUCT_NOT_FOUND" | "COOPERATIVE_NOT_FOUND" | "VARIANT_NOT_FOUND" | "CART_LINE_NOT_FOUND" | "ORDER_NOT_FOUND" | "FULFILLMENT_NOT_FOUND" | "ROUTE_NOT_FOUND" | "DEMO_PROVIDER_DISABLED" | "HOUSEHOLD_NOT_FOUND" | "LINK_NOT_FOUND" | "REMINDER_NOT_FOUND" | "ADDRESS_NOT_FOUND" | "INVOICE_PROFILE_NOT_FOUND" | "INVOICE_REQUEST_NOT_FOUND" | "INVOICE_NOT_FOUND" | "ORGANISATION_NOT_FOUND" | "MEMBER_NOT_FOUND" | "INVITATION_NOT_FOUND" | "DELIVERY_SITE_NOT_FOUND" | "SHORTFALL_CLAIM_NOT_FOUND" | "STATEMENT_NOT_FOUND" | "PAYOUT_NOT_FOUND" | "RECEIPT_NOT_FOUND" | "LOT_NOT_FOUND" | "LOT_REPORT_NOT_FOUND" | "CLAIM_NOT_FOUND" | "CLAIM_PHOTO_NOT_FOUND" | "METHOD_NOT_ALLOWED" | "REQUEST_TIMEOUT" | "EMAIL_TAKEN" | "SKU_TAKEN" | "VARIANT_LABEL_TAKEN" | "INSUFFICIENT_STOCK" | "OUT_OF_STOCK" | "LINES_UNAVAILABLE" | "CART_EMPTY" | "IDEMPOTENCY_KEY_REUSED" | "ORDER_STATUS_CONFLICT" | "FULFILLMENT_STATUS_CONFLICT" | "PRODUCT_STATUS_CONFLICT" | "COOPERATIVE_STATUS_CONFLICT" | "NOTHING_TO_REFUND" | "HOUSEHOLD_DUPLICATE" | "TOO_MANY_UNPAID_ORDERS" | "TOO_MANY_RESERVED_UNITS" | "PRODUCT_ON_SALE" | "CREDIT_CODE_TAKEN" | "ALREADY_IN_ORGANISATION" | "ORGANISATION_STATUS_CONFLICT" | "LAST_MANAGER" | "SHORTFALL_CLAIM_STATUS_CONFLICT" | "TOO_MANY_INVITATIONS" | "TOO_MANY_INVOICE_PROFILES" | "INVOICE_REQUEST_STATUS_CONFLICT" | "INVOICE_NUMBER_TAKEN" | "CREDIT_OVERDUE" | "CREDIT_LIMIT_EXCEEDED" | "NO_CREDIT_TERMS" | "ORDER_NOT_DELIVERED" | "STATEMENT_NOTHING_NEW" | "TRANSFER_ALREADY_RECORDED" | "PAYOUT_STATUS_CONFLICT" | "PAYOUT_ALREADY_ACKNOWLEDGED" | "LOT_CLOSED" | "LOT_OVERDRAWN" | "LOT_SHIPPED" | "LOT_RECALLED" | "CLAIM_STATUS_CONFLICT" | "PAYLOAD_TOO_LARGE" | "URI_TOO_LONG" | "UNSUPPORTED_MEDIA_TYPE" | "UNSUPPORTED_IMAGE_TYPE" | "UNSUPPORTED_INVOICE_FILE" | "UNSUPPORTED_RECEIPT_FILE" | "UNSUPPORTED_REPORT_FILE" | "SHIPPING_CLASS_NOT_ALLOWED" | "TOO_MANY_VARIANTS" | "TOO_MANY_IMAGES" | "INVALID_CREDIT_CODE" | "COLD_CHAIN_UNAVAILABLE" | "PRESALE_NOT_SHIPPABLE" | "ORDER_LINE_NOT_FOUND" | "REFUND_QUANTITY_TOO_LARGE" | "DELIVERY_DATE_UNAVAILABLE" | "INVOICE_AMOUNT_MISMATCH" | "PAYOUT_EXCEEDS_ALLOCATION" | "PAYOUT_EXCEEDS_STATEMENT" | "HOUSEHOLD_NOT_LINKED" | "QUARANTINE_CERTIFICATE_REQUIRED" | "LOT_OF_ANOTHER_PRODUCT" | "LOT_EXPIRED" | "LOT_QUANTITIES_DO_NOT_ADD_UP" | "CLAIM_WINDOW_CLOSED" | "CLAIM_QUANTITY_TOO_LARGE" | "CLAIM_LINE_NOT_FOUND" | "NOTHING_CLAIMED" | "TOO_MANY_ATTEMPTS" | "REQUEST_HEADERS_TOO_LARGE" | "INTERNAL_ERROR" | "PAYMENT_PROVIDER_ERROR" | "DATABASE_UNAVAILABLE" | "PAYMENT_PROVIDER_UNAVAILABLE";
            /** @description The fields at fault, when the error is about some */
            details?: components["schemas"]["FieldProblemDto"][];
            message: string;
            /** @description Quote it when reporting a problem */
            requestId: string;
            /** @example 400 */
            statusCode: number;
        };
        ExitYearRowDto: {
            /** @description Null: not lifted yet (monitored) */
            exitYear?: number | null;
            households: number;
            people: number;
        };
        FieldProblemDto: {
            /**
             * @description Dotted path of the field in the request
             * @example variants.0.priceFen
             */
            field: string;
            /**
             * @description In English, for developers
             * @example [
             *       "priceFen must not be less than 1"
             *     ]
             */
            problems: string[];
            /**
             * @description The rule each problem broke, by a stable name, for a client to word in its own language: class-validator’s (isIn, isInt, min, max, length, maxLength, matches, isNotEmpty …) or the API’s own (registered, duplicate, taken, codeFormat, residentId, notBeforeRegistered)
             * @example [
             *       "min"
             *     ]
             */
            rules?: string[];
        };
        FiguresDto: {
            /** @description Distinct buyers of those orders */
            buyers: number;
            /** @description All paid sales of goods, net of refunds (shipping not included) */
            gmvFen: number;
            /** @description Distinct households linked to the cooperatives behind those sales while they sold */
            households: number;
            /** @description Sales of certified assistance products (消费帮扶产品), net of refunds */
            linkedSalesFen: number;
            /** @description Distinct paid orders not refunded in full */
            orders: number;
            /** @description Members of those households */
            people: number;
            /** @description Pledged to linked households */
            poolFen: number;
            /** @description Of poolFen, what was pledged on days its cooperative had no household linked: settled to no household, and counted for none. It stays recorded as unallocated in the settlements until the county assigns it. Null where settlements cannot be split (by category or origin township). */
            unallocatedFen: number | null;
        };
        FlaggedPaymentDto: {
            /** @description What the order asked for */
            amountFen: number;
            orderNumber: string;
            provider: string;
            receivedCurrency?: string | null;
            receivedFen?: number | null;
            reference?: string | null;
            reviewReason: string;
            /** Format: date-time */
            updatedAt: string;
        };
        FulfillmentDto: {
            /** @description An organisation's part, once accepted */
            acceptance?: components["schemas"]["AcceptanceDto"] | null;
            carrier?: string | null;
            cooperative: components["schemas"]["NamedRefDto"];
            feeFen: number;
            id: string;
            itemsFen: number;
            lines: components["schemas"]["OrderLineDto"][];
            /** Format: date-time */
            shippedAt?: string | null;
            /** @enum {string} */
            shippingClass: "AMBIENT" | "CHILLED" | "FROZEN";
            /**
             * Format: date
             * @description Pre-sale: not before this day
             */
            shipsFrom?: string | null;
            /** @enum {string} */
            status: "PENDING" | "SHIPPED" | "CANCELLED";
            trackingNo?: string | null;
            weightG: number;
        };
        GroupedFiguresDto: {
            by: string;
            items: components["schemas"]["GroupFiguresDto"][];
        };
        GroupFiguresDto: {
            /** @description Distinct buyers of those orders */
            buyers: number;
            /** @description By cooperative: its unified social credit code */
            creditCode?: string;
            /** @description All paid sales of goods, net of refunds (shipping not included) */
            gmvFen: number;
            /** @description Distinct households linked to the cooperatives behind those sales while they sold */
            households: number;
            /** @description Year, month, category, township code or cooperative id */
            key: string;
            /** @description Sales of certified assistance products (消费帮扶产品), net of refunds */
            linkedSalesFen: number;
            nameEn: string;
            nameZh: string;
            /** @description Distinct paid orders not refunded in full */
            orders: number;
            /** @description Members of those households */
            people: number;
            /** @description Pledged to linked households */
            poolFen: number;
            /** @description Of poolFen, what was pledged on days its cooperative had no household linked: settled to no household, and counted for none. It stays recorded as unallocated in the settlements until the county assigns it. Null where settlements cannot be split (by category or origin township). */
            unallocatedFen: number | null;
        };
        HealthDto: {
            /** @enum {string} */
            database: "up" | "down";
            /** @enum {string} */
            status: "ok" | "error";
        };
        HouseholdAllocationRowDto: {
            amountFen: number;
            cooperative: components["schemas"]["CooperativeRefDto"];
            /** @description The link’s mechanism (利益联结方式) on those days */
            mechanism: string;
            /** @example 2026-10 */
            month: string;
        };
        HouseholdBalanceDto: {
            acknowledgedFen: number;
            allocatedFen: number;
            /** @description allocated − paid */
            outstandingFen: number;
            paidFen: number;
        };
        HouseholdDto: {
            /** @example NY-000123 */
            code: string;
            exitYear?: number | null;
            /** Format: uuid */
            id: string;
            /**
             * @description The only form of the ID number the API ever sends
             * @example 5205**********001X
             */
            idMasked: string;
            links: components["schemas"]["LinkDto"][];
            members: number;
            registeredYear: number;
            /** @enum {string} */
            status: "LIFTED" | "MONITORED";
            townshipCode: string;
            townshipName: string;
            /** Format: date-time */
            updatedAt: string;
            village: string;
        };
        HouseholdNameDto: {
            code: string;
            headName: string;
            /** Format: uuid */
            id: string;
        };
        HouseholdPageDto: {
            items: components["schemas"]["HouseholdDto"][];
            nextCursor?: string | null;
        };
        HouseholdPayoutDto: {
            acknowledgement?: components["schemas"]["AcknowledgementDto"] | null;
            /** @description Fen; negative for a reversal */
            amountFen: number;
            cooperative: components["schemas"]["CooperativeRefDto"];
            hasReceipt: boolean;
            household: components["schemas"]["HouseholdRefDto"];
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            method: "BANK" | "CASH";
            /** @description Not acknowledged, and recorded more than PAYOUT_ACK_DAYS days ago */
            overdue: boolean;
            /** Format: date */
            paidOn: string;
            /**
             * @description The month of allocations it pays (with what was carried over)
             * @example 2026-10
             */
            period: string;
            /** Format: date-time */
            recordedAt: string;
            /** @description The bank transfer’s reference, or the cash receipt’s number */
            reference: string;
            /** @description A later row reverses this one */
            reversed: boolean;
            /** Format: uuid */
            reversesId?: string | null;
        };
        HouseholdPayoutListDto: {
            items: components["schemas"]["HouseholdPayoutDto"][];
        };
        HouseholdRefDto: {
            code: string;
            /** Format: uuid */
            id: string;
            /** @example 王** */
            maskedName: string;
            townshipCode: string;
            village: string;
        };
        HouseholdStatementDto: {
            allocations: components["schemas"]["HouseholdAllocationRowDto"][];
            balance: components["schemas"]["HouseholdBalanceDto"];
            household: components["schemas"]["HouseholdStatementHouseholdDto"];
            payouts: components["schemas"]["HouseholdPayoutDto"][];
        };
        HouseholdStatementHouseholdDto: {
            code: string;
            exitYear?: number | null;
            /** Format: uuid */
            id: string;
            members: number;
            /** @enum {string} */
            status: "LIFTED" | "MONITORED";
            townshipCode: string;
            village: string;
        };
        ImpactCooperativeDto: {
            /** @description Households linked to this cooperative today */
            households: number;
            /** Format: uuid */
            id: string;
            name: string;
            nameEn: string;
            township: string;
            townshipEn: string;
        };
        ImportProblemDto: {
            field: string;
            problems: string[];
        };
        ImportRejectionDto: {
            /** @description Line of the file, counting the header as line 1 */
            line: number;
            problems: components["schemas"]["FieldProblemDto"][];
        };
        ImportReportDto: {
            /** @description Platform codes of the households added, in file order */
            codes: string[];
            imported: number;
            rejected: components["schemas"]["ImportRejectionDto"][];
            /** @description Data rows read (the header not counted) */
            rows: number;
        };
        InvitationDto: {
            email: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            invitedAt: string;
            roles: ("MANAGER" | "PURCHASER" | "APPROVER" | "FINANCE" | "RECEIVER")[];
            /** @enum {string} */
            status: "PENDING" | "ACCEPTED" | "REVOKED" | "EXPIRED";
        };
        InvitationListDto: {
            /** @description Newest first, the last 100 */
            items: components["schemas"]["InvitationDto"][];
        };
        InvitationPreviewDto: {
            /**
             * @description The address it was sent to, masked: sign in with it to accept
             * @example c***@demo.cn
             */
            emailMasked: string;
            /** Format: date-time */
            expiresAt: string;
            organisationName: string;
            organisationNameEn: string;
            roles: ("MANAGER" | "PURCHASER" | "APPROVER" | "FINANCE" | "RECEIVER")[];
        };
        InvitationTokenDto: {
            /** @description The token of the invitation link (/org/join?token=…) */
            token: string;
        };
        InviteMemberDto: {
            /** @example approver@demo.cn */
            email: string;
            /**
             * @example [
             *       "PURCHASER",
             *       "RECEIVER"
             *     ]
             */
            roles: ("MANAGER" | "PURCHASER" | "APPROVER" | "FINANCE" | "RECEIVER")[];
        };
        InvoiceDto: {
            /**
             * @description Unified social credit code (checked with its check character)
             * @example 91110000600037341L
             */
            creditCode: string;
            /** @example 广州市天河区某某中学工会委员会 */
            title: string;
        };
        InvoiceProfileDto: {
            address?: string | null;
            bankAccount?: string | null;
            bankName?: string | null;
            id: string;
            isDefault: boolean;
            /** @enum {string} */
            kind: "ORDINARY" | "SPECIAL";
            phone?: string | null;
            taxNumber?: string | null;
            title: string;
            /** Format: date-time */
            updatedAt: string;
        };
        InvoiceProfileInputDto: {
            /** @description Registered address (special invoices) */
            address?: string;
            /**
             * @description Bank account number (special invoices)
             * @example 3602 0000 0920 0123 456
             */
            bankAccount?: string;
            /**
             * @description Bank of the account (special invoices)
             * @example 中国工商银行广州天河支行
             */
            bankName?: string;
            /** @description Offered first at checkout */
            isDefault?: boolean;
            /**
             * @description ORDINARY: 普通发票; SPECIAL: 增值税专用发票
             * @enum {string}
             */
            kind: "ORDINARY" | "SPECIAL";
            /**
             * @description Registered phone (special invoices)
             * @example 020-38880000
             */
            phone?: string;
            /**
             * @description Unified social credit code; required for a special invoice
             * @example 11440106MB2C12345X
             */
            taxNumber?: string;
            /** @example 广州市天河区机关事务管理局 */
            title: string;
        };
        InvoiceProfileListDto: {
            /** @description The default first, then the newest */
            items: components["schemas"]["InvoiceProfileDto"][];
        };
        InvoiceRequestDto: {
            /** @description What the invoice must come to (fen): the part’s goods and shipping net of refunds, or the amount refunded */
            amountFen: number;
            cooperativeName: string;
            /** Format: date-time */
            createdAt: string;
            /** @enum {string|null} */
            fileType?: "PDF" | "OFD" | null;
            /** @description The shipment (part of the order) it is for */
            fulfillmentId: string;
            id: string;
            /** @description Whom to invoice */
            invoice: components["schemas"]["OrderInvoiceDto"];
            invoiceNumber?: string | null;
            /** Format: date-time */
            issuedAt?: string | null;
            /** Format: date */
            issuedOn?: string | null;
            /**
             * @description INVOICE: 开具发票; RED_LETTER: 红字发票 for a refund after invoicing
             * @enum {string}
             */
            kind: "INVOICE" | "RED_LETTER";
            /** @description Days since it was opened (China days) */
            openDays: number;
            orderNumber: string;
            /** @description Open longer than 7 days */
            overdue: boolean;
            /**
             * @description VOID: refunded in full before it was issued
             * @enum {string}
             */
            status: "OPEN" | "ISSUED" | "VOID";
        };
        InvoiceRequestListDto: {
            items: components["schemas"]["InvoiceRequestDto"][];
        };
        LabelDto: {
            /** Format: date */
            bestBefore: string;
            certificateNo: string;
            /** @description Boxes that carry this label */
            copies: number;
            labelZh: string;
            lotCode: string;
            /**
             * @description Path of the lot’s public page; the QR code holds it with the site’s origin
             * @example /lot/K7QX3M9A
             */
            lotPath: string;
            /** Format: date */
            producedOn: string;
            quarantineNo?: string | null;
            titleEn: string;
            titleZh: string;
            townshipName: string;
            village: string;
        };
        LabelSheetDto: {
            cooperativeName: string;
            /** @description One label per line and lot; print `copies` of each */
            labels: components["schemas"]["LabelDto"][];
            orderNumber: string;
        };
        LatestVerificationDto: {
            /** @description null until the first check has run */
            latest?: components["schemas"]["StoredVerificationDto"] | null;
        };
        LeagueRowDto: {
            achievedFen: number;
            /** @description A budget unit (预算单位), bound to reserve a share; others are listed for their purchases */
            budgetUnit: boolean;
            creditCode: string;
            districtCode: string;
            districtNameEn: string;
            districtNameZh: string;
            lastOrderDay?: string | null;
            linkedSalesFen: number;
            name: string;
            organisationId: string;
            /** @description Null: no plan entered for the year */
            plan?: components["schemas"]["ProgressPlanDto"] | null;
            progressBp?: number | null;
            /** @enum {string} */
            type: "GOVERNMENT" | "PUBLIC_INSTITUTION" | "STATE_ENTERPRISE" | "SCHOOL" | "HOSPITAL" | "TRADE_UNION" | "COMPANY" | "OTHER";
        };
        LeagueTableDto: {
            byDistrict: components["schemas"]["LeagueTotalDto"][];
            byType: components["schemas"]["LeagueTotalDto"][];
            /** @description Lagging first: budget units by progress, lowest first; then those with no plan, no target, no canteen; then the others */
            items: components["schemas"]["LeagueRowDto"][];
            /** @description Whatever the filters: the year’s sales, institutions against households */
            marketplace: components["schemas"]["MarketplaceShareDto"];
            /** @description The rows added up */
            total: components["schemas"]["LeagueTotalDto"];
            year: number;
        };
        LeagueTotalDto: {
            /** @description What every organisation of the group bought */
            achievedFen: number;
            /** @description Of achievedFen, bought by the organisations with a target */
            achievedOnTargetFen: number;
            /** @description Budgets of those with a plan */
            budgetFen: number;
            /** @description all, a district code, or an organisation type */
            key: string;
            linkedSalesFen: number;
            nameEn: string;
            nameZh: string;
            organisations: number;
            /** @description achievedOnTargetFen ÷ targetFen, rounded down: only organisations with a target count towards it */
            progressBp?: number | null;
            targetFen: number;
        };
        LineLotDto: {
            /** @example K7QX3M9A */
            code: string;
            quantity: number;
        };
        LinkDto: {
            cooperativeId: string;
            cooperativeName: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            mechanism: "EQUITY_DIVIDEND" | "CONTRACT_PURCHASE" | "EMPLOYMENT" | "LAND_LEASE";
            /** @example 2020-01-01 */
            validFrom: string;
            /** @example 2026-12-31 */
            validTo?: string | null;
            /** @description Share of the cooperative’s pool relative to its other links */
            weight: number;
        };
        LinkedHouseholdsDto: {
            byMechanism: components["schemas"]["MechanismCountDto"][];
            /** @description Distinct households linked to the cooperative today; null for 1 to 4, too few to show */
            households: number | null;
        };
        LoginDto: {
            /** @example buyer@demo.cn */
            email: string;
            /** @example demo-pass-2026 */
            password: string;
        };
        LotCooperativeDto: {
            /** Format: uuid */
            id: string;
            nameEn: string;
            nameZh: string;
        };
        LotDto: {
            /** Format: date */
            bestBefore: string;
            certificateNo: string;
            /** Format: date-time */
            closedAt?: string | null;
            /** @example K7QX3M9A */
            code: string;
            /** Format: uuid */
            cooperativeId: string;
            cooperativeName: string;
            /** Format: date-time */
            createdAt: string;
            /** @description A test report is on file */
            hasReport: boolean;
            /** Format: uuid */
            id: string;
            /** Format: date */
            producedOn: string;
            product: components["schemas"]["LotProductDto"];
            quantity: number;
            quarantineNo?: string | null;
            /** Format: date-time */
            recalledAt?: string | null;
            recallNotice?: string | null;
            /** @description Units shipped from it */
            shippedQuantity: number;
            village: string;
        };
        LotListDto: {
            /** @description Newest first, at most `limit` (50 unless asked) */
            items: components["schemas"]["LotDto"][];
        };
        LotProductDto: {
            category: string;
            /** Format: uuid */
            id: string;
            slug: string;
            titleEn: string;
            titleZh: string;
        };
        LotRecallDto: {
            /** Format: date-time */
            at: string;
            /** @description What buyers are told */
            notice: string;
        };
        LotRecipientDto: {
            /** Format: uuid */
            lineId: string;
            orderNumber: string;
            /** @description The organisation that received it, or null for a household buyer */
            organisationName?: string | null;
            /** @description Units of this lot the line received */
            quantity: number;
            /** Format: date-time */
            shippedAt?: string | null;
            titleZh: string;
        };
        LotRecipientsDto: {
            lines: components["schemas"]["LotRecipientDto"][];
            lot: components["schemas"]["LotDto"];
            /** @description Buyers told by this recall (0 until it is recalled) */
            notified: number;
            /** @description Distinct orders */
            orders: number;
            /** @description Distinct organisations */
            organisations: number;
        };
        LotTownshipDto: {
            /** @example 520525202 */
            code: string;
            /** @example 张家湾镇 */
            name: string;
        };
        ManagedCooperativeDto: {
            /** Format: date-time */
            createdAt: string;
            creditCode: string;
            /** @description A farmers' cooperative code (93…) with a correct check character */
            creditCodeValid: boolean;
            id: string;
            /** @description Days it needs between an organisation's order and its delivery */
            leadDays: number;
            nameEn: string;
            nameZh: string;
            /** @description The platform's fee on its sales from now on, basis points (0: none) */
            platformFeeBp: number;
            productCount: number;
            publishedCount: number;
            /** @enum {string} */
            status: "PENDING" | "VERIFIED" | "SUSPENDED";
            suspendedReason?: string | null;
            township: components["schemas"]["TownshipRefDto"];
            /** Format: date-time */
            verifiedAt?: string | null;
        };
        ManagedCooperativePageDto: {
            items: components["schemas"]["ManagedCooperativeDto"][];
            nextCursor?: string | null;
        };
        ManagedProductDto: {
            /** @enum {string} */
            category: "TEA" | "CHERRY" | "CHICKEN" | "EGG" | "MUSHROOM" | "PORK" | "NOODLE" | "VEGETABLE";
            certification?: components["schemas"]["CertificationDto"] | null;
            cooperative: components["schemas"]["NamedRefDto"];
            descriptionEn: string;
            descriptionZh: string;
            id: string;
            images: string[];
            originTownshipCode: string;
            /** Format: date */
            presaleShipsOn?: string | null;
            /** Format: date-time */
            publishedAt?: string | null;
            /** @description Why an admin sent it back */
            rejectReason?: string | null;
            /** Format: date-time */
            saleEndsAt?: string | null;
            /** Format: date-time */
            saleStartsAt?: string | null;
            shelfLifeDays: number;
            /** @enum {string} */
            shippingClass: "AMBIENT" | "CHILLED" | "FROZEN";
            slug: string;
            /** @enum {string} */
            status: "DRAFT" | "PENDING_REVIEW" | "PUBLISHED" | "ARCHIVED";
            /**
             * Format: date-time
             * @description Last sent for review
             */
            submittedAt?: string | null;
            titleEn: string;
            titleZh: string;
            /** Format: date-time */
            updatedAt: string;
            variants: components["schemas"]["ManagedVariantDto"][];
        };
        ManagedProductPageDto: {
            items: components["schemas"]["ManagedProductDto"][];
            nextCursor?: string | null;
        };
        ManagedVariantDto: {
            id: string;
            labelEn: string;
            labelZh: string;
            priceBreaks: components["schemas"]["PriceBreakDto"][];
            priceFen: number;
            sku: string;
            /** @description Units on hand */
            stock: number;
            weightG: number;
        };
        MarketplaceShareDto: {
            /** @description The marketplace’s GMV in the year, every buyer */
            gmvFen: number;
            householdFen: number;
            institutionFen: number;
            institutionShareBp?: number | null;
        };
        MechanismCountDto: {
            /** @description null: 1 to 4 households, too few to show */
            households: number | null;
            /** @enum {string} */
            mechanism: "EQUITY_DIVIDEND" | "CONTRACT_PURCHASE" | "EMPLOYMENT" | "LAND_LEASE";
        };
        MemberDto: {
            /** Format: uuid */
            accountId: string;
            displayName?: string | null;
            email: string;
            /** Format: date-time */
            joinedAt: string;
            roles: ("MANAGER" | "PURCHASER" | "APPROVER" | "FINANCE" | "RECEIVER")[];
        };
        MemberListDto: {
            items: components["schemas"]["MemberDto"][];
        };
        MemberRolesDto: {
            /**
             * @example [
             *       "PURCHASER",
             *       "RECEIVER"
             *     ]
             */
            roles: ("MANAGER" | "PURCHASER" | "APPROVER" | "FINANCE" | "RECEIVER")[];
        };
        MonthStatementDto: {
            /** Format: date */
            from: string;
            /** @description Goods of paid orders (every line, certified or not), fen */
            goodsFen: number;
            /** @example 2026-10 */
            month: string;
            /** @description goods − refunded goods + shipping − refunded shipping − fee: what the marketplace owes, fen */
            netPayableFen: number;
            /** @description Still owed for this month: net payable − settled, fen */
            owedFen: number;
            /** @description The platform’s fee (its rate in basis points on goods and shipping, net of refunds), fen */
            platformFeeFen: number;
            /** @description The pool pledged to its linked households by the same sales (net of refunds), fen */
            poolFen: number;
            /** @description Goods refunded, fen (positive) */
            refundedGoodsFen: number;
            /** @description Shipping refunded, fen (positive) */
            refundedShippingFen: number;
            /** @description Paid against this month’s statement by transfers (reversals deducted), fen */
            settledFen: number;
            /** @description Shipping fees of its parts of paid orders, fen */
            shippingFen: number;
            /** Format: date */
            to: string;
        };
        MyLotDto: {
            /** @description The caller’s (or their organisation’s) order lines that received this lot */
            lines: components["schemas"]["MyLotLineDto"][];
        };
        MyLotLineDto: {
            /** Format: uuid */
            lineId: string;
            orderNumber: string;
            /** @description Units of this lot on the line */
            quantity: number;
        };
        MyOrganisationDto: {
            /** @description Hours an order waiting for approval holds its stock */
            approvalHoldHours: number;
            /** @description Orders of this total (fen) or more wait for an approver; 0: every order */
            approvalThresholdFen: number;
            budgetUnit: boolean;
            contactMobile: string;
            contactName: string;
            /** Format: date-time */
            createdAt: string;
            creditCode: string;
            districtCode: string;
            hasCanteen: boolean;
            /** Format: uuid */
            id: string;
            name: string;
            nameEn: string;
            /** @description Why an admin did not verify it */
            rejectionReason?: string | null;
            roles: ("MANAGER" | "PURCHASER" | "APPROVER" | "FINANCE" | "RECEIVER")[];
            /** @enum {string} */
            status: "PENDING" | "VERIFIED" | "REJECTED";
            /** @enum {string} */
            type: "GOVERNMENT" | "PUBLIC_INSTITUTION" | "STATE_ENTERPRISE" | "SCHOOL" | "HOSPITAL" | "TRADE_UNION" | "COMPANY" | "OTHER";
            /** Format: date-time */
            verifiedAt?: string | null;
        };
        NamedRefDto: {
            id: string;
            name: string;
            nameEn: string;
        };
        OpenClaimDto: {
            /** @description Lines of one shipment and the units asked back on each */
            lines: components["schemas"]["ClaimLineInputDto"][];
            note?: string;
            /** @example QH20261203-000042 */
            orderNumber: string;
            /** @enum {string} */
            reason: "DAMAGED" | "SPOILED" | "SHORT" | "WRONG_ITEM" | "QUALITY";
        };
        OrderAddressDto: {
            /**
             * @description A Guangzhou district code
             * @example 440106
             */
            districtCode: string;
            /**
             * @description A mainland mobile number: 1[3-9] and 9 more digits
             * @example 13800138000
             */
            mobile: string;
            /** @example 陈晓岚 */
            name: string;
            /** @example 天河路 385 号 12 楼 1203 室 */
            street: string;
        };
        OrderDto: {
            address: components["schemas"]["OrderAddressDto"];
            /** @enum {string|null} */
            cancelReason?: "BUYER" | "RESERVATION_EXPIRED" | "PAYMENT_CANCELED" | "PAYMENT_UNAVAILABLE" | "APPROVAL_REJECTED" | "APPROVAL_EXPIRED" | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description An unpaid order is cancelled then
             */
            expiresAt: string;
            /** @description One shipment per cooperative */
            fulfillments: components["schemas"]["FulfillmentDto"][];
            /** @description Pledged by the cooperatives to their linked households */
            householdPoolFen: number;
            /** @description The impact receipt */
            impact: components["schemas"]["OrderImpactDto"];
            invoice?: components["schemas"]["OrderInvoiceDto"] | null;
            itemsFen: number;
            /** @description Spent on certified assistance products */
            linkedSalesFen: number;
            note?: string | null;
            /** @example QH20261129-000123 */
            number: string;
            /** Format: date-time */
            paidAt?: string | null;
            payment?: components["schemas"]["PaymentInfoDto"] | null;
            /** @description Refunds the provider has confirmed */
            refundedFen: number;
            refunds: components["schemas"]["RefundDto"][];
            shippingFen: number;
            /** @enum {string} */
            status: "AWAITING_APPROVAL" | "AWAITING_PAYMENT" | "ON_ACCOUNT" | "PAID" | "PARTIALLY_SHIPPED" | "SHIPPED" | "COMPLETED" | "CANCELLED" | "REFUNDED";
            totalFen: number;
        };
        OrderImpactDto: {
            /** @description The cooperatives behind the certified lines not refunded in full */
            cooperatives: components["schemas"]["ImpactCooperativeDto"][];
            /** @description Distinct households those cooperatives’ links reach */
            households: number;
            /** @description Spent on certified assistance products, less refunds */
            linkedSalesFen: number;
            /** @description What this order adds to the linked households’ pool, less what refunds took back */
            poolFen: number;
        };
        OrderInvoiceDto: {
            address?: string | null;
            bankAccount?: string | null;
            bankName?: string | null;
            /** @enum {string} */
            kind: "ORDINARY" | "SPECIAL";
            phone?: string | null;
            /** @description The profile it came from; null when typed in at checkout */
            profileId?: string | null;
            taxNumber?: string | null;
            title: string;
        };
        OrderLineDto: {
            /** @description A certified assistance product when bought */
            certified: boolean;
            id: string;
            /** @description The product’s first photo now, for a thumbnail */
            imageUrl?: string | null;
            labelEn: string;
            labelZh: string;
            lineTotalFen: number;
            /** @description The lots its units shipped from (their pages are /lot/{code}) */
            lots: components["schemas"]["LineLotDto"][];
            productSlug: string;
            quantity: number;
            /** @description Units refunded (confirmed by the payment provider); a cooperative sends quantity − refundedQuantity */
            refundedQuantity: number;
            /** Format: date */
            shipsFrom?: string | null;
            titleEn: string;
            titleZh: string;
            unitPriceFen: number;
            variantId: string;
        };
        OrderPageDto: {
            items: components["schemas"]["OrderDto"][];
            nextCursor?: string | null;
        };
        OrgOrderDto: {
            address: components["schemas"]["OrderAddressDto"];
            /** @enum {string|null} */
            cancelReason?: "BUYER" | "RESERVATION_EXPIRED" | "PAYMENT_CANCELED" | "PAYMENT_UNAVAILABLE" | "APPROVAL_REJECTED" | "APPROVAL_EXPIRED" | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            decidedAt?: string | null;
            /** @description The approver who approved or rejected it */
            decidedBy?: components["schemas"]["OrgOrderPersonDto"] | null;
            /** Format: date */
            deliveryOn: string;
            /**
             * Format: date-time
             * @description An unpaid order is cancelled then
             */
            expiresAt: string;
            /** @description One shipment per cooperative */
            fulfillments: components["schemas"]["FulfillmentDto"][];
            /** @description Pledged by the cooperatives to their linked households */
            householdPoolFen: number;
            /** @description The impact receipt */
            impact: components["schemas"]["OrderImpactDto"];
            invoice?: components["schemas"]["OrderInvoiceDto"] | null;
            itemsFen: number;
            /** @description Spent on certified assistance products */
            linkedSalesFen: number;
            note?: string | null;
            /** @example QH20261129-000123 */
            number: string;
            /** @description Paid on account: confirmed without a payment (ON_ACCOUNT), settled by bank transfer against statements */
            onAccount: boolean;
            /** Format: date-time */
            paidAt?: string | null;
            payment?: components["schemas"]["PaymentInfoDto"] | null;
            placedBy: components["schemas"]["OrgOrderPersonDto"];
            /** @description Refunds the provider has confirmed */
            refundedFen: number;
            refunds: components["schemas"]["RefundDto"][];
            rejectionReason?: string | null;
            shippingFen: number;
            site: components["schemas"]["OrgOrderSiteDto"];
            /** @enum {string} */
            status: "AWAITING_APPROVAL" | "AWAITING_PAYMENT" | "ON_ACCOUNT" | "PAID" | "PARTIALLY_SHIPPED" | "SHIPPED" | "COMPLETED" | "CANCELLED" | "REFUNDED";
            totalFen: number;
        };
        OrgOrderLineInputDto: {
            /**
             * @description Units (cases, boxes) of the variant
             * @example 30
             */
            quantity: number;
            /** Format: uuid */
            variantId: string;
        };
        OrgOrderPageDto: {
            items: components["schemas"]["OrgOrderDto"][];
            nextCursor?: string | null;
        };
        OrgOrderPersonDto: {
            /** Format: uuid */
            accountId: string;
            email: string;
        };
        OrgOrderRequestDto: {
            /**
             * Format: date
             * @description The China day it is to arrive at the site
             * @example 2026-12-14
             */
            deliveryOn: string;
            /**
             * Format: uuid
             * @description One of the organisation’s invoice profiles: the cooperatives invoice its parts to it
             */
            invoiceProfileId?: string;
            /** @description Each variant once */
            lines: components["schemas"]["OrgOrderLineInputDto"][];
            /** @example 请走东门卸货 */
            note?: string;
            /**
             * Format: uuid
             * @description One of the organisation’s delivery sites
             */
            siteId: string;
        };
        OrgOrderSiteDto: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        OrgQuoteDto: {
            /** @description Why deliveryOn, if given, does not work */
            deliveryProblems: ("TOO_SOON" | "TOO_FAR" | "OUT_OF_SEASON" | "SITE_CLOSED")[];
            /**
             * Format: date
             * @description The first day every part can arrive
             */
            earliestDeliveryOn: string;
            itemsFen: number;
            lines: components["schemas"]["OrgQuoteLineDto"][];
            /** @description Whether it would wait for an approver */
            needsApproval: boolean;
            /** @description One delivery per cooperative */
            parts: components["schemas"]["OrgQuotePartDto"][];
            shippingFen: number;
            totalFen: number;
        };
        OrgQuoteLineDto: {
            /** @description The variant’s price, before breaks */
            basePriceFen: number;
            cooperative: components["schemas"]["NamedRefDto"];
            labelEn: string;
            labelZh: string;
            lineTotalFen: number;
            priceBreaks: components["schemas"]["PriceBreakDto"][];
            quantity: number;
            /** @description Units in stock now */
            stock: number;
            titleEn: string;
            titleZh: string;
            /** @description What one unit costs on this line: a break it reaches, or the price */
            unitPriceFen: number;
            /** Format: uuid */
            variantId: string;
        };
        OrgQuotePartDto: {
            cooperative: components["schemas"]["NamedRefDto"];
            /** Format: date */
            earliestDeliveryOn: string;
            /** @description This parcel’s shipping fee */
            feeFen: number;
            itemsFen: number;
            /**
             * Format: date
             * @description Seasonal goods: the last day they can arrive
             */
            lastDeliveryOn?: string | null;
            /** @description Days the cooperative needs before a delivery */
            leadDays: number;
            /**
             * @description As cold as its coldest item
             * @enum {string}
             */
            shippingClass: "AMBIENT" | "CHILLED" | "FROZEN";
            /**
             * Format: date
             * @description Pre-sale: ships from this day
             */
            shipsFrom?: string | null;
            weightG: number;
        };
        OrgQuoteRequestDto: {
            /**
             * Format: date
             * @description A delivery day to check; its problems are listed, not refused
             */
            deliveryOn?: string;
            /** @description Each variant once */
            lines: components["schemas"]["OrgOrderLineInputDto"][];
            /**
             * Format: uuid
             * @description One of the organisation’s delivery sites
             */
            siteId: string;
        };
        OverdueDto: {
            amountFen: number;
            /** @description Payouts to households nobody acknowledged within PAYOUT_ACK_DAYS */
            payouts: number;
        };
        PasswordResetDto: {
            password: string;
            /** @description The token of the e-mailed link */
            token: string;
        };
        PasswordResetRequestDto: {
            /** @example chen@example.cn */
            email: string;
        };
        PaymentInfoDto: {
            /** @description Stripe: for the Payment Element, only while the order can be paid */
            clientSecret?: string | null;
            /** @description Why the last attempt failed, in the provider's words */
            failure?: string | null;
            /** @enum {string} */
            provider: "demo" | "stripe";
            /** @description Stripe: the publishable key to load Stripe.js with */
            publishableKey?: string | null;
            reference?: string | null;
            /** @enum {string} */
            status: "PENDING" | "SUCCEEDED" | "FAILED" | "CANCELLED" | "REFUNDED";
        };
        PaymentProviderDto: {
            /** @description Payments are a demonstration: no money moves. The shop says so on every page. */
            demo: boolean;
            /** @enum {string} */
            provider: "demo" | "stripe";
            /** @description Stripe: the publishable key to load Stripe.js with */
            publishableKey?: string | null;
        };
        PayoutImportReportDto: {
            dryRun: boolean;
            /** @description Rows recorded (or, in a dry run, that would be) */
            imported: number;
            /** @description Their total, fen */
            importedFen: number;
            refused: components["schemas"]["RefusedPayoutRowDto"][];
        };
        PendingPurchasesDto: {
            /** @description Their goods (fen), net of credits: what counts once they are paid */
            goodsFen: number;
            /** @description Orders awaiting approval or payment, or on account and not paid yet */
            orders: number;
        };
        PlanDto: {
            budgetFen?: number | null;
            noCanteen: boolean;
            shareBp?: number | null;
            /** @description budgetFen × shareBp / 10,000, rounded half up */
            targetFen?: number | null;
            /** Format: date-time */
            updatedAt: string;
            /** @description Who set it last: the manager, or an official or admin correcting it */
            updatedBy: string;
            year: number;
        };
        PlanInputDto: {
            /** @description The year’s canteen food procurement budget (fen); required unless noCanteen */
            budgetFen?: number;
            /** @description No canteen this year: no budget, no target */
            noCanteen?: boolean;
            /** @description The reserved share (basis points); left out: the district’s default, else 1,000 */
            shareBp?: number;
        };
        PlanListDto: {
            /** @description The share used when a plan names none */
            defaultShareBp: number;
            /** @description Newest year first */
            items: components["schemas"]["PlanDto"][];
        };
        PlatformFeeDto: {
            /** @description Basis points of goods and shipping, on sales from now on; 0 (the default) charges nothing */
            rateBp: number;
        };
        PriceBreakDto: {
            /** @example 20 */
            minQuantity: number;
            /** @example 8200 */
            priceFen: number;
        };
        PriceBreaksInputDto: {
            /**
             * @example [
             *       {
             *         "minQuantity": 20,
             *         "priceFen": 8200
             *       }
             *     ]
             */
            breaks: components["schemas"]["PriceBreakDto"][];
        };
        ProductDetailDto: {
            /** @enum {string} */
            category: "TEA" | "CHERRY" | "CHICKEN" | "EGG" | "MUSHROOM" | "PORK" | "NOODLE" | "VEGETABLE";
            certification?: components["schemas"]["CertificationDto"] | null;
            certified: boolean;
            cooperative: components["schemas"]["NamedRefDto"];
            cooperativeProfile: components["schemas"]["CooperativeProfileDto"];
            descriptionEn: string;
            descriptionZh: string;
            id: string;
            images: string[];
            imageUrl?: string | null;
            inStock: boolean;
            linkedHouseholds: components["schemas"]["LinkedHouseholdsDto"];
            maxPriceFen: number;
            minPriceFen: number;
            season: components["schemas"]["SeasonDto"];
            shelfLifeDays: number;
            /** @enum {string} */
            shippingClass: "AMBIENT" | "CHILLED" | "FROZEN";
            slug: string;
            titleEn: string;
            titleZh: string;
            township: components["schemas"]["TownshipRefDto"];
            variants: components["schemas"]["VariantDto"][];
        };
        ProductListItemDto: {
            /** @enum {string} */
            category: "TEA" | "CHERRY" | "CHICKEN" | "EGG" | "MUSHROOM" | "PORK" | "NOODLE" | "VEGETABLE";
            certified: boolean;
            cooperative: components["schemas"]["NamedRefDto"];
            id: string;
            imageUrl?: string | null;
            inStock: boolean;
            maxPriceFen: number;
            minPriceFen: number;
            season: components["schemas"]["SeasonDto"];
            slug: string;
            titleEn: string;
            titleZh: string;
            township: components["schemas"]["TownshipRefDto"];
        };
        ProductPageDto: {
            items: components["schemas"]["ProductListItemDto"][];
            nextCursor?: string | null;
        };
        ProgressDto: {
            /** @description Paid purchases in the year (China days), net of refunds (fen) */
            achievedFen: number;
            /** @description The last day (China) it placed an order in the year */
            lastOrderDay?: string | null;
            /** @description Of achievedFen, certified poverty-alleviation products */
            linkedSalesFen: number;
            /** @description January to December */
            months: components["schemas"]["ProgressMonthDto"][];
            name: string;
            organisationId: string;
            pending: components["schemas"]["PendingPurchasesDto"];
            /** @description Null: no plan entered for the year */
            plan?: components["schemas"]["ProgressPlanDto"] | null;
            /** @description achieved ÷ target in basis points, rounded down; null with no target */
            progressBp?: number | null;
            /** @description What is left to reach the target (never below 0); null with no target */
            remainingFen?: number | null;
            year: number;
        };
        ProgressMonthDto: {
            /** @description Bought from January to the end of this month */
            achievedFen: number;
            /** @description Bought that month: paid goods net of refunds (fen) */
            gmvFen: number;
            linkedSalesFen: number;
            month: number;
            /** @description Where a straight line from nothing on 1 January to the target on 31 December stands at the month’s end */
            pathFen?: number | null;
        };
        ProgressPlanDto: {
            budgetFen?: number | null;
            noCanteen: boolean;
            shareBp?: number | null;
            targetFen?: number | null;
        };
        PublicGroupDto: {
            /** @description null when fewer than 5 */
            households?: number | null;
            /** @description Category or township code; OTHER merges groups of fewer than 5 households */
            key: string;
            /** @description null when the households are fewer than 5 */
            linkedSalesFen: number | null;
            nameEn: string;
            nameZh: string;
            /** @description null when the households are fewer than 5 */
            people: number | null;
            /** @description null when the households are fewer than 5 */
            poolFen: number | null;
        };
        PublicImpactDto: {
            byCategory: components["schemas"]["PublicGroupDto"][];
            byTownship: components["schemas"]["PublicGroupDto"][];
            /** @description null when fewer than 5 */
            households?: number | null;
            /** @description null when the households are fewer than 5 */
            linkedSalesFen: number | null;
            people?: number | null;
            /** @description null when the households are fewer than 5 */
            poolFen: number | null;
        };
        PublicLotDto: {
            /** Format: date */
            bestBefore: string;
            certificateNo: string;
            code: string;
            cooperative: components["schemas"]["LotCooperativeDto"];
            hasReport: boolean;
            imageUrl?: string | null;
            linkedHouseholds: components["schemas"]["LinkedHouseholdsDto"];
            /** Format: date */
            producedOn: string;
            product: components["schemas"]["LotProductDto"];
            quarantineNo?: string | null;
            /** @description The recall, once an admin recalled the lot */
            recall?: components["schemas"]["LotRecallDto"] | null;
            township: components["schemas"]["LotTownshipDto"];
            trail: components["schemas"]["PublicLotTrailDto"];
            village: string;
        };
        PublicLotTrailDto: {
            /** @description Paid to those households this year, fen */
            paidToHouseholdsFen: number;
            /** @description Pledged to the cooperative’s linked households by the marketplace’s sales this year, fen */
            pledgedFen: number;
            year: number;
        };
        QualityDto: {
            /** @description By cooperative, then by product */
            byCooperative: components["schemas"]["QualityRowDto"][];
            byProduct: components["schemas"]["QualityRowDto"][];
        };
        QualityRowDto: {
            /** @description claims / shipments, basis points */
            claimRateBp?: number | null;
            /** @description Claims opened on them */
            claims: number;
            /** Format: uuid */
            cooperativeId: string;
            cooperativeName: string;
            /** @description Shipped within 48 h of payment or of the pre-sale’s shipping day */
            onTimeShipments: number;
            /** Format: uuid */
            productId?: string | null;
            productTitle?: string | null;
            /** @description Refunded through settled claims, fen */
            refundedByClaimsFen: number;
            /** @description refundedByClaimsFen / shippedFen, basis points */
            refundedShareBp?: number | null;
            /** @description Shipments (or, by product, shipped lines) */
            shipments: number;
            /** @description Goods shipped, fen */
            shippedFen: number;
        };
        QuoteDto: {
            itemsFen: number;
            /** @description One parcel per cooperative */
            parts: components["schemas"]["QuotePartDto"][];
            shippingFen: number;
            totalFen: number;
        };
        QuotePartDto: {
            cooperative: components["schemas"]["NamedRefDto"];
            /** @description This parcel’s shipping fee */
            feeFen: number;
            itemsFen: number;
            /**
             * @description As cold as its coldest item
             * @enum {string}
             */
            shippingClass: "AMBIENT" | "CHILLED" | "FROZEN";
            /**
             * Format: date
             * @description Pre-sale: ships from this day
             */
            shipsFrom?: string | null;
            weightG: number;
        };
        QuoteRequestDto: {
            /**
             * @description The Guangzhou district to deliver to
             * @example 440106
             */
            districtCode: string;
            /** @description Cart line ids; the other lines stay in the cart */
            lineIds?: string[];
        };
        ReasonDto: {
            /** @example 图片与实物不符，请补充实拍图 */
            reason: string;
        };
        RecallLotDto: {
            /**
             * @description What buyers are told, on the lot page and in their message
             * @example 该批次鸡蛋检出问题，请停止食用并联系我们退款。
             */
            notice: string;
        };
        ReceiptDto: {
            /** @description Give it as receiptId when recording a cash payout */
            receiptId: string;
        };
        ReceivingWindowDto: {
            /**
             * @description China time, HH:MM
             * @example 06:30
             */
            from: string;
            /**
             * @description China time, HH:MM, after `from`
             * @example 10:00
             */
            to: string;
            /**
             * @description ISO weekdays: 1 Monday … 7 Sunday
             * @example [
             *       1,
             *       2,
             *       3,
             *       4,
             *       5
             *     ]
             */
            weekdays: number[];
        };
        RecordCoopPayoutDto: {
            /** @description What was transferred, fen */
            amountFen: number;
            /**
             * @description The bank’s reference of the transfer
             * @example ICBC20261105-0042
             */
            bankReference: string;
            /** Format: uuid */
            cooperativeId: string;
            note?: string;
            /**
             * Format: date
             * @description The day of the transfer
             */
            paidOn: string;
            /** @description The monthly statements it settles; their amounts add up to amountFen */
            statements: components["schemas"]["StatementShareDto"][];
        };
        RecordedTransferDto: {
            /** @description What it paid of each order */
            allocations: components["schemas"]["TransferAllocationDto"][];
            amountFen: number;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organisationId: string;
            organisationName: string;
            /** Format: date */
            receivedOn: string;
            /** Format: date-time */
            recordedAt: string;
            reference: string;
            /** @description Orders this transfer paid in full: they are PAID and counted in the ledger now */
            settledOrders: string[];
            statementNumber?: string | null;
            /** @description Left on the account, paying no order yet */
            unappliedFen: number;
        };
        RecordHouseholdPayoutDto: {
            /** @description Fen */
            amountFen: number;
            /** Format: uuid */
            householdId: string;
            /** @enum {string} */
            method: "BANK" | "CASH";
            /** Format: date */
            paidOn: string;
            /**
             * @description The month of allocations it pays
             * @example 2026-10
             */
            period: string;
            /** @description From POST coop/payout-receipts: required for CASH */
            receiptId?: string;
            /**
             * @description The bank transfer’s reference, or the cash receipt’s number
             * @example NX20261103-0017
             */
            reference: string;
        };
        RecordTransferDto: {
            /** @description What arrived (fen) */
            amountFen: number;
            /** @description Or the orders it pays, oldest first; neither: all open orders */
            orderNumbers?: string[];
            /** Format: uuid */
            organisationId: string;
            /**
             * Format: date
             * @description The China day the bank credited it; not in the future
             */
            receivedOn: string;
            /**
             * @description The bank’s reference: each is recorded once
             * @example ICBC20261204-88213
             */
            reference: string;
            /**
             * @description The statement it pays: its orders, oldest first
             * @example ST20261130-000001
             */
            statementNumber?: string;
        };
        RefundDto: {
            amountFen: number;
            /** Format: date-time */
            confirmedAt?: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "ADMIN" | "CANCELLATION" | "LATE_PAYMENT" | "EXTERNAL" | "SHORTFALL" | "CLAIM";
            /** @description Empty for refunds of a whole payment made outside a line choice */
            lines: components["schemas"]["RefundLineDto"][];
            reason: string;
            /** @description The part of amountFen that is shipping */
            shippingFen: number;
            /**
             * @description SUCCEEDED once the payment provider confirms
             * @enum {string}
             */
            status: "PENDING" | "SUCCEEDED" | "FAILED";
        };
        RefundLineDto: {
            amountFen: number;
            /** Format: uuid */
            orderLineId: string;
            quantity: number;
        };
        RefundLineRequestDto: {
            /**
             * Format: uuid
             * @description An order line id, from the order
             */
            lineId: string;
            quantity: number;
        };
        RefusedPayoutRowDto: {
            householdCode: string;
            /** @description The line of the file it starts on */
            line: number;
            problems: components["schemas"]["ImportProblemDto"][];
        };
        RegisterDto: {
            displayName?: string;
            /** @example chen@example.cn */
            email: string;
            password: string;
        };
        RegisterOrganisationDto: {
            /** @description A budget unit (预算单位), which reserves a share of its canteen purchases for assisted areas */
            budgetUnit: boolean;
            /** @example 13800138000 */
            contactMobile: string;
            /** @example 李建华 */
            contactName: string;
            /**
             * @description Unified social credit code (统一社会信用代码), checked with its check character
             * @example 11440106MB2C39485X
             */
            creditCode: string;
            /**
             * @description The Guangzhou district it is in
             * @example 440106
             */
            districtCode: string;
            /** @description Whether it runs a canteen */
            hasCanteen: boolean;
            /** @example 广州市天河区机关事务管理局饭堂 */
            name: string;
            /**
             * @description The Chinese name when left out
             * @example Tianhe District Government Canteen
             */
            nameEn?: string;
            /**
             * @description 党政机关, 事业单位, 国有企业, 学校, 医院, 工会, 企业, 其他
             * @enum {string}
             */
            type: "GOVERNMENT" | "PUBLIC_INSTITUTION" | "STATE_ENTERPRISE" | "SCHOOL" | "HOSPITAL" | "TRADE_UNION" | "COMPANY" | "OTHER";
        };
        ReminderDto: {
            /** Format: date-time */
            createdAt: string;
            /** @example shedongguan-cherry-box */
            productSlug: string;
            /**
             * Format: date-time
             * @description When its sales open, when it has a season
             */
            saleStartsAt?: string | null;
            titleEn: string;
            titleZh: string;
        };
        ReminderListDto: {
            /** @description Waiting reminders, newest first */
            items: components["schemas"]["ReminderDto"][];
        };
        SavedAddressDto: {
            /**
             * @description A Guangzhou district code
             * @example 440106
             */
            districtCode: string;
            /** Format: uuid */
            id: string;
            /** @description Offered first at checkout */
            isDefault: boolean;
            /** Format: date-time */
            lastUsedAt: string;
            /**
             * @description A mainland mobile number: 1[3-9] and 9 more digits
             * @example 13800138000
             */
            mobile: string;
            /** @example 陈晓岚 */
            name: string;
            /** @example 天河路 385 号 12 楼 1203 室 */
            street: string;
        };
        SeasonDto: {
            /** @description On sale now: inside its sale window, or sold all year (no window) */
            inSeason: boolean;
            /** @description Open for orders that ship later */
            presale: boolean;
            /**
             * Format: date
             * @description Pre-sale orders ship from this day
             */
            presaleShipsOn?: string | null;
            /** Format: date-time */
            saleEndsAt?: string | null;
            /** Format: date-time */
            saleStartsAt?: string | null;
        };
        ShipDto: {
            /**
             * @description One of 顺丰速运, 京东物流, 中国邮政 EMS, 中通快递, 圆通速递, 申通快递, 韵达快递, whose tracking numbers are checked by their shape, or any other carrier
             * @example 顺丰速运
             */
            carrier: string;
            /** @description The lots each line’s units come from: per line they add up to the units it sends; a lot gives no more than it holds */
            lots?: components["schemas"]["ShipLotDto"][];
            /** @example SF1234567890123 */
            trackingNo: string;
        };
        ShipLotDto: {
            /** Format: uuid */
            lineId: string;
            /** Format: uuid */
            lotId: string;
            quantity: number;
        };
        ShortfallClaimDto: {
            /** @description What refunding the short units returns */
            amountFen: number;
            cooperativeName: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            decidedAt?: string | null;
            declineReason?: string | null;
            /** Format: uuid */
            fulfillmentId: string;
            /** Format: uuid */
            id: string;
            lines: components["schemas"]["ShortfallLineDto"][];
            note?: string | null;
            orderNumber: string;
            organisationName: string;
            /** @description The receiver’s photos of the shortfall (/uploads/ URLs) */
            photos: string[];
            /** Format: uuid */
            refundId?: string | null;
            /** @enum {string} */
            status: "PENDING" | "REFUNDED" | "DECLINED";
        };
        ShortfallClaimPageDto: {
            items: components["schemas"]["ShortfallClaimDto"][];
            nextCursor?: string | null;
        };
        ShortfallClaimRefDto: {
            declineReason?: string | null;
            /** Format: uuid */
            id: string;
            /** @description The receiver’s photos of the shortfall (/uploads/ URLs), at most 5 */
            photos: string[];
            /** Format: uuid */
            refundId?: string | null;
            /** @enum {string} */
            status: "PENDING" | "REFUNDED" | "DECLINED";
        };
        ShortfallLineDto: {
            labelZh: string;
            /** Format: uuid */
            lineId: string;
            /** @enum {string} */
            reason: "SHORT" | "DAMAGED" | "SPOILED" | "WRONG_ITEM";
            shortQuantity: number;
            titleZh: string;
            unitPriceFen: number;
        };
        StatementDto: {
            /** @description Delivered parts (goods and delivery fee) */
            chargesFen: number;
            /** @description Due: opening + charges − credits − payments (negative: in the organisation’s favour) */
            closingFen: number;
            /** @description Credits: refunds and shortfalls granted */
            creditsFen: number;
            /**
             * Format: date
             * @description Pay what it says is due (closingFen) by this day
             */
            dueOn: string;
            /** Format: date-time */
            issuedAt: string;
            /** @description By day: deliveries, then credits, then transfers */
            items: components["schemas"]["StatementItemDto"][];
            /** @example ST20261130-000001 */
            number: string;
            /** @description What the previous statement left due */
            openingFen: number;
            organisation: components["schemas"]["StatementPartyDto"];
            /** @description Bank transfers received */
            paymentsFen: number;
            /**
             * Format: date
             * @description Null for the first statement: from the start
             */
            periodFrom?: string | null;
            /** Format: date */
            periodTo: string;
        };
        StatementItemDto: {
            amountFen: number;
            /** @description CHARGE: the cooperative that delivered */
            cooperativeName?: string | null;
            cooperativeNameEn?: string | null;
            /** Format: date */
            day: string;
            /** Format: date */
            deliveryOn?: string | null;
            /** @description CHARGE: the delivery’s invoice; CREDIT: its red-letter invoice; null when the order asked for no invoice */
            invoiceId?: string | null;
            invoiceNumber?: string | null;
            /** @enum {string|null} */
            invoiceStatus?: "OPEN" | "ISSUED" | "VOID" | null;
            /** @enum {string} */
            kind: "CHARGE" | "CREDIT" | "PAYMENT";
            orderNumber?: string | null;
            /** @description CREDIT: why */
            reason?: string | null;
            /** @description PAYMENT: the bank’s reference */
            reference?: string | null;
            /** @description CREDIT: SHORTFALL, ADMIN… */
            refundKind?: string | null;
            siteName?: string | null;
        };
        StatementListDto: {
            /** @description Newest first */
            items: components["schemas"]["StatementSummaryDto"][];
        };
        StatementPartyDto: {
            creditCode: string;
            name: string;
            nameEn: string;
        };
        StatementShareDto: {
            /** @description How much of the transfer settles it, fen */
            amountFen: number;
            /**
             * @description The monthly statement settled
             * @example 2026-10
             */
            month: string;
        };
        StatementSummaryDto: {
            /** @description Delivered parts (goods and delivery fee) */
            chargesFen: number;
            /** @description Due: opening + charges − credits − payments (negative: in the organisation’s favour) */
            closingFen: number;
            /** @description Credits: refunds and shortfalls granted */
            creditsFen: number;
            /**
             * Format: date
             * @description Pay what it says is due (closingFen) by this day
             */
            dueOn: string;
            /** Format: date-time */
            issuedAt: string;
            /** @example ST20261130-000001 */
            number: string;
            /** @description What the previous statement left due */
            openingFen: number;
            /** @description Bank transfers received */
            paymentsFen: number;
            /**
             * Format: date
             * @description Null for the first statement: from the start
             */
            periodFrom?: string | null;
            /** Format: date */
            periodTo: string;
        };
        StockAdjustmentDto: {
            /**
             * @description Units to add (positive) or take away (negative)
             * @example 20
             */
            delta: number;
            note?: string;
            /** @enum {string} */
            reason: "RESTOCK" | "HARVEST" | "COUNT_CORRECTION" | "DAMAGED" | "EXPIRED" | "OTHER";
        };
        StockDto: {
            /** @description Units on hand after the change */
            stock: number;
            variantId: string;
        };
        StockMovementDto: {
            /** Format: date-time */
            at: string;
            /** @description Units added (positive) or taken (negative) */
            delta: number;
            note?: string | null;
            /** @description A stock reason, INITIAL, or what an order did */
            reason: string;
            stockAfter: number;
        };
        StoredVerificationDto: {
            /** @example 2026-11-29T16:25:03Z */
            checkedAt: string;
            /** @description Days with a digest, all recomputed from the ledger */
            checkedDays: number;
            /** @description First digested day */
            from: string;
            /** @description Empty when every digested day still matched */
            mismatchedDays: string[];
            /** @description Last digested day */
            to: string;
        };
        StreamDayFiguresDto: {
            /** @description Sum of the day’s amounts (payouts), fen; 0 for answers and acknowledgements */
            amountFen: number;
            day: string;
            entries: number;
            sha256: string;
            /** @enum {string} */
            stream: "coop_payout" | "coop_payout_response" | "household_payout" | "payout_ack";
        };
        TownshipRefDto: {
            code: string;
            name: string;
            nameEn: string;
        };
        TrailCooperativeRowDto: {
            acknowledgedFen: number;
            /** Format: uuid */
            id: string;
            name: string;
            /** @description pledged − paid to households */
            outstandingFen: number;
            paidToHouseholdsFen: number;
            /** @description Allocated by the settlements (and pool no household was linked to take), fen */
            pledgedFen: number;
        };
        TrailDto: {
            acknowledgedFen: number;
            /** @description What is outstanding, by how long ago the month it was pledged in ended */
            ageing: components["schemas"]["AgeingDto"];
            byCooperative: components["schemas"]["TrailCooperativeRowDto"][];
            byHouseholdStatus: components["schemas"]["TrailStatusRowDto"][];
            byTownship: components["schemas"]["TrailTownshipRowDto"][];
            outstandingFen: number;
            overdue: components["schemas"]["OverdueDto"];
            /** @description Transfers to cooperatives against the year’s monthly statements */
            paidToCooperativesFen: number;
            paidToHouseholdsFen: number;
            /** @description Households that were allocated something in the year, and their people, by exit year */
            peopleByExitYear: components["schemas"]["ExitYearRowDto"][];
            pledgedFen: number;
            year: number;
        };
        TrailMismatchDto: {
            day: string;
            /** @description null: the day has no rows any more */
            recomputed?: components["schemas"]["StreamDayFiguresDto"] | null;
            recorded: components["schemas"]["StreamDayFiguresDto"];
            /** @enum {string} */
            stream: "coop_payout" | "coop_payout_response" | "household_payout" | "payout_ack";
        };
        TrailStatusRowDto: {
            acknowledgedFen: number;
            /** @description pledged − paid to households */
            outstandingFen: number;
            paidToHouseholdsFen: number;
            /** @description Allocated by the settlements (and pool no household was linked to take), fen */
            pledgedFen: number;
            /**
             * @description NONE: pool no linked household was there to take
             * @enum {string}
             */
            status: "LIFTED" | "MONITORED" | "NONE";
        };
        TrailTownshipRowDto: {
            acknowledgedFen: number;
            code: string;
            name: string;
            /** @description pledged − paid to households */
            outstandingFen: number;
            paidToHouseholdsFen: number;
            /** @description Allocated by the settlements (and pool no household was linked to take), fen */
            pledgedFen: number;
        };
        TransferAllocationDto: {
            amountFen: number;
            orderNumber: string;
        };
        TransferDto: {
            /** @description What it paid of each order */
            allocations: components["schemas"]["TransferAllocationDto"][];
            amountFen: number;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organisationId: string;
            organisationName: string;
            /** Format: date */
            receivedOn: string;
            /** Format: date-time */
            recordedAt: string;
            reference: string;
            statementNumber?: string | null;
            /** @description Left on the account, paying no order yet */
            unappliedFen: number;
        };
        TransferListDto: {
            /** @description Newest first */
            items: components["schemas"]["TransferDto"][];
        };
        UpdateCartLineDto: {
            quantity: number;
        };
        UpdateDeliverySiteDto: {
            /** @example 13900139000 */
            contactMobile?: string;
            /** @example 王师傅 */
            contactName?: string;
            /** @example 440106 */
            districtCode?: string;
            /** @example 从东门进，卸货区限高 3.2 米 */
            driverNotes?: string | null;
            /** @example 机关一食堂 */
            name?: string;
            /** @description When goods are taken in; none: any day */
            receivingWindows?: components["schemas"]["ReceivingWindowDto"][];
            /** @example 天府路 1 号 机关大院 3 号楼 负一层 卸货区 */
            street?: string;
        };
        UpdateHouseholdDto: {
            /**
             * @description The year it was lifted out of poverty
             * @example 2019
             */
            exitYear?: number | null;
            /**
             * @description Head of the household; stored encrypted, shown to admins only, each read audited
             * @example 王秀英
             */
            headName?: string;
            /**
             * @description Resident ID number (18 characters, the last a check character); stored encrypted, never sent back (only masked)
             * @example 5205251980010100XX
             */
            idNumber?: string;
            /** @description People in the household */
            members?: number;
            /** @example 2015 */
            registeredYear?: number;
            /** @enum {string} */
            status?: "LIFTED" | "MONITORED";
            /**
             * @description A Nayong township (乡镇/街道) code
             * @example 520525202
             */
            townshipCode?: string;
            /** @example 桃营村 */
            village?: string;
        };
        UpdateLinkDto: {
            /** @description Ends the link after this day; null: open-ended */
            validTo?: string | null;
            weight?: number;
        };
        UpdateOrganisationDto: {
            /**
             * @description Hours an order waiting for approval holds its stock
             * @example 48
             */
            approvalHoldHours?: number;
            /**
             * @description Orders of this total (fen) or more wait for an approver; 0: every order
             * @example 5000000
             */
            approvalThresholdFen?: number;
            /** @description A budget unit (预算单位), which reserves a share of its canteen purchases for assisted areas */
            budgetUnit?: boolean;
            /** @example 13800138000 */
            contactMobile?: string;
            /** @example 李建华 */
            contactName?: string;
            /**
             * @description Unified social credit code (统一社会信用代码), checked with its check character
             * @example 11440106MB2C39485X
             */
            creditCode?: string;
            /**
             * @description The Guangzhou district it is in
             * @example 440106
             */
            districtCode?: string;
            /** @description Whether it runs a canteen */
            hasCanteen?: boolean;
            /** @example 广州市天河区机关事务管理局饭堂 */
            name?: string;
            /**
             * @description The Chinese name when left out
             * @example Tianhe District Government Canteen
             */
            nameEn?: string;
            /**
             * @description 党政机关, 事业单位, 国有企业, 学校, 医院, 工会, 企业, 其他
             * @enum {string}
             */
            type?: "GOVERNMENT" | "PUBLIC_INSTITUTION" | "STATE_ENTERPRISE" | "SCHOOL" | "HOSPITAL" | "TRADE_UNION" | "COMPANY" | "OTHER";
        };
        UpdateProductDto: {
            /** @enum {string} */
            category?: "TEA" | "CHERRY" | "CHICKEN" | "EGG" | "MUSHROOM" | "PORK" | "NOODLE" | "VEGETABLE";
            descriptionEn?: string;
            descriptionZh?: string;
            /** @description The product's uploaded image URLs in the new order; leaving one out removes it */
            images?: string[];
            /** @description Variants to add, saved with the product in one transaction: all or nothing */
            newVariants?: components["schemas"]["VariantInputDto"][];
            originTownshipCode?: string;
            /** Format: date */
            presaleShipsOn?: string | null;
            /** Format: date-time */
            saleEndsAt?: string | null;
            /** Format: date-time */
            saleStartsAt?: string | null;
            shelfLifeDays?: number;
            /** @enum {string} */
            shippingClass?: "AMBIENT" | "CHILLED" | "FROZEN";
            titleEn?: string;
            titleZh?: string;
            /** @description Changes to existing variants, saved with the product in one transaction: all or nothing */
            variantChanges?: components["schemas"]["VariantChangeDto"][];
        };
        UpdateVariantDto: {
            labelEn?: string;
            labelZh?: string;
            priceFen?: number;
            weightG?: number;
        };
        UserDto: {
            /** Format: uuid */
            cooperativeId?: string | null;
            displayName?: string | null;
            email: string;
            /** Format: uuid */
            id: string;
            /** @description The organisation the account belongs to, if any */
            organisation: components["schemas"]["UserOrganisationDto"] | null;
            /** @enum {string} */
            role: "buyer" | "cooperative" | "official" | "admin";
            /** @description A township official’s townships (codes): it sees only their households. Null for everyone else. */
            townships: string[] | null;
        };
        UserOrganisationDto: {
            /** Format: uuid */
            id: string;
            name: string;
            nameEn: string;
            roles: ("MANAGER" | "PURCHASER" | "APPROVER" | "FINANCE" | "RECEIVER")[];
            /** @enum {string} */
            status: "PENDING" | "VERIFIED" | "REJECTED";
        };
        VariantChangeDto: {
            /** Format: uuid */
            id: string;
            labelEn?: string;
            labelZh?: string;
            priceFen?: number;
            weightG?: number;
        };
        VariantDto: {
            id: string;
            labelEn: string;
            labelZh: string;
            /** @description Cheaper by the case: the price per unit from a quantity on */
            priceBreaks: components["schemas"]["PriceBreakDto"][];
            priceFen: number;
            sku: string;
            /** @enum {string} */
            stockStatus: "IN_STOCK" | "LOW" | "SOLD_OUT";
            weightG: number;
        };
        VariantInputDto: {
            /**
             * @description Left out, the Chinese label
             * @example 2.5 kg gift box
             */
            labelEn?: string;
            /** @example 2.5公斤礼盒 */
            labelZh: string;
            /** @description Price of one unit in fen (分) */
            priceFen: number;
            /**
             * @description The cooperative's own stock-keeping code; generated when omitted
             * @example SDG-CHERRY-2.5KG
             */
            sku?: string;
            /** @description Units on hand to start with (recorded as a movement) */
            stock?: number;
            /** @description Shipping weight of one unit in grams */
            weightG: number;
        };
        VerifyReportDto: {
            /** @description Days with a digest, all recomputed from the ledger */
            checkedDays: number;
            from: string;
            /** @description Empty when every digested day still matches */
            mismatches: components["schemas"]["DigestMismatchDto"][];
            to: string;
            /** @description Days of the money trail after the ledger (payouts to cooperatives and households, their answers and acknowledgements) that no longer match their digest */
            trailMismatches: components["schemas"]["TrailMismatchDto"][];
            /** @description Days with entries but no digest yet (today, or before the nightly run) */
            undigestedDays: string[];
        };
        YearStatementsDto: {
            /** @description Every month of the year up to this one */
            months: components["schemas"]["MonthStatementDto"][];
            totals: components["schemas"]["CoopStatementDto"];
            year: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AddressesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The default first, then the most recently used */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressBookDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AddressesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed; orders placed to it keep their own copy */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ADDRESS_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AddressesController_makeDefault: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedAddressDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ADDRESS_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                /** @description Cursor: the nextCursor of the previous page */
                cursor?: string;
                entityType?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
        };
    };
    AdminClaimsController_list: {
        parameters: {
            query?: {
                limit?: number;
                status?: "OPEN" | "OFFERED" | "DISPUTED" | "ESCALATED" | "SETTLED" | "REJECTED" | "WITHDRAWN";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminClaimsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CLAIM_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminClaimsController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideClaimDto"];
            };
        };
        responses: {
            /** @description Escalated, or unanswered after 24 h: SETTLED with the units granted, or REJECTED with none */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CLAIM_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CLAIM_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminClaimsController_photo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                index: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The photo (JPEG, PNG or WebP), for the claim’s parties only */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CLAIM_NOT_FOUND, CLAIM_PHOTO_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": components["schemas"]["ErrorDto"];
                    "image/png": components["schemas"]["ErrorDto"];
                    "image/webp": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminTrailController_coopPayouts: {
        parameters: {
            query?: {
                cooperativeId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first (the last 500) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoopPayoutListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminTrailController_record: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordCoopPayoutDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoopPayoutDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description COOPERATIVE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYOUT_EXCEEDS_STATEMENT */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminTrailController_reverse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            /** @description The reversing row (the transfer itself is never changed) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoopPayoutDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYOUT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYOUT_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminCatalogController_cooperatives: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                status?: "PENDING" | "VERIFIED" | "SUSPENDED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Oldest application first; filter status=PENDING for the verification queue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedCooperativePageDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminCatalogController_setPlatformFee: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlatformFeeDto"];
            };
        };
        responses: {
            /** @description Orders paid from now on are charged at this rate; paid ones keep theirs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedCooperativeDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminTrailController_statement: {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoopStatementDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description COOPERATIVE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminTrailController_statements: {
        parameters: {
            query?: {
                /** @description Default: this year (China) */
                year?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["YearStatementsDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description COOPERATIVE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminCatalogController_suspend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            /** @description Its products leave the catalog at once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedCooperativeDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminCatalogController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedCooperativeDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description COOPERATIVE_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description INVALID_CREDIT_CODE */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminHouseholdsController_list: {
        parameters: {
            query?: {
                /** @description Households linked to this cooperative */
                cooperativeId?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Start of a platform code or village name */
                q?: string;
                status?: "LIFTED" | "MONITORED";
                townshipCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description By platform code; names are never listed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdPageDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminHouseholdsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateHouseholdDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description HOUSEHOLD_DUPLICATE: the ID number is registered already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminHouseholdsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description HOUSEHOLD_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminHouseholdsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateHouseholdDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description HOUSEHOLD_DUPLICATE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminHouseholdsController_addLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLinkDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description HOUSEHOLD_NOT_FOUND, COOPERATIVE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminHouseholdsController_updateLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                linkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateLinkDto"];
            };
        };
        responses: {
            /** @description Change the weight, or end the link (validTo) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description LINK_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminHouseholdsController_name: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The head’s name; every read is written to the audit log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdNameDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminHouseholdsController_import: {
        parameters: {
            query?: {
                /** @description true: check the file and report, without adding anything */
                dryRun?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description UTF-8 CSV with the columns code, township_code, village, members, registered_year, exit_year, status, head_name, id_number; valid rows go in, each refused row is reported */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReportDto"];
                };
            };
            /** @description CSV_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminInvoiceRequestsController_file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The e-invoice file (PDF or OFD), as a download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description INVOICE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/ofd": components["schemas"]["ErrorDto"];
                    "application/pdf": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminInvoiceRequestsController_overdue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Open longer than 7 days, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceRequestListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminLotsController_list: {
        parameters: {
            query?: {
                code?: string;
                cooperativeId?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LotListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminLotsController_recall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecallLotDto"];
            };
        };
        responses: {
            /** @description Recalled: its page shows the notice and every buyer who received it is told */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LotRecipientsDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description LOT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description LOT_RECALLED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminLotsController_recipients: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every order line and organisation that received the lot */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LotRecipientsDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description LOT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminOrdersController_search: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description An order number (or its start, e.g. QH20261204), the mobile number it was sent to, or the buyer’s email */
                q?: string;
                status?: "AWAITING_APPROVAL" | "AWAITING_PAYMENT" | "ON_ACCOUNT" | "PAID" | "PARTIALLY_SHIPPED" | "SHIPPED" | "COMPLETED" | "CANCELLED" | "REFUNDED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first; by order number (or its start), mobile number or buyer email, and status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminOrderPageDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminOrdersController_order: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Any order, with its lines, payment and refunds */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminOrganisationsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description PENDING is the verification queue */
                status?: "PENDING" | "VERIFIED" | "REJECTED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Oldest registration first; status=PENDING is the queue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminOrganisationPageDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminOrganisationsController_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminOrganisationDetailDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminBillingController_account: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminAccountDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminBillingController_grant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreditTermsInputDto"];
            };
        };
        responses: {
            /** @description Granted or changed; its orders go on account from now on */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminAccountDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_STATUS_CONFLICT: not verified */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminBillingController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Withdrawn: new orders are paid online; what is on account stays due */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminAccountDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description NO_CREDIT_TERMS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminOrganisationsController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            /** @description PENDING → REJECTED with the reason; it may correct itself and come back */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminOrganisationDetailDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminOrganisationsController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PENDING → VERIFIED */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminOrganisationDetailDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminPaymentsController_flagged: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Payments that need a person, e.g. an amount that does not match its order; newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlaggedPaymentDto"][];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminCatalogController_products: {
        parameters: {
            query?: {
                /** @description Admins only: one cooperative's products */
                cooperative?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                status?: "DRAFT" | "PENDING_REVIEW" | "PUBLISHED" | "ARCHIVED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description status=PENDING_REVIEW is the review queue, oldest submission first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedProductPageDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminCatalogController_product: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedProductDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminCatalogController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PENDING_REVIEW → PUBLISHED */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedProductDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PRODUCT_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminCatalogController_certify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CertifyProductDto"];
            };
        };
        responses: {
            /** @description Records the 消费帮扶产品 certificate; it stops counting the day after validUntil */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedProductDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminCatalogController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Withdraws the certificate */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedProductDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminCatalogController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            /** @description PENDING_REVIEW → DRAFT with the reason for the cooperative */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedProductDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PRODUCT_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminClaimsController_quality: {
        parameters: {
            query?: {
                cooperativeId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Claim rate and refunded share per cooperative and product */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QualityDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminPaymentsController_refund: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRefundDto"];
            };
        };
        responses: {
            /** @description PENDING until the payment provider confirms it; the order changes then */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORDER_STATUS_CONFLICT (not paid), NOTHING_TO_REFUND */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORDER_LINE_NOT_FOUND, REFUND_QUANTITY_TOO_LARGE */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYMENT_PROVIDER_ERROR: the provider refused; nothing was refunded */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    DistrictSharesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictShareListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    DistrictSharesController_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtCode: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DistrictShareInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictShareListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description NOT_FOUND: no such district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminShortfallsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description PENDING is the queue */
                status?: "PENDING" | "REFUNDED" | "DECLINED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Oldest first; status=PENDING is the queue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShortfallClaimPageDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminShortfallsController_decline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            /** @description Declined with the reason the organisation reads */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShortfallClaimDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description SHORTFALL_CLAIM_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminShortfallsController_refund: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refunds the short units; the ledger gives back their share when the provider confirms */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShortfallClaimDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description SHORTFALL_CLAIM_STATUS_CONFLICT, ORDER_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminBillingController_statement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatementDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description STATEMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminBillingController_list: {
        parameters: {
            query?: {
                organisationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AdminBillingController_record: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordTransferDto"];
            };
        };
        responses: {
            /** @description Recorded; the orders it paid in full are PAID and in the ledger */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordedTransferDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND, STATEMENT_NOT_FOUND, ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description TRANSFER_ALREADY_RECORDED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResponseDto"];
                };
            };
            /** @description INVALID_CREDENTIALS */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description TOO_MANY_ATTEMPTS */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequestDto"];
            };
        };
        responses: {
            /** @description Accepted: if the email has an account, a single-use link goes to it (the answer never says whether it has one) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetDto"];
            };
        };
        responses: {
            /** @description The new password is set and every session of the account ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RESET_TOKEN_INVALID: unknown, used or expired */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rotates the refresh cookie */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResponseDto"];
                };
            };
            /** @description No refresh cookie at all: a guest, nothing to restore (not an error) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description REFRESH_TOKEN_INVALID or REFRESH_TOKEN_REUSED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResponseDto"];
                };
            };
            /** @description EMAIL_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description TOO_MANY_ATTEMPTS: too many registrations from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CartController_view: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartDto"];
                };
            };
            /** @description FORBIDDEN: staff, official and admin accounts have no cart */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CartController_add: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddCartLineDto"];
            };
        };
        responses: {
            /** @description Adds to the line of the same variant if there is one */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartDto"];
                };
            };
            /** @description FORBIDDEN: staff, official and admin accounts have no cart */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description VARIANT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CartController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartDto"];
                };
            };
            /** @description FORBIDDEN: staff, official and admin accounts have no cart */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CART_LINE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CartController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCartLineDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartDto"];
                };
            };
            /** @description FORBIDDEN: staff, official and admin accounts have no cart */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CART_LINE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CatalogController_categories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryDto"][];
                };
            };
        };
    };
    OrdersController_checkout: {
        parameters: {
            query?: never;
            header: {
                /** @description 8–64 letters, digits, - or _; the same key returns the same order */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckoutDto"];
            };
        };
        responses: {
            /** @description The order, awaiting payment; 200 with the same order when the key was used before */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description OUT_OF_STOCK, LINES_UNAVAILABLE, CART_EMPTY, IDEMPOTENCY_KEY_REUSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description COLD_CHAIN_UNAVAILABLE */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYMENT_PROVIDER_UNAVAILABLE: nothing ordered, the cart is as it was */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrdersController_quote: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuoteRequestDto"];
            };
        };
        responses: {
            /** @description The parcels, their fees and the total a checkout would charge now; nothing is reserved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuoteDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description LINES_UNAVAILABLE, CART_EMPTY */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description COLD_CHAIN_UNAVAILABLE */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ClaimsController_list: {
        parameters: {
            query?: {
                limit?: number;
                status?: "OPEN" | "OFFERED" | "DISPUTED" | "ESCALATED" | "SETTLED" | "REJECTED" | "WITHDRAWN";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Claims the caller opened, and their organisation’s when they are one of its receivers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ClaimsController_open: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenClaimDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORDER_STATUS_CONFLICT, FULFILLMENT_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CLAIM_WINDOW_CLOSED, CLAIM_QUANTITY_TOO_LARGE, CLAIM_LINE_NOT_FOUND, NOTHING_CLAIMED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ClaimsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CLAIM_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ClaimsController_acceptOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SETTLED: the offered units are refunded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CLAIM_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ClaimsController_escalate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ESCALATED: an admin decides */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CLAIM_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ClaimsController_addPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CLAIM_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNSUPPORTED_IMAGE_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description TOO_MANY_IMAGES */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ClaimsController_photo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                index: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The photo (JPEG, PNG or WebP), for the claim’s parties only */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CLAIM_NOT_FOUND, CLAIM_PHOTO_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": components["schemas"]["ErrorDto"];
                    "image/png": components["schemas"]["ErrorDto"];
                    "image/webp": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ClaimsController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CLAIM_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopClaimsController_list: {
        parameters: {
            query?: {
                limit?: number;
                status?: "OPEN" | "OFFERED" | "DISPUTED" | "ESCALATED" | "SETTLED" | "REJECTED" | "WITHDRAWN";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Claims on the cooperative’s shipments, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopClaimsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CLAIM_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopClaimsController_answer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerClaimDto"];
            };
        };
        responses: {
            /** @description ACCEPT settles and refunds; OFFER waits for the buyer; DISPUTE needs a note */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CLAIM_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CLAIM_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CLAIM_QUANTITY_TOO_LARGE, NOTHING_CLAIMED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopClaimsController_photo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                index: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The photo (JPEG, PNG or WebP), for the claim’s parties only */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description CLAIM_NOT_FOUND, CLAIM_PHOTO_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": components["schemas"]["ErrorDto"];
                    "image/png": components["schemas"]["ErrorDto"];
                    "image/webp": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopProductsController_cooperative: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The staff member's own cooperative, with its status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedCooperativeDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN (not cooperative staff), NOT_YOUR_COOPERATIVE, COOPERATIVE_SUSPENDED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopProductsController_updateCooperative: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CooperativeSettingsDto"];
            };
        };
        responses: {
            /** @description The cooperative's own settings: the days it needs before a delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedCooperativeDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN (not cooperative staff), NOT_YOUR_COOPERATIVE, COOPERATIVE_SUSPENDED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    FulfillmentsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Just this shipment (e.g. for its delivery note); none when it is not yours */
                id?: string;
                limit?: number;
                status?: "PENDING" | "SHIPPED" | "CANCELLED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cooperative's parts of paid orders, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoopFulfillmentPageDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN, NOT_YOUR_COOPERATIVE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopLotsController_labels: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Box labels of a shipped part: one per line and lot, `copies` boxes each */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelSheetDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FULFILLMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    FulfillmentsController_ship: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShipDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoopFulfillmentDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN, NOT_YOUR_COOPERATIVE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FULFILLMENT_STATUS_CONFLICT, ORDER_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PRESALE_NOT_SHIPPABLE */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopTrailController_householdPayouts: {
        parameters: {
            query?: {
                householdId?: string;
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdPayoutListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: cooperative staff only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopTrailController_record: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordHouseholdPayoutDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdPayoutDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: cooperative staff only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYOUT_EXCEEDS_ALLOCATION, HOUSEHOLD_NOT_LINKED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopTrailController_receipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The receipt of a cash payout (JPEG, PNG, WebP or PDF), as a download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: cooperative staff only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYOUT_NOT_FOUND, RECEIPT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorDto"];
                    "image/jpeg": components["schemas"]["ErrorDto"];
                    "image/png": components["schemas"]["ErrorDto"];
                    "image/webp": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopTrailController_reverse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            /** @description The reversing row (the payout itself is never changed) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdPayoutDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: cooperative staff only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYOUT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYOUT_STATUS_CONFLICT: acknowledged, or reversed already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopTrailController_import: {
        parameters: {
            query?: {
                /** @description Check every row and report, change nothing */
                dryRun?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description UTF-8 CSV with the columns household_code, period, amount_yuan, method, reference, paid_on, receipt_id (receipt_id for cash), at most 5000 rows; valid rows go in together, each refused row is reported */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutImportReportDto"];
                };
            };
            /** @description CSV_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: cooperative staff only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopTrailController_households: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Its linked households: code, masked name, village, allocated, paid, outstanding */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoopHouseholdListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: cooperative staff only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopInvoiceRequestsController_list: {
        parameters: {
            query?: {
                status?: "OPEN" | "ISSUED" | "VOID";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Open ones first, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceRequestListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: cooperative staff only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopInvoiceRequestsController_file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The e-invoice file (PDF or OFD), as a download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: cooperative staff only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description INVOICE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/ofd": components["schemas"]["ErrorDto"];
                    "application/pdf": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopInvoiceRequestsController_issue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description Must equal the amount due */
                    amountFen: number;
                    /**
                     * Format: binary
                     * @description The e-invoice, PDF or OFD, at most 5 MB
                     */
                    file: string;
                    /** @example 26442000000012345678 */
                    invoiceNumber: string;
                    /** Format: date */
                    issuedOn: string;
                };
            };
        };
        responses: {
            /** @description Issued: the buyer and the organisation’s finance members can download it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceRequestDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: cooperative staff only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description INVOICE_REQUEST_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description INVOICE_REQUEST_STATUS_CONFLICT, INVOICE_NUMBER_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: over 5 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNSUPPORTED_INVOICE_FILE: not a PDF or OFD by its content */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description INVOICE_AMOUNT_MISMATCH: not the amount due */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopLotsController_list: {
        parameters: {
            query?: {
                limit?: number;
                productId?: string;
                /** @description Only lots that can still ship (open, not recalled, not past best-before, units left) */
                shippable?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cooperative’s lots, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LotListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopLotsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLotDto"];
            };
        };
        responses: {
            /** @description The lot, with its generated code and best-before (production day + shelf life) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LotDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PRODUCT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description QUARANTINE_CERTIFICATE_REQUIRED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopLotsController_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A closed lot ships no more */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LotDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description LOT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description LOT_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopLotsController_attachReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description The lot with its test report (PDF or photo, judged by content); only before it ships */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LotDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description LOT_SHIPPED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: over 5 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNSUPPORTED_REPORT_FILE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopTrailController_uploadReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description A cash payout’s receipt (photo or scan), kept for the payout that names it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: cooperative staff only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: over 5 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNSUPPORTED_RECEIPT_FILE: not a JPEG, PNG, WebP or PDF by its content */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopTrailController_coopPayouts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Transfers from the marketplace, newest first, and what is owed, paid, confirmed and disputed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoopPayoutListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: cooperative staff only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopTrailController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The money arrived */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoopPayoutDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: cooperative staff only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYOUT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYOUT_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopTrailController_dispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            /** @description The money did not arrive as recorded; the reason goes to the admins */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoopPayoutDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: cooperative staff only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYOUT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYOUT_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopProductsController_list: {
        parameters: {
            query?: {
                /** @description Admins only: one cooperative's products */
                cooperative?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                status?: "DRAFT" | "PENDING_REVIEW" | "PUBLISHED" | "ARCHIVED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedProductPageDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN (not cooperative staff), NOT_YOUR_COOPERATIVE, COOPERATIVE_SUSPENDED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopProductsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProductDto"];
            };
        };
        responses: {
            /** @description A DRAFT; submit it for review to get it published */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedProductDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN (not cooperative staff), NOT_YOUR_COOPERATIVE, COOPERATIVE_SUSPENDED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description SKU_TAKEN, VARIANT_LABEL_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description SHIPPING_CLASS_NOT_ALLOWED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopProductsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedProductDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN (not cooperative staff), NOT_YOUR_COOPERATIVE, COOPERATIVE_SUSPENDED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopProductsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProductDto"];
            };
        };
        responses: {
            /** @description A published product goes back to review if what it is (titles, descriptions, category, origin) changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedProductDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN (not cooperative staff), NOT_YOUR_COOPERATIVE, COOPERATIVE_SUSPENDED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopProductsController_archive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Off sale for good */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedProductDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN (not cooperative staff), NOT_YOUR_COOPERATIVE, COOPERATIVE_SUSPENDED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PRODUCT_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopProductsController_addImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    image: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedProductDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN (not cooperative staff), NOT_YOUR_COOPERATIVE, COOPERATIVE_SUSPENDED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: over 5242880 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNSUPPORTED_IMAGE_TYPE: not a JPEG, PNG or WebP by its content */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopProductsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description DRAFT → PENDING_REVIEW */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedProductDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN (not cooperative staff), NOT_YOUR_COOPERATIVE, COOPERATIVE_SUSPENDED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PRODUCT_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopProductsController_addVariant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VariantInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedProductDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN (not cooperative staff), NOT_YOUR_COOPERATIVE, COOPERATIVE_SUSPENDED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopClaimsController_quality: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cooperative’s on-time shipping, claim rate and refunded share */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QualityDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopSalesController_sales: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoopSalesDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: cooperative staff only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopTrailController_statement: {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statement of any run of days */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoopStatementDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: cooperative staff only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopTrailController_statements: {
        parameters: {
            query?: {
                /** @description Default: this year (China) */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the marketplace owes it, month by month, and what transfers settled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["YearStatementsDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: cooperative staff only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopProductsController_updateVariant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateVariantDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedProductDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN (not cooperative staff), NOT_YOUR_COOPERATIVE, COOPERATIVE_SUSPENDED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopProductsController_movements: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest stock changes, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockMovementDto"][];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN (not cooperative staff), NOT_YOUR_COOPERATIVE, COOPERATIVE_SUSPENDED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopProductsController_setPriceBreaks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PriceBreaksInputDto"];
            };
        };
        responses: {
            /** @description The whole ladder, replacing the one before; [] for none */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedProductDto"];
                };
            };
            /** @description VALIDATION_FAILED: a break not cheaper than the one before, or not below the price */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN (not cooperative staff), NOT_YOUR_COOPERATIVE, COOPERATIVE_SUSPENDED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CoopProductsController_adjustStock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StockAdjustmentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN (not cooperative staff), NOT_YOUR_COOPERATIVE, COOPERATIVE_SUSPENDED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description INSUFFICIENT_STOCK */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CatalogController_cooperative: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CooperativePageDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
        };
    };
    ImpactController_breakdown: {
        parameters: {
            query: {
                by: "category" | "township" | "cooperative";
                category?: "TEA" | "CHERRY" | "CHICKEN" | "EGG" | "MUSHROOM" | "PORK" | "NOODLE" | "VEGETABLE";
                cooperativeId?: string;
                /** @description First day (China time), inclusive */
                from?: string;
                /** @description Last day, inclusive */
                to?: string;
                /** @description Origin township of the produce */
                townshipCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupedFiguresDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: officials and admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ImpactController_buyerBreakdown: {
        parameters: {
            query?: {
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A year’s sales by who bought them: institutions or households, and the district delivered to */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BuyerBreakdownDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: officials and admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    TrailController_cooperativeBalances: {
        parameters: {
            query?: {
                /** @description Default: this year (China) */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What each cooperative was owed by the year’s statements, and what was paid of it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CooperativeBalanceListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN, OUTSIDE_YOUR_TOWNSHIPS */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ImpactController_exportCsv: {
        parameters: {
            query?: {
                category?: "TEA" | "CHERRY" | "CHICKEN" | "EGG" | "MUSHROOM" | "PORK" | "NOODLE" | "VEGETABLE";
                cooperativeId?: string;
                /** @description First day (China time), inclusive */
                from?: string;
                table?: "year" | "month" | "category" | "township" | "cooperative";
                /** @description Last day, inclusive */
                to?: string;
                /** @description Origin township of the produce */
                townshipCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The same figures as a table, UTF-8 with a byte-order mark so spreadsheets show Chinese; the last row is the total */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: officials and admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    TrailController_householdPayouts: {
        parameters: {
            query?: {
                overdue?: "true" | "false";
                status?: "UNACKNOWLEDGED" | "ACKNOWLEDGED" | "ALL";
                townshipCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Payouts to the households of the caller’s townships, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdPayoutListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN, OUTSIDE_YOUR_TOWNSHIPS */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    TrailController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcknowledgeDto"];
            };
        };
        responses: {
            /** @description By the township official or village cadre who visited the household */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdPayoutDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN, OUTSIDE_YOUR_TOWNSHIPS */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYOUT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYOUT_ALREADY_ACKNOWLEDGED, PAYOUT_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    TrailController_receipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The receipt of a cash payout (JPEG, PNG, WebP or PDF), as a download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN, OUTSIDE_YOUR_TOWNSHIPS */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYOUT_NOT_FOUND, RECEIPT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorDto"];
                    "image/jpeg": components["schemas"]["ErrorDto"];
                    "image/png": components["schemas"]["ErrorDto"];
                    "image/webp": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    TrailController_householdStatement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Admins and the township officials of its township; every read is audited */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdStatementDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN, OUTSIDE_YOUR_TOWNSHIPS */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description HOUSEHOLD_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    LeagueTableController_leagueTable: {
        parameters: {
            query?: {
                /** @description The organisation’s district */
                districtCode?: string;
                type?: "GOVERNMENT" | "PUBLIC_INSTITUTION" | "STATE_ENTERPRISE" | "SCHOOL" | "HOSPITAL" | "TRADE_UNION" | "COMPANY" | "OTHER";
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LeagueTableDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: officials and admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    LeagueTableController_leagueTableCsv: {
        parameters: {
            query?: {
                /** @description The organisation’s district */
                districtCode?: string;
                type?: "GOVERNMENT" | "PUBLIC_INSTITUTION" | "STATE_ENTERPRISE" | "SCHOOL" | "HOSPITAL" | "TRADE_UNION" | "COMPANY" | "OTHER";
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The league table as on screen, UTF-8 with a byte-order mark; the last row is the total */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: officials and admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OfficialPlansController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: officials and admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OfficialPlansController_correct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanInputDto"];
            };
        };
        responses: {
            /** @description Corrected; audited with what it was before */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: officials and admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    LeagueTableController_of: {
        parameters: {
            query?: {
                year?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: officials and admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ImpactController_publicImpact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Open to all; groups of fewer than 5 households are merged into OTHER */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicImpactDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: officials and admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ImpactController_series: {
        parameters: {
            query: {
                by: "year" | "month";
                category?: "TEA" | "CHERRY" | "CHICKEN" | "EGG" | "MUSHROOM" | "PORK" | "NOODLE" | "VEGETABLE";
                cooperativeId?: string;
                /** @description First day (China time), inclusive */
                from?: string;
                /** @description Last day, inclusive */
                to?: string;
                /** @description Origin township of the produce */
                townshipCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One row per year or month that had sales, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupedFiguresDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: officials and admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ImpactController_summary: {
        parameters: {
            query?: {
                category?: "TEA" | "CHERRY" | "CHICKEN" | "EGG" | "MUSHROOM" | "PORK" | "NOODLE" | "VEGETABLE";
                cooperativeId?: string;
                /** @description First day (China time), inclusive */
                from?: string;
                /** @description Last day, inclusive */
                to?: string;
                /** @description Origin township of the produce */
                townshipCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FiguresDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: officials and admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    TrailController_trail: {
        parameters: {
            query?: {
                cooperativeId?: string;
                householdStatus?: "LIFTED" | "MONITORED";
                townshipCode?: string;
                /** @description Default: this year (China) */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pledged, paid to cooperatives, paid to households, acknowledged, outstanding and its ageing */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrailDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN, OUTSIDE_YOUR_TOWNSHIPS */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    TrailController_trailCsv: {
        parameters: {
            query?: {
                by?: "cooperative" | "township" | "status";
                cooperativeId?: string;
                householdStatus?: "LIFTED" | "MONITORED";
                townshipCode?: string;
                /** @description Default: this year (China) */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The trail’s rows by cooperative, township or household status, and the total, as on the screen */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN, OUTSIDE_YOUR_TOWNSHIPS */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ImpactController_verification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest check of every digested day against the ledger, as the hourly job ran it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LatestVerificationDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: officials and admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ImpactController_verify: {
        parameters: {
            query: {
                /** @description First day (China time), inclusive */
                from: string;
                /** @description Last day, inclusive */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Recomputes each digested day from the ledger and lists the days that no longer match */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyReportDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: officials and admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InvoiceProfilesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceProfileListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InvoiceProfilesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvoiceProfileInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceProfileDto"];
                };
            };
            /** @description VALIDATION_FAILED: a special invoice needs every field; a tax number must check */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description TOO_MANY_INVOICE_PROFILES */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InvoiceProfilesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvoiceProfileInputDto"];
            };
        };
        responses: {
            /** @description Replaced; orders placed with it keep what it said then */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceProfileDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description INVOICE_PROFILE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InvoiceProfilesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed from the list; orders placed with it keep their copy */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description INVOICE_PROFILE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicLotsController_lot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicLotDto"];
                };
            };
            /** @description LOT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicLotsController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller’s own order lines from this lot (or their organisation’s, as a receiver) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyLotDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description LOT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicLotsController_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lot’s test report, as a download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description LOT_NOT_FOUND, LOT_REPORT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorDto"];
                    "image/jpeg": components["schemas"]["ErrorDto"];
                    "image/png": components["schemas"]["ErrorDto"];
                    "image/webp": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrdersController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description 待付款, 待发货, 待收货 or 退款/售后; all orders when left out */
                tab?: "UNPAID" | "TO_SHIP" | "TO_RECEIVE" | "AFTER_SALES";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderPageDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrdersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrdersController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Before any part ships; the stock goes back */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORDER_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrdersController_confirmReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SHIPPED → COMPLETED */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORDER_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrderInvoicesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One per shipment, and red-letter ones for refunds after invoicing */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceRequestListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrderInvoicesController_file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The e-invoice file (PDF or OFD), as a download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description INVOICE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/ofd": components["schemas"]["ErrorDto"];
                    "application/pdf": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrganisationController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyOrganisationDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrganisationController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterOrganisationDto"];
            };
        };
        responses: {
            /** @description PENDING until an admin verifies it; the caller is its manager */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyOrganisationDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ALREADY_IN_ORGANISATION, CREDIT_CODE_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrganisationController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganisationDto"];
            };
        };
        responses: {
            /** @description Managers only. A rejected organisation goes back to the queue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyOrganisationDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_STATUS_CONFLICT: verified details are fixed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgBillingController_account: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Terms, what is owed and overdue, and what may still be ordered on account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED: statements are for FINANCE and MANAGER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrganisationController_invitations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Managers only */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrganisationController_invite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteMemberDto"];
            };
        };
        responses: {
            /** @description Managers only. The link goes by e-mail and works once, for 7 days */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ALREADY_IN_ORGANISATION, TOO_MANY_INVITATIONS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrganisationController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Managers only; the link stops working */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrganisationController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationTokenDto"];
            };
        };
        responses: {
            /** @description The caller joins, signed in with the address the invitation went to */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyOrganisationDto"];
                };
            };
            /** @description INVITATION_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ALREADY_IN_ORGANISATION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrganisationController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationTokenDto"];
            };
        };
        responses: {
            /** @description What an invitation link is for, before signing in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationPreviewDto"];
                };
            };
            /** @description INVITATION_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgInvoiceProfilesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceProfileListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED: managers and finance keep them */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgInvoiceProfilesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvoiceProfileInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceProfileDto"];
                };
            };
            /** @description VALIDATION_FAILED: a special invoice needs every field; a tax number must check */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED: managers and finance keep them */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description TOO_MANY_INVOICE_PROFILES */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgInvoiceProfilesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvoiceProfileInputDto"];
            };
        };
        responses: {
            /** @description Replaced; orders placed with it keep what it said then */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceProfileDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED: managers and finance keep them */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description INVOICE_PROFILE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgInvoiceProfilesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed from the list; orders placed with it keep their copy */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED: managers and finance keep them */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description INVOICE_PROFILE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrganisationController_listMembers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description In the order they joined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrganisationController_removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A manager removes a member, or a member leaves (their own id) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description LAST_MANAGER */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrganisationController_setRoles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberRolesDto"];
            };
        };
        responses: {
            /** @description Managers only */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description LAST_MANAGER */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgOrdersController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description AWAITING_APPROVAL is the approvers’ queue */
                status?: "AWAITING_APPROVAL" | "AWAITING_PAYMENT" | "ON_ACCOUNT" | "PAID" | "PARTIALLY_SHIPPED" | "SHIPPED" | "COMPLETED" | "CANCELLED" | "REFUNDED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first; status=AWAITING_APPROVAL is the approvers’ queue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgOrderPageDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND, ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgOrdersController_submit: {
        parameters: {
            query?: never;
            header: {
                /** @description The same key again returns the same order */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrgOrderRequestDto"];
            };
        };
        responses: {
            /** @description The order placed earlier with this key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgOrderDto"];
                };
            };
            /** @description AWAITING_APPROVAL at or above the threshold, else AWAITING_PAYMENT */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgOrderDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND, ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description OUT_OF_STOCK, LINES_UNAVAILABLE, ORGANISATION_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description DELIVERY_DATE_UNAVAILABLE, COLD_CHAIN_UNAVAILABLE */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgOrdersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgOrderDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND, ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgOrdersController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Approvers: AWAITING_APPROVAL → AWAITING_PAYMENT */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgOrderDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND, ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORDER_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgOrdersController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The purchaser who placed it, or a manager, before anything ships */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgOrderDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND, ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORDER_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgOrdersController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fulfillmentId: string;
                number: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptanceInputDto"];
            };
        };
        responses: {
            /** @description Receivers: 验收 of a shipped part; a shortfall becomes a claim for an admin */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgOrderDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND, ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FULFILLMENT_STATUS_CONFLICT: not shipped, or accepted already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgOrdersController_addPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fulfillmentId: string;
                number: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    photo: string;
                };
            };
        };
        responses: {
            /** @description Receivers: a photo of the shortfall, for the admin deciding the claim (at most 5) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgOrderDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description SHORTFALL_CLAIM_NOT_FOUND: the part has no shortfall */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description SHORTFALL_CLAIM_STATUS_CONFLICT: decided already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: over 5242880 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNSUPPORTED_IMAGE_TYPE: not a JPEG, PNG or WebP by its content */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description TOO_MANY_IMAGES */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgOrderInvoicesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceRequestListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED: finance members only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgOrderInvoicesController_file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The e-invoice file (PDF or OFD), as a download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED: finance members only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description INVOICE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/ofd": components["schemas"]["ErrorDto"];
                    "application/pdf": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgOrdersController_resumePayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Starts the payment again if the provider could not take it at approval */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgOrderDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND, ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORDER_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgOrdersController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            /** @description Approvers: cancelled with the reason; the stock goes back */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgOrderDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND, ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORDER_STATUS_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgOrdersController_quote: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrgQuoteRequestDto"];
            };
        };
        responses: {
            /** @description Purchasers: prices with breaks, one delivery per cooperative, the earliest day */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgQuoteDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND, ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgPlansController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED: managers set plans */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgPlansController_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanInputDto"];
            };
        };
        responses: {
            /** @description Set or changed; audited with what it was before */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED: managers set plans */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgProgressController_mine: {
        parameters: {
            query?: {
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrganisationController_listSites: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliverySiteListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrganisationController_createSite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliverySiteInputDto"];
            };
        };
        responses: {
            /** @description Managers only */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliverySiteDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrganisationController_removeSite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Managers only; orders delivered there keep it */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description DELIVERY_SITE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrganisationController_updateSite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDeliverySiteDto"];
            };
        };
        responses: {
            /** @description Managers only */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliverySiteDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description DELIVERY_SITE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgBillingController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatementListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED: statements are for FINANCE and MANAGER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgBillingController_issue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A statement up to today, of everything no statement listed yet */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatementDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED: statements are for FINANCE and MANAGER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORGANISATION_NOT_FOUND: the caller belongs to none */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description STATEMENT_NOTHING_NEW */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgBillingController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatementDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED: statements are for FINANCE and MANAGER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description STATEMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrgBillingController_csv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statement as a table: UTF-8 with a byte-order mark, a line per item, then what is due */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only; ORGANISATION_ROLE_REQUIRED: statements are for FINANCE and MANAGER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description STATEMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrdersController_failDemo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Demo provider: a declined payment; the order still awaits payment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OrdersController_payDemo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Demo provider: pays the order (no money moves) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description DEMO_PROVIDER_DISABLED: the order is paid through Stripe */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description ORDER_STATUS_CONFLICT: not awaiting payment, or expired */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PaymentProviderController_info: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentProviderDto"];
                };
            };
        };
    };
    StripeWebhookController_receive: {
        parameters: {
            query?: never;
            header: {
                "Stripe-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Acted on, or already seen (a repeated event is acknowledged and ignored) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description WEBHOOK_SIGNATURE_INVALID: nothing was changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CatalogController_products: {
        parameters: {
            query?: {
                category?: "TEA" | "CHERRY" | "CHICKEN" | "EGG" | "MUSHROOM" | "PORK" | "NOODLE" | "VEGETABLE";
                certified?: "true" | "false";
                cooperative?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                inSeason?: "true" | "false";
                limit?: number;
                /** @description 汉字, full pinyin (yingtao) or pinyin initials (yt) */
                q?: string;
                /** @description Default: relevance with q, else newest */
                sort?: "relevance" | "newest" | "price_asc" | "price_desc";
                /** @description Township code, e.g. 520525202 */
                township?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPageDto"];
                };
            };
        };
    };
    CatalogController_product: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDetailDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RemindersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderListDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RemindersController_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Set (setting it again changes nothing); an e-mail goes out once it can be bought */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderDto"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PRODUCT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PRODUCT_ON_SALE: it can be bought now */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RemindersController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description FORBIDDEN: buyers only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PRODUCT_NOT_FOUND, REMINDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
}
