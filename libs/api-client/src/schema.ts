// Generated from the API's OpenAPI document (/api/docs-json) by `npm run api-client:generate`. Do not edit.

export interface paths {
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
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
        CooperativePageDto: {
            creditCode: string;
            descriptionEn: string;
            descriptionZh: string;
            id: string;
            linkedHouseholds: components["schemas"]["LinkedHouseholdsDto"];
            nameEn: string;
            nameZh: string;
            products: components["schemas"]["ProductListItemDto"][];
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
        ErrorDto: {
            /** @enum {string} */
            code: "VALIDATION_FAILED" | "INVALID_JSON" | "BAD_REQUEST" | "INVALID_CURSOR" | "UNAUTHORIZED" | "INVALID_CREDENTIALS" | "TOKEN_EXPIRED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "FORBIDDEN" | "NOT_FOUND" | "PRODUCT_NOT_FOUND" | "COOPERATIVE_NOT_FOUND" | "ROUTE_NOT_FOUND" | "METHOD_NOT_ALLOWED" | "EMAIL_TAKEN" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_ATTEMPTS" | "INTERNAL_ERROR" | "DATABASE_UNAVAILABLE";
            /** @description Safe detail, e.g. the invalid fields */
            details?: Record<string, never>;
            message: string;
            /** @description Quote it when reporting a problem */
            requestId: string;
            /** @example 400 */
            statusCode: number;
        };
        HealthDto: {
            /** @enum {string} */
            database: "up" | "down";
            /** @enum {string} */
            status: "ok" | "error";
        };
        LinkedHouseholdsDto: {
            byMechanism: components["schemas"]["MechanismCountDto"][];
            /** @description Distinct households linked to the cooperative today */
            households: number;
        };
        LoginDto: {
            /** @example buyer@demo.cn */
            email: string;
            /** @example demo-pass-2026 */
            password: string;
        };
        MechanismCountDto: {
            households: number;
            /** @enum {string} */
            mechanism: "EQUITY_DIVIDEND" | "CONTRACT_PURCHASE" | "EMPLOYMENT" | "LAND_LEASE";
        };
        NamedRefDto: {
            id: string;
            name: string;
            nameEn: string;
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
        RegisterDto: {
            displayName?: string;
            /** @example chen@example.cn */
            email: string;
            password: string;
        };
        SeasonDto: {
            /** @description The sale window is open now */
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
        TownshipRefDto: {
            code: string;
            name: string;
            nameEn: string;
        };
        UserDto: {
            /** Format: uuid */
            cooperativeId?: string | null;
            displayName?: string | null;
            email: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: "buyer" | "cooperative" | "official" | "admin";
        };
        VariantDto: {
            id: string;
            labelEn: string;
            labelZh: string;
            priceFen: number;
            sku: string;
            /** @enum {string} */
            stockStatus: "IN_STOCK" | "LOW" | "SOLD_OUT";
            weightG: number;
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
}
