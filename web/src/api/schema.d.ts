/**
 * GENERATED from the OpenAPI document by `npm run gen:api-types` (src/tools/gen-api-types.ts).
 * Do not edit: change the routes' schemas and regenerate. test/api-types.test.ts fails when this
 * file is not what the routes describe.
 */

export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with a username and password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            expiresAt: number;
                            user: {
                                id: number;
                                enterpriseId: number | null;
                                username: string;
                                displayName: string;
                                /** @enum {string} */
                                role: "park_admin" | "park_viewer" | "enterprise_admin" | "enterprise_operator" | "enterprise_viewer";
                                /** @enum {string} */
                                locale: "zh-CN" | "en";
                                disabled: boolean;
                                lastLoginAt: number | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the current session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current user, and what they may do
         * @description `abilities` maps `<subject>.<action>` (e.g. `device.create`) to `any` (records of any enterprise), `own` (records of the caller's enterprise) or `none`, from the modules' policies; `grantableRoles` are the roles the caller may give to users. The console shows what these allow; the API enforces the same rules.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: number;
                                enterpriseId: number | null;
                                username: string;
                                displayName: string;
                                /** @enum {string} */
                                role: "park_admin" | "park_viewer" | "enterprise_admin" | "enterprise_operator" | "enterprise_viewer";
                                /** @enum {string} */
                                locale: "zh-CN" | "en";
                                disabled: boolean;
                                lastLoginAt: number | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            };
                            abilities: {
                                [key: string]: "any" | "own" | "none";
                            };
                            grantableRoles: ("park_admin" | "park_viewer" | "enterprise_admin" | "enterprise_operator" | "enterprise_viewer")[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the current user's display name or language */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        /** @enum {string} */
                        locale?: "zh-CN" | "en";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: number;
                                enterpriseId: number | null;
                                username: string;
                                displayName: string;
                                /** @enum {string} */
                                role: "park_admin" | "park_viewer" | "enterprise_admin" | "enterprise_operator" | "enterprise_viewer";
                                /** @enum {string} */
                                locale: "zh-CN" | "en";
                                disabled: boolean;
                                lastLoginAt: number | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the current password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's API keys */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                name: string;
                                /** @description the first characters of the key, to recognise it */
                                prefix: string;
                                createdAt: number;
                                expiresAt: number | null;
                                lastUsedAt: number | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API key (the key is returned once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        expiresInDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            /** @description the first characters of the key, to recognise it */
                            prefix: string;
                            createdAt: number;
                            expiresAt: number | null;
                            lastUsedAt: number | null;
                            key: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    enterpriseId?: number;
                    role?: "park_admin" | "park_viewer" | "enterprise_admin" | "enterprise_operator" | "enterprise_viewer";
                    disabled?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                enterpriseId: number | null;
                                username: string;
                                displayName: string;
                                /** @enum {string} */
                                role: "park_admin" | "park_viewer" | "enterprise_admin" | "enterprise_operator" | "enterprise_viewer";
                                /** @enum {string} */
                                locale: "zh-CN" | "en";
                                disabled: boolean;
                                lastLoginAt: number | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enterpriseId?: number | null;
                        username: string;
                        displayName: string;
                        /** @enum {string} */
                        role: "park_admin" | "park_viewer" | "enterprise_admin" | "enterprise_operator" | "enterprise_viewer";
                        /** @enum {string} */
                        locale?: "zh-CN" | "en";
                        disabled?: boolean;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number | null;
                            username: string;
                            displayName: string;
                            /** @enum {string} */
                            role: "park_admin" | "park_viewer" | "enterprise_admin" | "enterprise_operator" | "enterprise_viewer";
                            /** @enum {string} */
                            locale: "zh-CN" | "en";
                            disabled: boolean;
                            lastLoginAt: number | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number | null;
                            username: string;
                            displayName: string;
                            /** @enum {string} */
                            role: "park_admin" | "park_viewer" | "enterprise_admin" | "enterprise_operator" | "enterprise_viewer";
                            /** @enum {string} */
                            locale: "zh-CN" | "en";
                            disabled: boolean;
                            lastLoginAt: number | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update, disable or reset the password of a user */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        /** @enum {string} */
                        role?: "park_admin" | "park_viewer" | "enterprise_admin" | "enterprise_operator" | "enterprise_viewer";
                        /** @enum {string} */
                        locale?: "zh-CN" | "en";
                        disabled?: boolean;
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number | null;
                            username: string;
                            displayName: string;
                            /** @enum {string} */
                            role: "park_admin" | "park_viewer" | "enterprise_admin" | "enterprise_operator" | "enterprise_viewer";
                            /** @enum {string} */
                            locale: "zh-CN" | "en";
                            disabled: boolean;
                            lastLoginAt: number | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List enterprises */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    industry?: "chemicals" | "petrochemicals" | "polymers" | "fertilizers" | "pharma" | "building_materials" | "energy" | "recycling" | "waste_treatment" | "utilities" | "other";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description lower-case letters, digits and dashes */
                                code: string;
                                /** @description name in Chinese */
                                name: string;
                                /** @description name in English */
                                nameEn: string | null;
                                /** @enum {string} */
                                industry: "chemicals" | "petrochemicals" | "polymers" | "fertilizers" | "pharma" | "building_materials" | "energy" | "recycling" | "waste_treatment" | "utilities" | "other";
                                /** @description Unified Social Credit Code (统一社会信用代码) */
                                uscc: string | null;
                                /** @description GLN of the enterprise as a party (PGLN): EPCIS shipments naming it as source or destination become visible to it */
                                gln: string | null;
                                gs1CompanyPrefixes: string[] | null;
                                contactName: string | null;
                                contactPhone: string | null;
                                description: string | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a enterprise */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description lower-case letters, digits and dashes */
                        code: string;
                        /** @description name in Chinese */
                        name: string;
                        /** @description name in English */
                        nameEn?: string | null;
                        /** @enum {string} */
                        industry: "chemicals" | "petrochemicals" | "polymers" | "fertilizers" | "pharma" | "building_materials" | "energy" | "recycling" | "waste_treatment" | "utilities" | "other";
                        /** @description Unified Social Credit Code (统一社会信用代码) */
                        uscc?: string | null;
                        /** @description GLN of the enterprise as a party (PGLN): EPCIS shipments naming it as source or destination become visible to it */
                        gln?: string | null;
                        gs1CompanyPrefixes?: string[] | null;
                        contactName?: string | null;
                        contactPhone?: string | null;
                        description?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description lower-case letters, digits and dashes */
                            code: string;
                            /** @description name in Chinese */
                            name: string;
                            /** @description name in English */
                            nameEn: string | null;
                            /** @enum {string} */
                            industry: "chemicals" | "petrochemicals" | "polymers" | "fertilizers" | "pharma" | "building_materials" | "energy" | "recycling" | "waste_treatment" | "utilities" | "other";
                            /** @description Unified Social Credit Code (统一社会信用代码) */
                            uscc: string | null;
                            /** @description GLN of the enterprise as a party (PGLN): EPCIS shipments naming it as source or destination become visible to it */
                            gln: string | null;
                            gs1CompanyPrefixes: string[] | null;
                            contactName: string | null;
                            contactPhone: string | null;
                            description: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a enterprise */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description lower-case letters, digits and dashes */
                            code: string;
                            /** @description name in Chinese */
                            name: string;
                            /** @description name in English */
                            nameEn: string | null;
                            /** @enum {string} */
                            industry: "chemicals" | "petrochemicals" | "polymers" | "fertilizers" | "pharma" | "building_materials" | "energy" | "recycling" | "waste_treatment" | "utilities" | "other";
                            /** @description Unified Social Credit Code (统一社会信用代码) */
                            uscc: string | null;
                            /** @description GLN of the enterprise as a party (PGLN): EPCIS shipments naming it as source or destination become visible to it */
                            gln: string | null;
                            gs1CompanyPrefixes: string[] | null;
                            contactName: string | null;
                            contactPhone: string | null;
                            description: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a enterprise */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a enterprise */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description name in Chinese */
                        name?: string;
                        /** @description name in English */
                        nameEn?: string | null;
                        /** @enum {string} */
                        industry?: "chemicals" | "petrochemicals" | "polymers" | "fertilizers" | "pharma" | "building_materials" | "energy" | "recycling" | "waste_treatment" | "utilities" | "other";
                        /** @description Unified Social Credit Code (统一社会信用代码) */
                        uscc?: string | null;
                        /** @description GLN of the enterprise as a party (PGLN): EPCIS shipments naming it as source or destination become visible to it */
                        gln?: string | null;
                        gs1CompanyPrefixes?: string[] | null;
                        contactName?: string | null;
                        contactPhone?: string | null;
                        description?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description lower-case letters, digits and dashes */
                            code: string;
                            /** @description name in Chinese */
                            name: string;
                            /** @description name in English */
                            nameEn: string | null;
                            /** @enum {string} */
                            industry: "chemicals" | "petrochemicals" | "polymers" | "fertilizers" | "pharma" | "building_materials" | "energy" | "recycling" | "waste_treatment" | "utilities" | "other";
                            /** @description Unified Social Credit Code (统一社会信用代码) */
                            uscc: string | null;
                            /** @description GLN of the enterprise as a party (PGLN): EPCIS shipments naming it as source or destination become visible to it */
                            gln: string | null;
                            gs1CompanyPrefixes: string[] | null;
                            contactName: string | null;
                            contactPhone: string | null;
                            description: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List sites */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    enterpriseId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                enterpriseId: number;
                                /** @description lower-case letters, digits and dashes */
                                code: string;
                                /** @description name in Chinese */
                                name: string;
                                /** @description name in English */
                                nameEn: string | null;
                                address: string | null;
                                lat: number | null;
                                lng: number | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a site */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enterpriseId?: number;
                        /** @description lower-case letters, digits and dashes */
                        code: string;
                        /** @description name in Chinese */
                        name: string;
                        /** @description name in English */
                        nameEn?: string | null;
                        address?: string | null;
                        lat?: number | null;
                        lng?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /** @description lower-case letters, digits and dashes */
                            code: string;
                            /** @description name in Chinese */
                            name: string;
                            /** @description name in English */
                            nameEn: string | null;
                            address: string | null;
                            lat: number | null;
                            lng: number | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a site */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /** @description lower-case letters, digits and dashes */
                            code: string;
                            /** @description name in Chinese */
                            name: string;
                            /** @description name in English */
                            nameEn: string | null;
                            address: string | null;
                            lat: number | null;
                            lng: number | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a site */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a site */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description lower-case letters, digits and dashes */
                        code?: string;
                        /** @description name in Chinese */
                        name?: string;
                        /** @description name in English */
                        nameEn?: string | null;
                        address?: string | null;
                        lat?: number | null;
                        lng?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /** @description lower-case letters, digits and dashes */
                            code: string;
                            /** @description name in Chinese */
                            name: string;
                            /** @description name in English */
                            nameEn: string | null;
                            address: string | null;
                            lat: number | null;
                            lng: number | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List units */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    enterpriseId?: number;
                    siteId?: number;
                    kind?: "production" | "utility" | "storage" | "treatment" | "logistics" | "environmental";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                enterpriseId: number;
                                siteId: number;
                                /** @description lower-case letters, digits and dashes */
                                code: string;
                                /** @description name in Chinese */
                                name: string;
                                /** @description name in English */
                                nameEn: string | null;
                                /** @enum {string} */
                                kind: "production" | "utility" | "storage" | "treatment" | "logistics" | "environmental";
                                capacityValue: number | null;
                                /**
                                 * @description unit of measure code
                                 * @enum {string|null}
                                 */
                                capacityUnit: "g" | "kg" | "t" | "L" | "m3" | "Nm3" | "MJ" | "GJ" | "kWh" | "MWh" | "kgce" | "tce" | "kW" | "MW" | "kg/h" | "t/h" | "m3/h" | "Nm3/h" | "t/a" | "t/d" | "m3/d" | "°C" | "K" | "kPa" | "MPa" | "bar" | "mg/m3" | "ppm" | "%" | "mg/L" | "kgCO2e" | "tCO2e" | "mm" | "m" | "mS/cm" | "pH" | "g/10min" | "pcs" | null;
                                description: string | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a unit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        siteId: number;
                        /** @description lower-case letters, digits and dashes */
                        code: string;
                        /** @description name in Chinese */
                        name: string;
                        /** @description name in English */
                        nameEn?: string | null;
                        /** @enum {string} */
                        kind: "production" | "utility" | "storage" | "treatment" | "logistics" | "environmental";
                        capacityValue?: number | null;
                        /**
                         * @description unit of measure code
                         * @enum {string|null}
                         */
                        capacityUnit?: "g" | "kg" | "t" | "L" | "m3" | "Nm3" | "MJ" | "GJ" | "kWh" | "MWh" | "kgce" | "tce" | "kW" | "MW" | "kg/h" | "t/h" | "m3/h" | "Nm3/h" | "t/a" | "t/d" | "m3/d" | "°C" | "K" | "kPa" | "MPa" | "bar" | "mg/m3" | "ppm" | "%" | "mg/L" | "kgCO2e" | "tCO2e" | "mm" | "m" | "mS/cm" | "pH" | "g/10min" | "pcs" | null;
                        description?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            siteId: number;
                            /** @description lower-case letters, digits and dashes */
                            code: string;
                            /** @description name in Chinese */
                            name: string;
                            /** @description name in English */
                            nameEn: string | null;
                            /** @enum {string} */
                            kind: "production" | "utility" | "storage" | "treatment" | "logistics" | "environmental";
                            capacityValue: number | null;
                            /**
                             * @description unit of measure code
                             * @enum {string|null}
                             */
                            capacityUnit: "g" | "kg" | "t" | "L" | "m3" | "Nm3" | "MJ" | "GJ" | "kWh" | "MWh" | "kgce" | "tce" | "kW" | "MW" | "kg/h" | "t/h" | "m3/h" | "Nm3/h" | "t/a" | "t/d" | "m3/d" | "°C" | "K" | "kPa" | "MPa" | "bar" | "mg/m3" | "ppm" | "%" | "mg/L" | "kgCO2e" | "tCO2e" | "mm" | "m" | "mS/cm" | "pH" | "g/10min" | "pcs" | null;
                            description: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a unit */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            siteId: number;
                            /** @description lower-case letters, digits and dashes */
                            code: string;
                            /** @description name in Chinese */
                            name: string;
                            /** @description name in English */
                            nameEn: string | null;
                            /** @enum {string} */
                            kind: "production" | "utility" | "storage" | "treatment" | "logistics" | "environmental";
                            capacityValue: number | null;
                            /**
                             * @description unit of measure code
                             * @enum {string|null}
                             */
                            capacityUnit: "g" | "kg" | "t" | "L" | "m3" | "Nm3" | "MJ" | "GJ" | "kWh" | "MWh" | "kgce" | "tce" | "kW" | "MW" | "kg/h" | "t/h" | "m3/h" | "Nm3/h" | "t/a" | "t/d" | "m3/d" | "°C" | "K" | "kPa" | "MPa" | "bar" | "mg/m3" | "ppm" | "%" | "mg/L" | "kgCO2e" | "tCO2e" | "mm" | "m" | "mS/cm" | "pH" | "g/10min" | "pcs" | null;
                            description: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a unit */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a unit */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        siteId?: number;
                        /** @description lower-case letters, digits and dashes */
                        code?: string;
                        /** @description name in Chinese */
                        name?: string;
                        /** @description name in English */
                        nameEn?: string | null;
                        /** @enum {string} */
                        kind?: "production" | "utility" | "storage" | "treatment" | "logistics" | "environmental";
                        capacityValue?: number | null;
                        /**
                         * @description unit of measure code
                         * @enum {string|null}
                         */
                        capacityUnit?: "g" | "kg" | "t" | "L" | "m3" | "Nm3" | "MJ" | "GJ" | "kWh" | "MWh" | "kgce" | "tce" | "kW" | "MW" | "kg/h" | "t/h" | "m3/h" | "Nm3/h" | "t/a" | "t/d" | "m3/d" | "°C" | "K" | "kPa" | "MPa" | "bar" | "mg/m3" | "ppm" | "%" | "mg/L" | "kgCO2e" | "tCO2e" | "mm" | "m" | "mS/cm" | "pH" | "g/10min" | "pcs" | null;
                        description?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            siteId: number;
                            /** @description lower-case letters, digits and dashes */
                            code: string;
                            /** @description name in Chinese */
                            name: string;
                            /** @description name in English */
                            nameEn: string | null;
                            /** @enum {string} */
                            kind: "production" | "utility" | "storage" | "treatment" | "logistics" | "environmental";
                            capacityValue: number | null;
                            /**
                             * @description unit of measure code
                             * @enum {string|null}
                             */
                            capacityUnit: "g" | "kg" | "t" | "L" | "m3" | "Nm3" | "MJ" | "GJ" | "kWh" | "MWh" | "kgce" | "tce" | "kW" | "MW" | "kg/h" | "t/h" | "m3/h" | "Nm3/h" | "t/a" | "t/d" | "m3/d" | "°C" | "K" | "kPa" | "MPa" | "bar" | "mg/m3" | "ppm" | "%" | "mg/L" | "kgCO2e" | "tCO2e" | "mm" | "m" | "mS/cm" | "pH" | "g/10min" | "pcs" | null;
                            description: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List devices */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    enterpriseId?: number;
                    siteId?: number;
                    unitId?: number;
                    kind?: "energy_meter" | "flow_meter" | "emission_monitor" | "quality_analyzer" | "level_gauge" | "temperature_sensor" | "pressure_sensor" | "weighbridge" | "gateway" | "other";
                    protocol?: "mqtt" | "sparkplug" | "http" | "opcua";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                enterpriseId: number;
                                siteId: number;
                                unitId: number | null;
                                /** @description unique in the park; the device id in MQTT topics */
                                code: string;
                                /** @description name in Chinese */
                                name: string;
                                /** @description name in English */
                                nameEn: string | null;
                                /** @enum {string} */
                                kind: "energy_meter" | "flow_meter" | "emission_monitor" | "quality_analyzer" | "level_gauge" | "temperature_sensor" | "pressure_sensor" | "weighbridge" | "gateway" | "other";
                                /** @enum {string} */
                                protocol: "mqtt" | "sparkplug" | "http" | "opcua";
                                manufacturer: string | null;
                                model: string | null;
                                serialNo: string | null;
                                enabled: boolean;
                                /**
                                 * @description in maintenance or out of service, its alarms are suppressed
                                 * @enum {string}
                                 */
                                serviceState: "in_service" | "maintenance" | "out_of_service";
                                /** @description connected and heard from within 5 minutes */
                                online: boolean | null;
                                /** @description epoch ms of the latest reading */
                                lastSeenAt: number | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a device */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        siteId: number;
                        unitId?: number | null;
                        /** @description unique in the park; the device id in MQTT topics */
                        code: string;
                        /** @description name in Chinese */
                        name: string;
                        /** @description name in English */
                        nameEn?: string | null;
                        /** @enum {string} */
                        kind: "energy_meter" | "flow_meter" | "emission_monitor" | "quality_analyzer" | "level_gauge" | "temperature_sensor" | "pressure_sensor" | "weighbridge" | "gateway" | "other";
                        /** @enum {string} */
                        protocol: "mqtt" | "sparkplug" | "http" | "opcua";
                        manufacturer?: string | null;
                        model?: string | null;
                        serialNo?: string | null;
                        enabled?: boolean;
                        /**
                         * @description in maintenance or out of service, its alarms are suppressed
                         * @enum {string}
                         */
                        serviceState?: "in_service" | "maintenance" | "out_of_service";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            siteId: number;
                            unitId: number | null;
                            /** @description unique in the park; the device id in MQTT topics */
                            code: string;
                            /** @description name in Chinese */
                            name: string;
                            /** @description name in English */
                            nameEn: string | null;
                            /** @enum {string} */
                            kind: "energy_meter" | "flow_meter" | "emission_monitor" | "quality_analyzer" | "level_gauge" | "temperature_sensor" | "pressure_sensor" | "weighbridge" | "gateway" | "other";
                            /** @enum {string} */
                            protocol: "mqtt" | "sparkplug" | "http" | "opcua";
                            manufacturer: string | null;
                            model: string | null;
                            serialNo: string | null;
                            enabled: boolean;
                            /**
                             * @description in maintenance or out of service, its alarms are suppressed
                             * @enum {string}
                             */
                            serviceState: "in_service" | "maintenance" | "out_of_service";
                            /** @description connected and heard from within 5 minutes */
                            online: boolean | null;
                            /** @description epoch ms of the latest reading */
                            lastSeenAt: number | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a device */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            siteId: number;
                            unitId: number | null;
                            /** @description unique in the park; the device id in MQTT topics */
                            code: string;
                            /** @description name in Chinese */
                            name: string;
                            /** @description name in English */
                            nameEn: string | null;
                            /** @enum {string} */
                            kind: "energy_meter" | "flow_meter" | "emission_monitor" | "quality_analyzer" | "level_gauge" | "temperature_sensor" | "pressure_sensor" | "weighbridge" | "gateway" | "other";
                            /** @enum {string} */
                            protocol: "mqtt" | "sparkplug" | "http" | "opcua";
                            manufacturer: string | null;
                            model: string | null;
                            serialNo: string | null;
                            enabled: boolean;
                            /**
                             * @description in maintenance or out of service, its alarms are suppressed
                             * @enum {string}
                             */
                            serviceState: "in_service" | "maintenance" | "out_of_service";
                            /** @description connected and heard from within 5 minutes */
                            online: boolean | null;
                            /** @description epoch ms of the latest reading */
                            lastSeenAt: number | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a device */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a device */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        siteId?: number;
                        unitId?: number | null;
                        /** @description unique in the park; the device id in MQTT topics */
                        code?: string;
                        /** @description name in Chinese */
                        name?: string;
                        /** @description name in English */
                        nameEn?: string | null;
                        /** @enum {string} */
                        kind?: "energy_meter" | "flow_meter" | "emission_monitor" | "quality_analyzer" | "level_gauge" | "temperature_sensor" | "pressure_sensor" | "weighbridge" | "gateway" | "other";
                        /** @enum {string} */
                        protocol?: "mqtt" | "sparkplug" | "http" | "opcua";
                        manufacturer?: string | null;
                        model?: string | null;
                        serialNo?: string | null;
                        enabled?: boolean;
                        /**
                         * @description in maintenance or out of service, its alarms are suppressed
                         * @enum {string}
                         */
                        serviceState?: "in_service" | "maintenance" | "out_of_service";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            siteId: number;
                            unitId: number | null;
                            /** @description unique in the park; the device id in MQTT topics */
                            code: string;
                            /** @description name in Chinese */
                            name: string;
                            /** @description name in English */
                            nameEn: string | null;
                            /** @enum {string} */
                            kind: "energy_meter" | "flow_meter" | "emission_monitor" | "quality_analyzer" | "level_gauge" | "temperature_sensor" | "pressure_sensor" | "weighbridge" | "gateway" | "other";
                            /** @enum {string} */
                            protocol: "mqtt" | "sparkplug" | "http" | "opcua";
                            manufacturer: string | null;
                            model: string | null;
                            serialNo: string | null;
                            enabled: boolean;
                            /**
                             * @description in maintenance or out of service, its alarms are suppressed
                             * @enum {string}
                             */
                            serviceState: "in_service" | "maintenance" | "out_of_service";
                            /** @description connected and heard from within 5 minutes */
                            online: boolean | null;
                            /** @description epoch ms of the latest reading */
                            lastSeenAt: number | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tags */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    enterpriseId?: number;
                    deviceId?: number;
                    kind?: "energy" | "power" | "flow" | "mass" | "level" | "temperature" | "pressure" | "emission" | "quality" | "other";
                    materialId?: number;
                    device?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                enterpriseId: number;
                                deviceId: number;
                                /** @description the value key in telemetry payloads */
                                key: string;
                                /** @description name in Chinese */
                                name: string;
                                /** @description name in English */
                                nameEn: string | null;
                                /** @enum {string} */
                                kind: "energy" | "power" | "flow" | "mass" | "level" | "temperature" | "pressure" | "emission" | "quality" | "other";
                                /**
                                 * @description unit of measure code
                                 * @enum {string}
                                 */
                                unit: "g" | "kg" | "t" | "L" | "m3" | "Nm3" | "MJ" | "GJ" | "kWh" | "MWh" | "kgce" | "tce" | "kW" | "MW" | "kg/h" | "t/h" | "m3/h" | "Nm3/h" | "t/a" | "t/d" | "m3/d" | "°C" | "K" | "kPa" | "MPa" | "bar" | "mg/m3" | "ppm" | "%" | "mg/L" | "kgCO2e" | "tCO2e" | "mm" | "m" | "mS/cm" | "pH" | "g/10min" | "pcs";
                                materialId: number | null;
                                lowLowLimit: number | null;
                                lowLimit: number | null;
                                highLimit: number | null;
                                highHighLimit: number | null;
                                description: string | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a tag */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deviceId: number;
                        /** @description the value key in telemetry payloads */
                        key: string;
                        /** @description name in Chinese */
                        name: string;
                        /** @description name in English */
                        nameEn?: string | null;
                        /** @enum {string} */
                        kind: "energy" | "power" | "flow" | "mass" | "level" | "temperature" | "pressure" | "emission" | "quality" | "other";
                        /**
                         * @description unit of measure code
                         * @enum {string}
                         */
                        unit: "g" | "kg" | "t" | "L" | "m3" | "Nm3" | "MJ" | "GJ" | "kWh" | "MWh" | "kgce" | "tce" | "kW" | "MW" | "kg/h" | "t/h" | "m3/h" | "Nm3/h" | "t/a" | "t/d" | "m3/d" | "°C" | "K" | "kPa" | "MPa" | "bar" | "mg/m3" | "ppm" | "%" | "mg/L" | "kgCO2e" | "tCO2e" | "mm" | "m" | "mS/cm" | "pH" | "g/10min" | "pcs";
                        materialId?: number | null;
                        lowLowLimit?: number | null;
                        lowLimit?: number | null;
                        highLimit?: number | null;
                        highHighLimit?: number | null;
                        description?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            deviceId: number;
                            /** @description the value key in telemetry payloads */
                            key: string;
                            /** @description name in Chinese */
                            name: string;
                            /** @description name in English */
                            nameEn: string | null;
                            /** @enum {string} */
                            kind: "energy" | "power" | "flow" | "mass" | "level" | "temperature" | "pressure" | "emission" | "quality" | "other";
                            /**
                             * @description unit of measure code
                             * @enum {string}
                             */
                            unit: "g" | "kg" | "t" | "L" | "m3" | "Nm3" | "MJ" | "GJ" | "kWh" | "MWh" | "kgce" | "tce" | "kW" | "MW" | "kg/h" | "t/h" | "m3/h" | "Nm3/h" | "t/a" | "t/d" | "m3/d" | "°C" | "K" | "kPa" | "MPa" | "bar" | "mg/m3" | "ppm" | "%" | "mg/L" | "kgCO2e" | "tCO2e" | "mm" | "m" | "mS/cm" | "pH" | "g/10min" | "pcs";
                            materialId: number | null;
                            lowLowLimit: number | null;
                            lowLimit: number | null;
                            highLimit: number | null;
                            highHighLimit: number | null;
                            description: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a tag */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            deviceId: number;
                            /** @description the value key in telemetry payloads */
                            key: string;
                            /** @description name in Chinese */
                            name: string;
                            /** @description name in English */
                            nameEn: string | null;
                            /** @enum {string} */
                            kind: "energy" | "power" | "flow" | "mass" | "level" | "temperature" | "pressure" | "emission" | "quality" | "other";
                            /**
                             * @description unit of measure code
                             * @enum {string}
                             */
                            unit: "g" | "kg" | "t" | "L" | "m3" | "Nm3" | "MJ" | "GJ" | "kWh" | "MWh" | "kgce" | "tce" | "kW" | "MW" | "kg/h" | "t/h" | "m3/h" | "Nm3/h" | "t/a" | "t/d" | "m3/d" | "°C" | "K" | "kPa" | "MPa" | "bar" | "mg/m3" | "ppm" | "%" | "mg/L" | "kgCO2e" | "tCO2e" | "mm" | "m" | "mS/cm" | "pH" | "g/10min" | "pcs";
                            materialId: number | null;
                            lowLowLimit: number | null;
                            lowLimit: number | null;
                            highLimit: number | null;
                            highHighLimit: number | null;
                            description: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a tag */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a tag */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deviceId?: number;
                        /** @description the value key in telemetry payloads */
                        key?: string;
                        /** @description name in Chinese */
                        name?: string;
                        /** @description name in English */
                        nameEn?: string | null;
                        /** @enum {string} */
                        kind?: "energy" | "power" | "flow" | "mass" | "level" | "temperature" | "pressure" | "emission" | "quality" | "other";
                        /**
                         * @description unit of measure code
                         * @enum {string}
                         */
                        unit?: "g" | "kg" | "t" | "L" | "m3" | "Nm3" | "MJ" | "GJ" | "kWh" | "MWh" | "kgce" | "tce" | "kW" | "MW" | "kg/h" | "t/h" | "m3/h" | "Nm3/h" | "t/a" | "t/d" | "m3/d" | "°C" | "K" | "kPa" | "MPa" | "bar" | "mg/m3" | "ppm" | "%" | "mg/L" | "kgCO2e" | "tCO2e" | "mm" | "m" | "mS/cm" | "pH" | "g/10min" | "pcs";
                        materialId?: number | null;
                        lowLowLimit?: number | null;
                        lowLimit?: number | null;
                        highLimit?: number | null;
                        highHighLimit?: number | null;
                        description?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            deviceId: number;
                            /** @description the value key in telemetry payloads */
                            key: string;
                            /** @description name in Chinese */
                            name: string;
                            /** @description name in English */
                            nameEn: string | null;
                            /** @enum {string} */
                            kind: "energy" | "power" | "flow" | "mass" | "level" | "temperature" | "pressure" | "emission" | "quality" | "other";
                            /**
                             * @description unit of measure code
                             * @enum {string}
                             */
                            unit: "g" | "kg" | "t" | "L" | "m3" | "Nm3" | "MJ" | "GJ" | "kWh" | "MWh" | "kgce" | "tce" | "kW" | "MW" | "kg/h" | "t/h" | "m3/h" | "Nm3/h" | "t/a" | "t/d" | "m3/d" | "°C" | "K" | "kPa" | "MPa" | "bar" | "mg/m3" | "ppm" | "%" | "mg/L" | "kgCO2e" | "tCO2e" | "mm" | "m" | "mS/cm" | "pH" | "g/10min" | "pcs";
                            materialId: number | null;
                            lowLowLimit: number | null;
                            lowLimit: number | null;
                            highLimit: number | null;
                            highHighLimit: number | null;
                            description: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/materials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List materials */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    enterpriseId?: number;
                    category?: "raw_material" | "product" | "intermediate" | "by_product" | "waste" | "energy_carrier" | "utility";
                    hazardous?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                enterpriseId: number | null;
                                code: string;
                                /** @description name in Chinese */
                                name: string;
                                /** @description name in English */
                                nameEn: string | null;
                                /** @enum {string} */
                                category: "raw_material" | "product" | "intermediate" | "by_product" | "waste" | "energy_carrier" | "utility";
                                hazardous: boolean;
                                /** @enum {string} */
                                unit: "g" | "kg" | "t" | "L" | "m3" | "Nm3" | "MJ" | "GJ" | "kWh" | "MWh" | "kgce" | "tce" | "kW" | "MW" | "kg/h" | "t/h" | "m3/h" | "Nm3/h" | "t/a" | "t/d" | "m3/d" | "°C" | "K" | "kPa" | "MPa" | "bar" | "mg/m3" | "ppm" | "%" | "mg/L" | "kgCO2e" | "tCO2e" | "mm" | "m" | "mS/cm" | "pH" | "g/10min" | "pcs";
                                /** @description National Hazardous Waste List code, e.g. HW06/900-402-06 */
                                hwCode: string | null;
                                /** @description general industrial solid waste category, e.g. SW10 */
                                swCode: string | null;
                                /** @description European Waste Catalogue code, * marks hazardous */
                                ewcCode: string | null;
                                /** @description Harmonized System code */
                                hsCode: string | null;
                                casNo: string | null;
                                densityKgM3: number | null;
                                lhvMJPerKg: number | null;
                                lhvMJPerUnit: number | null;
                                carbonContentKgCPerKg: number | null;
                                emissionFactorKgCO2ePerUnit: number | null;
                                kgcePerUnit: number | null;
                                composition: {
                                    [key: string]: {
                                        fraction: number;
                                        sd?: number;
                                    };
                                } | null;
                                description: string | null;
                                sources: {
                                    [key: string]: string;
                                } | null;
                                catalogueVersion: number | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a material */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enterpriseId?: number | null;
                        code: string;
                        /** @description name in Chinese */
                        name: string;
                        /** @description name in English */
                        nameEn?: string | null;
                        /** @enum {string} */
                        category: "raw_material" | "product" | "intermediate" | "by_product" | "waste" | "energy_carrier" | "utility";
                        hazardous: boolean;
                        /** @enum {string} */
                        unit: "g" | "kg" | "t" | "L" | "m3" | "Nm3" | "MJ" | "GJ" | "kWh" | "MWh" | "kgce" | "tce" | "kW" | "MW" | "kg/h" | "t/h" | "m3/h" | "Nm3/h" | "t/a" | "t/d" | "m3/d" | "°C" | "K" | "kPa" | "MPa" | "bar" | "mg/m3" | "ppm" | "%" | "mg/L" | "kgCO2e" | "tCO2e" | "mm" | "m" | "mS/cm" | "pH" | "g/10min" | "pcs";
                        /** @description National Hazardous Waste List code, e.g. HW06/900-402-06 */
                        hwCode?: string | null;
                        /** @description general industrial solid waste category, e.g. SW10 */
                        swCode?: string | null;
                        /** @description European Waste Catalogue code, * marks hazardous */
                        ewcCode?: string | null;
                        /** @description Harmonized System code */
                        hsCode?: string | null;
                        casNo?: string | null;
                        densityKgM3?: number | null;
                        lhvMJPerKg?: number | null;
                        lhvMJPerUnit?: number | null;
                        carbonContentKgCPerKg?: number | null;
                        emissionFactorKgCO2ePerUnit?: number | null;
                        kgcePerUnit?: number | null;
                        composition?: {
                            [key: string]: {
                                fraction: number;
                                sd?: number;
                            };
                        } | null;
                        description?: string | null;
                        sources?: {
                            [key: string]: string;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number | null;
                            code: string;
                            /** @description name in Chinese */
                            name: string;
                            /** @description name in English */
                            nameEn: string | null;
                            /** @enum {string} */
                            category: "raw_material" | "product" | "intermediate" | "by_product" | "waste" | "energy_carrier" | "utility";
                            hazardous: boolean;
                            /** @enum {string} */
                            unit: "g" | "kg" | "t" | "L" | "m3" | "Nm3" | "MJ" | "GJ" | "kWh" | "MWh" | "kgce" | "tce" | "kW" | "MW" | "kg/h" | "t/h" | "m3/h" | "Nm3/h" | "t/a" | "t/d" | "m3/d" | "°C" | "K" | "kPa" | "MPa" | "bar" | "mg/m3" | "ppm" | "%" | "mg/L" | "kgCO2e" | "tCO2e" | "mm" | "m" | "mS/cm" | "pH" | "g/10min" | "pcs";
                            /** @description National Hazardous Waste List code, e.g. HW06/900-402-06 */
                            hwCode: string | null;
                            /** @description general industrial solid waste category, e.g. SW10 */
                            swCode: string | null;
                            /** @description European Waste Catalogue code, * marks hazardous */
                            ewcCode: string | null;
                            /** @description Harmonized System code */
                            hsCode: string | null;
                            casNo: string | null;
                            densityKgM3: number | null;
                            lhvMJPerKg: number | null;
                            lhvMJPerUnit: number | null;
                            carbonContentKgCPerKg: number | null;
                            emissionFactorKgCO2ePerUnit: number | null;
                            kgcePerUnit: number | null;
                            composition: {
                                [key: string]: {
                                    fraction: number;
                                    sd?: number;
                                };
                            } | null;
                            description: string | null;
                            sources: {
                                [key: string]: string;
                            } | null;
                            catalogueVersion: number | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/materials/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a material */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number | null;
                            code: string;
                            /** @description name in Chinese */
                            name: string;
                            /** @description name in English */
                            nameEn: string | null;
                            /** @enum {string} */
                            category: "raw_material" | "product" | "intermediate" | "by_product" | "waste" | "energy_carrier" | "utility";
                            hazardous: boolean;
                            /** @enum {string} */
                            unit: "g" | "kg" | "t" | "L" | "m3" | "Nm3" | "MJ" | "GJ" | "kWh" | "MWh" | "kgce" | "tce" | "kW" | "MW" | "kg/h" | "t/h" | "m3/h" | "Nm3/h" | "t/a" | "t/d" | "m3/d" | "°C" | "K" | "kPa" | "MPa" | "bar" | "mg/m3" | "ppm" | "%" | "mg/L" | "kgCO2e" | "tCO2e" | "mm" | "m" | "mS/cm" | "pH" | "g/10min" | "pcs";
                            /** @description National Hazardous Waste List code, e.g. HW06/900-402-06 */
                            hwCode: string | null;
                            /** @description general industrial solid waste category, e.g. SW10 */
                            swCode: string | null;
                            /** @description European Waste Catalogue code, * marks hazardous */
                            ewcCode: string | null;
                            /** @description Harmonized System code */
                            hsCode: string | null;
                            casNo: string | null;
                            densityKgM3: number | null;
                            lhvMJPerKg: number | null;
                            lhvMJPerUnit: number | null;
                            carbonContentKgCPerKg: number | null;
                            emissionFactorKgCO2ePerUnit: number | null;
                            kgcePerUnit: number | null;
                            composition: {
                                [key: string]: {
                                    fraction: number;
                                    sd?: number;
                                };
                            } | null;
                            description: string | null;
                            sources: {
                                [key: string]: string;
                            } | null;
                            catalogueVersion: number | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a material */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a material */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description name in Chinese */
                        name?: string;
                        /** @description name in English */
                        nameEn?: string | null;
                        /** @enum {string} */
                        category?: "raw_material" | "product" | "intermediate" | "by_product" | "waste" | "energy_carrier" | "utility";
                        hazardous?: boolean;
                        /** @enum {string} */
                        unit?: "g" | "kg" | "t" | "L" | "m3" | "Nm3" | "MJ" | "GJ" | "kWh" | "MWh" | "kgce" | "tce" | "kW" | "MW" | "kg/h" | "t/h" | "m3/h" | "Nm3/h" | "t/a" | "t/d" | "m3/d" | "°C" | "K" | "kPa" | "MPa" | "bar" | "mg/m3" | "ppm" | "%" | "mg/L" | "kgCO2e" | "tCO2e" | "mm" | "m" | "mS/cm" | "pH" | "g/10min" | "pcs";
                        /** @description National Hazardous Waste List code, e.g. HW06/900-402-06 */
                        hwCode?: string | null;
                        /** @description general industrial solid waste category, e.g. SW10 */
                        swCode?: string | null;
                        /** @description European Waste Catalogue code, * marks hazardous */
                        ewcCode?: string | null;
                        /** @description Harmonized System code */
                        hsCode?: string | null;
                        casNo?: string | null;
                        densityKgM3?: number | null;
                        lhvMJPerKg?: number | null;
                        lhvMJPerUnit?: number | null;
                        carbonContentKgCPerKg?: number | null;
                        emissionFactorKgCO2ePerUnit?: number | null;
                        kgcePerUnit?: number | null;
                        composition?: {
                            [key: string]: {
                                fraction: number;
                                sd?: number;
                            };
                        } | null;
                        description?: string | null;
                        sources?: {
                            [key: string]: string;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number | null;
                            code: string;
                            /** @description name in Chinese */
                            name: string;
                            /** @description name in English */
                            nameEn: string | null;
                            /** @enum {string} */
                            category: "raw_material" | "product" | "intermediate" | "by_product" | "waste" | "energy_carrier" | "utility";
                            hazardous: boolean;
                            /** @enum {string} */
                            unit: "g" | "kg" | "t" | "L" | "m3" | "Nm3" | "MJ" | "GJ" | "kWh" | "MWh" | "kgce" | "tce" | "kW" | "MW" | "kg/h" | "t/h" | "m3/h" | "Nm3/h" | "t/a" | "t/d" | "m3/d" | "°C" | "K" | "kPa" | "MPa" | "bar" | "mg/m3" | "ppm" | "%" | "mg/L" | "kgCO2e" | "tCO2e" | "mm" | "m" | "mS/cm" | "pH" | "g/10min" | "pcs";
                            /** @description National Hazardous Waste List code, e.g. HW06/900-402-06 */
                            hwCode: string | null;
                            /** @description general industrial solid waste category, e.g. SW10 */
                            swCode: string | null;
                            /** @description European Waste Catalogue code, * marks hazardous */
                            ewcCode: string | null;
                            /** @description Harmonized System code */
                            hsCode: string | null;
                            casNo: string | null;
                            densityKgM3: number | null;
                            lhvMJPerKg: number | null;
                            lhvMJPerUnit: number | null;
                            carbonContentKgCPerKg: number | null;
                            emissionFactorKgCO2ePerUnit: number | null;
                            kgcePerUnit: number | null;
                            composition: {
                                [key: string]: {
                                    fraction: number;
                                    sd?: number;
                                };
                            } | null;
                            description: string | null;
                            sources: {
                                [key: string]: string;
                            } | null;
                            catalogueVersion: number | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/park/directory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The park's directory: every enterprise's code, names and GLN (for naming counterparties) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                                gln: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/park": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The park */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            nameEn: string | null;
                            /** @description IANA time zone, e.g. Asia/Shanghai */
                            timezone: string;
                            address: string | null;
                            lat: number | null;
                            lng: number | null;
                            /** @description Handle-style identifier prefix, e.g. 88.118.2 */
                            identifierPrefix: string | null;
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the park (park administrators) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code?: string;
                        name?: string;
                        nameEn?: string | null;
                        /** @description IANA time zone, e.g. Asia/Shanghai */
                        timezone?: string;
                        address?: string | null;
                        lat?: number | null;
                        lng?: number | null;
                        /** @description Handle-style identifier prefix, e.g. 88.118.2 */
                        identifierPrefix?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            nameEn: string | null;
                            /** @description IANA time zone, e.g. Asia/Shanghai */
                            timezone: string;
                            address: string | null;
                            lat: number | null;
                            lng: number | null;
                            /** @description Handle-style identifier prefix, e.g. 88.118.2 */
                            identifierPrefix: string | null;
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/park/outbound-allowlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Internal webhook destinations the park allows (park roles) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description hosts (hooks.internal), host:port (127.0.0.1:8080, [::1]:8080), addresses, or CIDR ranges (10.20.0.0/16) */
                            entries: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        /** Replace the internal webhook destinations the park allows (park administrators) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description hosts (hooks.internal), host:port (127.0.0.1:8080, [::1]:8080), addresses, or CIDR ranges (10.20.0.0/16) */
                        entries: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description hosts (hooks.internal), host:port (127.0.0.1:8080, [::1]:8080), addresses, or CIDR ranges (10.20.0.0/16) */
                            entries: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/park/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts of what the caller may see */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                enterprises: number;
                                sites: number;
                                units: number;
                                devices: number;
                                tags: number;
                                materials: number;
                                users: number;
                            };
                            enterprisesByIndustry: {
                                industry: string;
                                count: number;
                            }[];
                            devicesByEnterprise: {
                                enterpriseId: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                                count: number;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units-of-measure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Units of measure and their conversion factors */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            dimension: string;
                            name: string;
                            nameEn: string;
                            factor: number;
                            offset?: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log the caller may see (park roles: all; enterprise administrators: their enterprise) */
        get: {
            parameters: {
                query?: {
                    entity?: string;
                    entityId?: string;
                    enterpriseId?: number;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description unique over the whole log; grows along each chain */
                                seq: number;
                                /** @description epoch milliseconds, UTC */
                                ts: number;
                                actorId: number | null;
                                actorName: string;
                                enterpriseId: number | null;
                                action: string;
                                entity: string;
                                entityId: string | null;
                                before: {
                                    [key: string]: unknown;
                                } | null;
                                after: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description SHA-256 (hex) of the record, its place in its chain and the previous hash */
                                hash: string;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the hash chains of the whole audit log, each enterprise's and the park's (park administrators) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description every chain is intact */
                            ok: boolean;
                            /** @description intact records over all chains */
                            checked: number;
                            /** @description the earliest written broken record of any chain */
                            firstBroken: null | {
                                /** @description the broken record (for a missing one: the record found in its place) */
                                seq: number;
                                reason: string;
                            };
                            chains: {
                                /**
                                 * @description an enterprise's records, the park's (no enterprise), or those written before the log was chained per tenant
                                 * @enum {string}
                                 */
                                chain: "enterprise" | "park" | "legacy";
                                enterpriseId: number | null;
                                /** @description intact records of this chain (before its first break) */
                                checked: number;
                                firstBroken: null | {
                                    /** @description the broken record (for a missing one: the record found in its place) */
                                    seq: number;
                                    reason: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telemetry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ingest readings: {"ts","values"} or an array of them; answered after they are committed */
        post: {
            parameters: {
                query?: {
                    /** @description the device's code (not with a device token) */
                    device?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description epoch milliseconds; the time of arrival when absent */
                        ts?: number;
                        /** @description tag key → value */
                        values: {
                            [key: string]: number;
                        };
                    } | {
                        /** @description epoch milliseconds; the time of arrival when absent */
                        ts?: number;
                        /** @description tag key → value */
                        values: {
                            [key: string]: number;
                        };
                    }[];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            device: string;
                            stored: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new secret for a device (MQTT password, HTTP bearer); returned once, the old one stops working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deviceId: number;
                            /** @description the device's code */
                            username: string;
                            /** @description the secret: MQTT password and HTTP bearer token; shown once */
                            token: string;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Online/offline and last seen */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deviceId: number;
                            online: boolean;
                            /** @description epoch milliseconds, UTC */
                            lastSeenAt: number | null;
                            /** @description how its last data came: mqtt, http, sparkplug, opcua, import */
                            via: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The device's log of refused messages, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description epoch milliseconds, UTC */
                                ts: number;
                                source: string;
                                reason: string;
                                detail: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/device-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Online/offline and last seen of every device the caller may see */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                deviceId: number;
                                online: boolean;
                                /** @description epoch milliseconds, UTC */
                                lastSeenAt: number | null;
                                /** @description how its last data came: mqtt, http, sparkplug, opcua, import */
                                via: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest reading of each of the device's tags */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                tagId: number;
                                key: string;
                                /** @description epoch milliseconds, UTC */
                                ts: number;
                                value: number;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags/{id}/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-sent events: {"ts","value"} for each reading as it is committed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags/{id}/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tag's latest reading */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tagId: number;
                            unit: string;
                            /** @description epoch milliseconds, UTC */
                            ts: number;
                            value: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags/{id}/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readings in buckets of `step` ms over [from, to), from raw points or 1m/1h/1d rollups; format=csv for a file */
        get: {
            parameters: {
                query: {
                    from: number;
                    to: number;
                    step?: number;
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tagId: number;
                            unit: string;
                            /** @description epoch milliseconds, UTC */
                            from: number;
                            /** @description epoch milliseconds, UTC */
                            to: number;
                            /** @description bucket width, ms */
                            step: number;
                            /**
                             * @description what the buckets were computed from
                             * @enum {string}
                             */
                            resolution: "raw" | "1m" | "1h" | "1d";
                            points: {
                                /** @description start of the bucket */
                                ts: number;
                                avg: number;
                                min: number;
                                max: number;
                                count: number;
                            }[];
                        };
                        "text/csv": string;
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/identifiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Identifiers the caller may see */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    kind?: "lot" | "product" | "package" | "waste_batch" | "device" | "other";
                    enterpriseId?: number;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                handle: string;
                                prefix: string;
                                suffix: string;
                                /** @enum {string} */
                                kind: "lot" | "product" | "package" | "waste_batch" | "device" | "other";
                                enterpriseId: number;
                                gtin: string | null;
                                lot: string | null;
                                serial: string | null;
                                materialId: number | null;
                                url: string;
                                /** @description the identifier's GS1 Digital Link on this node: only while it holds its GS1 key */
                                digitalLink: string | null;
                                /** @description the canonical GS1 key this identifier holds; null when another identifier holds it */
                                gs1Key: string | null;
                                values: {
                                    index: number;
                                    type: string;
                                    value: string;
                                    ttl: number;
                                    ts: number;
                                    publicRead: boolean;
                                }[];
                                createdAt: number;
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Mint an identifier (suffix generated as {enterprise}.{KIND}.{yyyymmdd}.{nnnn} unless given) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "lot" | "product" | "package" | "waste_batch" | "device" | "other";
                        enterpriseId?: number;
                        suffix?: string;
                        gtin?: string;
                        lot?: string;
                        serial?: string;
                        materialId?: number;
                        values?: {
                            index?: number;
                            type: string;
                            value: string;
                            ttl?: number;
                            publicRead?: boolean;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            handle: string;
                            prefix: string;
                            suffix: string;
                            /** @enum {string} */
                            kind: "lot" | "product" | "package" | "waste_batch" | "device" | "other";
                            enterpriseId: number;
                            gtin: string | null;
                            lot: string | null;
                            serial: string | null;
                            materialId: number | null;
                            url: string;
                            /** @description the identifier's GS1 Digital Link on this node: only while it holds its GS1 key */
                            digitalLink: string | null;
                            /** @description the canonical GS1 key this identifier holds; null when another identifier holds it */
                            gs1Key: string | null;
                            values: {
                                index: number;
                                type: string;
                                value: string;
                                ttl: number;
                                ts: number;
                                publicRead: boolean;
                            }[];
                            createdAt: number;
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/identifiers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An identifier with all its values */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            handle: string;
                            prefix: string;
                            suffix: string;
                            /** @enum {string} */
                            kind: "lot" | "product" | "package" | "waste_batch" | "device" | "other";
                            enterpriseId: number;
                            gtin: string | null;
                            lot: string | null;
                            serial: string | null;
                            materialId: number | null;
                            url: string;
                            /** @description the identifier's GS1 Digital Link on this node: only while it holds its GS1 key */
                            digitalLink: string | null;
                            /** @description the canonical GS1 key this identifier holds; null when another identifier holds it */
                            gs1Key: string | null;
                            values: {
                                index: number;
                                type: string;
                                value: string;
                                ttl: number;
                                ts: number;
                                publicRead: boolean;
                            }[];
                            createdAt: number;
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Add or replace values (index 100 and above) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        values: {
                            index?: number;
                            type: string;
                            value: string;
                            ttl?: number;
                            publicRead?: boolean;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            handle: string;
                            prefix: string;
                            suffix: string;
                            /** @enum {string} */
                            kind: "lot" | "product" | "package" | "waste_batch" | "device" | "other";
                            enterpriseId: number;
                            gtin: string | null;
                            lot: string | null;
                            serial: string | null;
                            materialId: number | null;
                            url: string;
                            /** @description the identifier's GS1 Digital Link on this node: only while it holds its GS1 key */
                            digitalLink: string | null;
                            /** @description the canonical GS1 key this identifier holds; null when another identifier holds it */
                            gs1Key: string | null;
                            values: {
                                index: number;
                                type: string;
                                value: string;
                                ttl: number;
                                ts: number;
                                publicRead: boolean;
                            }[];
                            createdAt: number;
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/identifiers/{id}/label.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A QR label (SVG) carrying the resolvable URL */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/identifiers/{id}/label.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A QR label (PNG) carrying the resolvable URL */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/handles/{prefix}/{*}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Resolve prefix/suffix (Handle REST JSON) */
        get: {
            parameters: {
                query?: {
                    type?: string[];
                    index?: number[];
                };
                header?: never;
                path: {
                    prefix: string;
                    "*": string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            responseCode: number;
                            handle: string;
                            message?: string;
                            values?: {
                                index: number;
                                type: string;
                                data: {
                                    /** @enum {string} */
                                    format: "string";
                                    value: string;
                                };
                                ttl: number;
                                timestamp: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            responseCode: number;
                            handle: string;
                            message?: string;
                            values?: {
                                index: number;
                                type: string;
                                data: {
                                    /** @enum {string} */
                                    format: "string";
                                    value: string;
                                };
                                ttl: number;
                                timestamp: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            responseCode: number;
                            handle: string;
                            message?: string;
                            values?: {
                                index: number;
                                type: string;
                                data: {
                                    /** @enum {string} */
                                    format: "string";
                                    value: string;
                                };
                                ttl: number;
                                timestamp: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            responseCode: number;
                            handle: string;
                            message?: string;
                            values?: {
                                index: number;
                                type: string;
                                data: {
                                    /** @enum {string} */
                                    format: "string";
                                    value: string;
                                };
                                ttl: number;
                                timestamp: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/id/{prefix}/{*}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An identifier's page (browsers) or its Handle record (JSON clients) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    prefix: string;
                    "*": string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/01/{gtin}/10/{lot}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GS1 Digital Link resolution (?linkType=all for the linkset) */
        get: {
            parameters: {
                query?: {
                    linkType?: string;
                };
                header?: never;
                path: {
                    gtin: string;
                    lot: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/01/{gtin}/21/{serial}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GS1 Digital Link resolution (?linkType=all for the linkset) */
        get: {
            parameters: {
                query?: {
                    linkType?: string;
                };
                header?: never;
                path: {
                    gtin: string;
                    serial: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/gs1resolver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GS1 resolver description */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            resolverRoot: string;
                            supportedPrimaryKeys: string[];
                            supportedLinkType: string[];
                            linkTypeDefaultCanBeLinkset: boolean;
                            supportedContextValuesEnumerated: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/epcis/capture/{captureID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A capture job: running, success, how many events were captured, the errors */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    captureID: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The capture job: whether it runs, whether it succeeded, what it stored and the errors (by event index) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            captureID: string;
                            running: boolean;
                            /** @description false while running, and when it failed or some events were refused */
                            success: boolean;
                            /** @enum {string} */
                            captureErrorBehaviour: "rollback" | "proceed";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            finishedAt: string | null;
                            /** @description events stored */
                            captured: number;
                            /** @description events already stored (same hash ID): not stored again */
                            duplicates: number;
                            errors: {
                                /** @description the event's position in the event list; null for the document */
                                eventIndex: number | null;
                                /** @description JSON pointer in the event (or the document) */
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/epcis/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Query events (SimpleEventQuery parameters; list values comma-separated or repeated) */
        get: {
            parameters: {
                query?: {
                    GE_eventTime?: string;
                    LT_eventTime?: string;
                    GE_recordTime?: string;
                    LT_recordTime?: string;
                    perPage?: number;
                    nextPageToken?: string;
                    eventType?: string[];
                    EQ_action?: string[];
                    EQ_bizStep?: string[];
                    EQ_disposition?: string[];
                    EQ_readPoint?: string[];
                    EQ_bizLocation?: string[];
                    EQ_transformationID?: string[];
                    MATCH_epc?: string[];
                    MATCH_anyEPC?: string[];
                    MATCH_parentID?: string[];
                    MATCH_inputEPC?: string[];
                    MATCH_outputEPC?: string[];
                    MATCH_epcClass?: string[];
                    MATCH_inputEPCClass?: string[];
                    MATCH_outputEPCClass?: string[];
                    MATCH_anyEPCClass?: string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An EPCISQueryDocument with a page of events; the next page is in the Link header (rel="next") */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/ld+json": {
                            "@context": (string | {
                                [key: string]: string;
                            })[];
                            /** @enum {string} */
                            type: "EPCISQueryDocument";
                            schemaVersion: string;
                            /** Format: date-time */
                            creationDate: string;
                            epcisBody: {
                                queryResults: {
                                    queryName: string;
                                    /** @description in a subscription delivery */
                                    subscriptionID?: string;
                                    resultsBody: {
                                        eventList: (components["schemas"]["epcis.event"] & {
                                            "symbiont:recordedBy": {
                                                enterprise: {
                                                    id: number;
                                                    code: string | null;
                                                    name: string | null;
                                                };
                                                /** @description the user or API key that captured it; null: recorded before provenance was kept */
                                                user: string | null;
                                                via: string | null;
                                            };
                                            /** @description true: another enterprise's record naming the caller as a party */
                                            "symbiont:namedParty"?: boolean;
                                        })[];
                                    };
                                };
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/epcis/events/{*}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One event by its eventID (URL-encoded) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the eventID or hash ID (ni:///…), URL-encoded */
                    "*": string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The event, with who recorded it (symbiont:recordedBy) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/ld+json": components["schemas"]["epcis.event"] & {
                            "symbiont:recordedBy": {
                                enterprise: {
                                    id: number;
                                    code: string | null;
                                    name: string | null;
                                };
                                /** @description the user or API key that captured it; null: recorded before provenance was kept */
                                user: string | null;
                                via: string | null;
                            };
                            /** @description true: another enterprise's record naming the caller as a party */
                            "symbiont:namedParty"?: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/queries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The named queries of the caller's enterprise (the park's own for park roles) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            /** @description SimpleEventQuery parameters, as for GET /epcis/events (lists as JSON arrays) */
                            query: {
                                /** Format: date-time */
                                GE_eventTime?: string;
                                /** Format: date-time */
                                LT_eventTime?: string;
                                /** Format: date-time */
                                GE_recordTime?: string;
                                /** Format: date-time */
                                LT_recordTime?: string;
                                eventType?: string[];
                                EQ_action?: string[];
                                EQ_bizStep?: string[];
                                EQ_disposition?: string[];
                                EQ_readPoint?: string[];
                                EQ_bizLocation?: string[];
                                EQ_transformationID?: string[];
                                MATCH_epc?: string[];
                                MATCH_anyEPC?: string[];
                                MATCH_parentID?: string[];
                                MATCH_inputEPC?: string[];
                                MATCH_outputEPC?: string[];
                                MATCH_epcClass?: string[];
                                MATCH_inputEPCClass?: string[];
                                MATCH_outputEPCClass?: string[];
                                MATCH_anyEPCClass?: string[];
                            };
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a named query; its results are at /queries/{name}/events */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description SimpleEventQuery parameters, as for GET /epcis/events (lists as JSON arrays) */
                        query: {
                            /** Format: date-time */
                            GE_eventTime?: string;
                            /** Format: date-time */
                            LT_eventTime?: string;
                            /** Format: date-time */
                            GE_recordTime?: string;
                            /** Format: date-time */
                            LT_recordTime?: string;
                            eventType?: string[];
                            EQ_action?: string[];
                            EQ_bizStep?: string[];
                            EQ_disposition?: string[];
                            EQ_readPoint?: string[];
                            EQ_bizLocation?: string[];
                            EQ_transformationID?: string[];
                            MATCH_epc?: string[];
                            MATCH_anyEPC?: string[];
                            MATCH_parentID?: string[];
                            MATCH_inputEPC?: string[];
                            MATCH_outputEPC?: string[];
                            MATCH_epcClass?: string[];
                            MATCH_inputEPCClass?: string[];
                            MATCH_outputEPCClass?: string[];
                            MATCH_anyEPCClass?: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            /** @description SimpleEventQuery parameters, as for GET /epcis/events (lists as JSON arrays) */
                            query: {
                                /** Format: date-time */
                                GE_eventTime?: string;
                                /** Format: date-time */
                                LT_eventTime?: string;
                                /** Format: date-time */
                                GE_recordTime?: string;
                                /** Format: date-time */
                                LT_recordTime?: string;
                                eventType?: string[];
                                EQ_action?: string[];
                                EQ_bizStep?: string[];
                                EQ_disposition?: string[];
                                EQ_readPoint?: string[];
                                EQ_bizLocation?: string[];
                                EQ_transformationID?: string[];
                                MATCH_epc?: string[];
                                MATCH_anyEPC?: string[];
                                MATCH_parentID?: string[];
                                MATCH_inputEPC?: string[];
                                MATCH_outputEPC?: string[];
                                MATCH_epcClass?: string[];
                                MATCH_inputEPCClass?: string[];
                                MATCH_outputEPCClass?: string[];
                                MATCH_anyEPCClass?: string[];
                            };
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/queries/{queryName}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A named query: its name and definition */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    queryName: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            /** @description SimpleEventQuery parameters, as for GET /epcis/events (lists as JSON arrays) */
                            query: {
                                /** Format: date-time */
                                GE_eventTime?: string;
                                /** Format: date-time */
                                LT_eventTime?: string;
                                /** Format: date-time */
                                GE_recordTime?: string;
                                /** Format: date-time */
                                LT_recordTime?: string;
                                eventType?: string[];
                                EQ_action?: string[];
                                EQ_bizStep?: string[];
                                EQ_disposition?: string[];
                                EQ_readPoint?: string[];
                                EQ_bizLocation?: string[];
                                EQ_transformationID?: string[];
                                MATCH_epc?: string[];
                                MATCH_anyEPC?: string[];
                                MATCH_parentID?: string[];
                                MATCH_inputEPC?: string[];
                                MATCH_outputEPC?: string[];
                                MATCH_epcClass?: string[];
                                MATCH_inputEPCClass?: string[];
                                MATCH_outputEPCClass?: string[];
                                MATCH_anyEPCClass?: string[];
                            };
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a named query and unsubscribe all its subscriptions */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    queryName: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/queries/{queryName}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Run a named query with the caller's visibility; an EPCISQueryDocument, paged like /epcis/events */
        get: {
            parameters: {
                query?: {
                    perPage?: number;
                    nextPageToken?: string;
                };
                header?: never;
                path: {
                    queryName: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/queries/{queryName}/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The subscriptions to a named query, with their delivery state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    queryName: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            subscriptionID: string;
                            queryName: string;
                            dest: string;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** @description present (true) for a stream subscription */
                            stream?: boolean;
                            schedule?: {
                                second?: string;
                                minute?: string;
                                hour?: string;
                                dayOfMonth?: string;
                                month?: string;
                                dayOfWeek?: string;
                            };
                            reportIfEmpty: boolean;
                            /** Format: date-time */
                            initialRecordTime?: string;
                            /** @description deliveries carry a GS1-Signature (the token itself is never shown) */
                            signed: boolean;
                            /** Format: date-time */
                            nextRunAt: string | null;
                            /** Format: date-time */
                            nextAttemptAt: string | null;
                            /** Format: date-time */
                            lastAttemptAt: string | null;
                            /** Format: date-time */
                            lastSuccessAt: string | null;
                            lastError: string | null;
                            /** Format: date-time */
                            lastErrorAt: string | null;
                            /** @description failed attempts since the last success (sets the backoff) */
                            failures: number;
                            /** @description events delivered so far */
                            delivered: number;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Subscribe a webhook to a named query: stream: true (events as they are captured) or a schedule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    queryName: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description http or https URL the EPCISQueryDocuments are POSTed to */
                        dest: string;
                        /** @description deliveries carry GS1-Signature: base64 HMAC-SHA256 of the body keyed by this token */
                        signatureToken?: string;
                        /** @default false */
                        reportIfEmpty?: boolean;
                        stream?: boolean;
                        /** @description Cron-like, UTC; each field a comma-separated list of N, N-M or [N-M], *, X/step. Omitted fields match any value. */
                        schedule?: {
                            second?: string | number;
                            minute?: string | number;
                            hour?: string | number;
                            dayOfMonth?: string | number;
                            month?: string | number;
                            dayOfWeek?: string | number;
                        };
                        /** Format: date-time */
                        initialRecordTime?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            subscriptionID: string;
                            queryName: string;
                            dest: string;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** @description present (true) for a stream subscription */
                            stream?: boolean;
                            schedule?: {
                                second?: string;
                                minute?: string;
                                hour?: string;
                                dayOfMonth?: string;
                                month?: string;
                                dayOfWeek?: string;
                            };
                            reportIfEmpty: boolean;
                            /** Format: date-time */
                            initialRecordTime?: string;
                            /** @description deliveries carry a GS1-Signature (the token itself is never shown) */
                            signed: boolean;
                            /** Format: date-time */
                            nextRunAt: string | null;
                            /** Format: date-time */
                            nextAttemptAt: string | null;
                            /** Format: date-time */
                            lastAttemptAt: string | null;
                            /** Format: date-time */
                            lastSuccessAt: string | null;
                            lastError: string | null;
                            /** Format: date-time */
                            lastErrorAt: string | null;
                            /** @description failed attempts since the last success (sets the backoff) */
                            failures: number;
                            /** @description events delivered so far */
                            delivered: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/queries/{queryName}/subscriptions/{subscriptionID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One subscription: its definition and delivery state (last attempt, last error, failures, next run) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    queryName: string;
                    subscriptionID: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            subscriptionID: string;
                            queryName: string;
                            dest: string;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** @description present (true) for a stream subscription */
                            stream?: boolean;
                            schedule?: {
                                second?: string;
                                minute?: string;
                                hour?: string;
                                dayOfMonth?: string;
                                month?: string;
                                dayOfWeek?: string;
                            };
                            reportIfEmpty: boolean;
                            /** Format: date-time */
                            initialRecordTime?: string;
                            /** @description deliveries carry a GS1-Signature (the token itself is never shown) */
                            signed: boolean;
                            /** Format: date-time */
                            nextRunAt: string | null;
                            /** Format: date-time */
                            nextAttemptAt: string | null;
                            /** Format: date-time */
                            lastAttemptAt: string | null;
                            /** Format: date-time */
                            lastSuccessAt: string | null;
                            lastError: string | null;
                            /** Format: date-time */
                            lastErrorAt: string | null;
                            /** @description failed attempts since the last success (sets the backoff) */
                            failures: number;
                            /** @description events delivered so far */
                            delivered: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Unsubscribe */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    queryName: string;
                    subscriptionID: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace-shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List trace shares */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    enterpriseId?: number;
                    /** @description the enterprise shared with; null: the park (operator and regulators) */
                    granteeId?: number;
                    /** @description all: every event; shipments: only events that hand material between parties */
                    scope?: "all" | "shipments";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                enterpriseId: number;
                                /** @description the enterprise shared with; null: the park (operator and regulators) */
                                granteeId: number | null;
                                /**
                                 * @description all: every event; shipments: only events that hand material between parties
                                 * @enum {string}
                                 */
                                scope: "all" | "shipments";
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a trace share */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enterpriseId?: number;
                        /** @description the enterprise shared with; null: the park (operator and regulators) */
                        granteeId?: number | null;
                        /**
                         * @description all: every event; shipments: only events that hand material between parties
                         * @enum {string}
                         */
                        scope: "all" | "shipments";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /** @description the enterprise shared with; null: the park (operator and regulators) */
                            granteeId: number | null;
                            /**
                             * @description all: every event; shipments: only events that hand material between parties
                             * @enum {string}
                             */
                            scope: "all" | "shipments";
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace-shares/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a trace share */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /** @description the enterprise shared with; null: the park (operator and regulators) */
                            granteeId: number | null;
                            /**
                             * @description all: every event; shipments: only events that hand material between parties
                             * @enum {string}
                             */
                            scope: "all" | "shipments";
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a trace share */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a trace share */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description all: every event; shipments: only events that hand material between parties
                         * @enum {string}
                         */
                        scope?: "all" | "shipments";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /** @description the enterprise shared with; null: the park (operator and regulators) */
                            granteeId: number | null;
                            /**
                             * @description all: every event; shipments: only events that hand material between parties
                             * @enum {string}
                             */
                            scope: "all" | "shipments";
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/trace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The genealogy of any identifier (EPC URI, EPC class or GS1 Digital Link URI), minted here or not */
        get: {
            parameters: {
                query: {
                    id: string;
                    direction?: "backward" | "forward" | "both";
                    depth?: number;
                    /** @description also follow links whose recorder never held the lot, marked confirmed: false with the reason */
                    unconfirmed?: boolean;
                    /** @description include=unconfirmed: the same as unconfirmed=true */
                    include?: "unconfirmed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the handle asked for (only when asked by handle) */
                            handle?: string;
                            /** @enum {string} */
                            direction: "backward" | "forward" | "both";
                            depth: number;
                            root: string;
                            nodes: {
                                /** @description EPC, EPC class or GS1 Digital Link URI */
                                ref: string;
                                /** @description attributed quantity; null: counted items, or unknown */
                                quantity: number | null;
                                uom: string | null;
                                depth: number;
                                /** @description enterprises that held it and handled it in the events of the trace */
                                enterpriseIds: number[];
                                /** @description reached from the root through confirmed links only */
                                confirmed: boolean;
                                /** @description asked for unconfirmed links: enterprises named with it that never held it */
                                unconfirmedEnterpriseIds?: number[];
                            }[];
                            edges: {
                                from: string;
                                to: string;
                                eventID: string;
                                /** @description the EPCIS event type */
                                type: string;
                                /** @description attributed quantity; null: counted items, or unknown */
                                quantity: number | null;
                                uom: string | null;
                                recordedBy: {
                                    enterpriseId: number;
                                    /** @description null: recorded before provenance was kept */
                                    user: string | null;
                                };
                                /** @description the recorder held both lots */
                                confirmed: boolean;
                                /** @description unconfirmed: the lots its recorder never held */
                                notHeld?: string[];
                                /** @description unconfirmed: why, in words */
                                reason?: string;
                            }[];
                            /** @description the walk stopped at its depth or size limit */
                            truncated: boolean;
                            /** @description the enterprises the nodes and edges name */
                            enterprises: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            }[];
                            /** @description unconfirmed links were asked for too */
                            unconfirmed: boolean;
                            /** @description nodes that are identifiers minted on this node: ref → "prefix/suffix" */
                            handles: {
                                [key: string]: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trace/{prefix}/{*}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An identifier's genealogy: nodes (identifiers with attributed quantities and the enterprises that handled them) and edges (events) */
        get: {
            parameters: {
                query?: {
                    direction?: "backward" | "forward" | "both";
                    depth?: number;
                    /** @description also follow links whose recorder never held the lot, marked confirmed: false with the reason */
                    unconfirmed?: boolean;
                    /** @description include=unconfirmed: the same as unconfirmed=true */
                    include?: "unconfirmed";
                };
                header?: never;
                path: {
                    prefix: string;
                    "*": string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the handle asked for (only when asked by handle) */
                            handle?: string;
                            /** @enum {string} */
                            direction: "backward" | "forward" | "both";
                            depth: number;
                            root: string;
                            nodes: {
                                /** @description EPC, EPC class or GS1 Digital Link URI */
                                ref: string;
                                /** @description attributed quantity; null: counted items, or unknown */
                                quantity: number | null;
                                uom: string | null;
                                depth: number;
                                /** @description enterprises that held it and handled it in the events of the trace */
                                enterpriseIds: number[];
                                /** @description reached from the root through confirmed links only */
                                confirmed: boolean;
                                /** @description asked for unconfirmed links: enterprises named with it that never held it */
                                unconfirmedEnterpriseIds?: number[];
                            }[];
                            edges: {
                                from: string;
                                to: string;
                                eventID: string;
                                /** @description the EPCIS event type */
                                type: string;
                                /** @description attributed quantity; null: counted items, or unknown */
                                quantity: number | null;
                                uom: string | null;
                                recordedBy: {
                                    enterpriseId: number;
                                    /** @description null: recorded before provenance was kept */
                                    user: string | null;
                                };
                                /** @description the recorder held both lots */
                                confirmed: boolean;
                                /** @description unconfirmed: the lots its recorder never held */
                                notHeld?: string[];
                                /** @description unconfirmed: why, in words */
                                reason?: string;
                            }[];
                            /** @description the walk stopped at its depth or size limit */
                            truncated: boolean;
                            /** @description the enterprises the nodes and edges name */
                            enterprises: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            }[];
                            /** @description unconfirmed links were asked for too */
                            unconfirmed: boolean;
                            /** @description nodes that are identifiers minted on this node: ref → "prefix/suffix" */
                            handles: {
                                [key: string]: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recall impact of any identifier: every downstream lot, its attributed quantity and holders (JSON or CSV) */
        get: {
            parameters: {
                query: {
                    id: string;
                    depth?: number;
                    format?: "json" | "csv";
                    /** @description also follow links whose recorder never held the lot, marked confirmed: false with the reason */
                    unconfirmed?: boolean;
                    /** @description include=unconfirmed: the same as unconfirmed=true */
                    include?: "unconfirmed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The recall report (JSON), or its lots as CSV with format=csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            root: string;
                            rootHandle: string | null;
                            /** Format: date-time */
                            generatedAt: string;
                            depth: number;
                            lots: {
                                ref: string;
                                handle: string | null;
                                depth: number;
                                /** @description attributed quantity; null: counted items, or unknown */
                                quantity: number | null;
                                uom: string | null;
                                holders: {
                                    id: number;
                                    code: string;
                                    name: string;
                                    nameEn: string | null;
                                }[];
                                /** @description nothing visible was made from it: the material is still there */
                                endpoint: boolean;
                                /** @description at the report's depth: not followed further */
                                cutOff: boolean;
                                confirmed: boolean;
                                /** @description who recorded the events that lead to this lot */
                                recordedBy: {
                                    enterpriseId: number;
                                    code: string | null;
                                    name: string | null;
                                    user: string | null;
                                }[];
                                /** @description unconfirmed: why its links are not confirmed */
                                reasons?: string[];
                                /** @description enterprises named with it that never held it (not holders) */
                                unconfirmedHolders?: {
                                    id: number;
                                    code: string;
                                    name: string;
                                    nameEn: string | null;
                                }[];
                            }[];
                            holders: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                                lots: number;
                                endpoints: number;
                                /** @description attributed quantity per unit of measure, over its lots that are endpoints */
                                quantities: {
                                    [key: string]: number;
                                };
                            }[];
                            truncated: boolean;
                            /** @description the report follows unconfirmed links too */
                            unconfirmed: boolean;
                        };
                        "text/csv": string;
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recall/{prefix}/{*}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recall impact of an identifier minted here (JSON or CSV) */
        get: {
            parameters: {
                query?: {
                    depth?: number;
                    format?: "json" | "csv";
                    /** @description also follow links whose recorder never held the lot, marked confirmed: false with the reason */
                    unconfirmed?: boolean;
                    /** @description include=unconfirmed: the same as unconfirmed=true */
                    include?: "unconfirmed";
                };
                header?: never;
                path: {
                    prefix: string;
                    "*": string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The recall report (JSON), or its lots as CSV with format=csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            root: string;
                            rootHandle: string | null;
                            /** Format: date-time */
                            generatedAt: string;
                            depth: number;
                            lots: {
                                ref: string;
                                handle: string | null;
                                depth: number;
                                /** @description attributed quantity; null: counted items, or unknown */
                                quantity: number | null;
                                uom: string | null;
                                holders: {
                                    id: number;
                                    code: string;
                                    name: string;
                                    nameEn: string | null;
                                }[];
                                /** @description nothing visible was made from it: the material is still there */
                                endpoint: boolean;
                                /** @description at the report's depth: not followed further */
                                cutOff: boolean;
                                confirmed: boolean;
                                /** @description who recorded the events that lead to this lot */
                                recordedBy: {
                                    enterpriseId: number;
                                    code: string | null;
                                    name: string | null;
                                    user: string | null;
                                }[];
                                /** @description unconfirmed: why its links are not confirmed */
                                reasons?: string[];
                                /** @description enterprises named with it that never held it (not holders) */
                                unconfirmedHolders?: {
                                    id: number;
                                    code: string;
                                    name: string;
                                    nameEn: string | null;
                                }[];
                            }[];
                            holders: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                                lots: number;
                                endpoints: number;
                                /** @description attributed quantity per unit of measure, over its lots that are endpoints */
                                quantities: {
                                    [key: string]: number;
                                };
                            }[];
                            truncated: boolean;
                            /** @description the report follows unconfirmed links too */
                            unconfirmed: boolean;
                        };
                        "text/csv": string;
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incident-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The checklist template of each incident kind, in Chinese and English */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            kind: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                            name: string;
                            nameEn: string;
                            items: {
                                key: string;
                                text: string;
                                textEn: string;
                                required: boolean;
                            }[];
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Park incidents: every one for park roles, those naming the caller’s enterprise otherwise; newest first */
        get: {
            parameters: {
                query: {
                    state?: "open" | "contained" | "closed";
                    kind?: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                    enterpriseId?: number;
                    limit: number;
                    offset: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @enum {string} */
                                kind: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                                /** @description emergency response level: 1 = I 特别重大, 2 = II 重大, 3 = III 较大, 4 = IV 一般 */
                                severity: number;
                                title: string;
                                /** @enum {string} */
                                state: "open" | "contained" | "closed";
                                /** @description epoch milliseconds, UTC */
                                openedAt: number;
                                openedBy: string;
                                containedAt: number | null;
                                closedAt: number | null;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                                version: number;
                                enterprises: {
                                    id: number;
                                    code: string;
                                    name: string;
                                    nameEn: string | null;
                                }[];
                                /** @description linked alarms the caller may see */
                                alarmCount: number;
                                /** @description items done or not applicable */
                                checklistDone: number;
                                checklistTotal: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Raise an incident, from alarms or from nothing (a report by phone); its checklist comes from the template of its kind */
        post: {
            parameters: {
                query?: {
                    /** @description the language of the generated report draft (and of the Markdown headings) */
                    lang?: "zh-CN" | "en";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                        /** @description emergency response level: 1 = I 特别重大, 2 = II 重大, 3 = III 较大, 4 = IV 一般 */
                        severity: number;
                        title: string;
                        description?: string;
                        /** @description the affected enterprises (the enterprises of the units and alarms named are added) */
                        enterpriseIds?: number[];
                        /** @description the affected process units */
                        unitIds?: number[];
                        /** @description the alarms the incident is raised from */
                        alarmIds?: number[];
                        lat?: number | null;
                        lng?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            kind: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                            /** @description emergency response level: 1 = I 特别重大, 2 = II 重大, 3 = III 较大, 4 = IV 一般 */
                            severity: number;
                            title: string;
                            /** @enum {string} */
                            state: "open" | "contained" | "closed";
                            /** @description epoch milliseconds, UTC */
                            openedAt: number;
                            openedBy: string;
                            containedAt: number | null;
                            closedAt: number | null;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                            version: number;
                            enterprises: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            }[];
                            /** @description linked alarms the caller may see */
                            alarmCount: number;
                            /** @description items done or not applicable */
                            checklistDone: number;
                            checklistTotal: number;
                            description: string;
                            lat: number | null;
                            lng: number | null;
                            /** @enum {string} */
                            template: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                            units: {
                                id: number;
                                enterpriseId: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            }[];
                            alarms: {
                                alarmId: number;
                                enterpriseId: number;
                                category: string;
                                severity: string;
                                /** @description the alarm state when it was linked */
                                state: string;
                                level: string | null;
                                message: string;
                                tagId: number | null;
                                unitId: number | null;
                                /** @description epoch milliseconds, UTC */
                                raisedAt: number | null;
                                /** @description epoch milliseconds, UTC */
                                linkedAt: number;
                                linkedBy: string;
                            }[];
                            timeline: {
                                id: number;
                                /** @description epoch milliseconds, UTC */
                                at: number;
                                actor: string;
                                actorEnterpriseId: number | null;
                                /** @enum {string} */
                                kind: "raised" | "message" | "action" | "state" | "checklist" | "alarms" | "details" | "report";
                                text: string;
                                corrects: number | null;
                                data: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                            checklist: {
                                id: number;
                                position: number;
                                templateKey: string | null;
                                text: string;
                                textEn: string | null;
                                required: boolean;
                                /** @enum {string} */
                                status: "open" | "done" | "not_applicable";
                                note: string | null;
                                statusBy: string | null;
                                statusAt: number | null;
                                addedBy: string;
                                /** @description epoch milliseconds, UTC */
                                addedAt: number;
                            }[];
                            report: {
                                summary: string;
                                cause: string;
                                actions: string;
                                followUps: string;
                                /**
                                 * @description draft: generated from the timeline and checklist, not yet edited; frozen: the incident is closed
                                 * @enum {string}
                                 */
                                status: "draft" | "edited" | "frozen";
                                frozenAt: number | null;
                                frozenBy: string | null;
                            };
                            /** @description the states it may go to now (whether the caller may move it is in abilities) */
                            nextStates: ("open" | "contained" | "closed")[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An incident with its affected parties, linked alarms (of the caller’s visibility), timeline, checklist and report */
        get: {
            parameters: {
                query?: {
                    /** @description the language of the generated report draft (and of the Markdown headings) */
                    lang?: "zh-CN" | "en";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            kind: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                            /** @description emergency response level: 1 = I 特别重大, 2 = II 重大, 3 = III 较大, 4 = IV 一般 */
                            severity: number;
                            title: string;
                            /** @enum {string} */
                            state: "open" | "contained" | "closed";
                            /** @description epoch milliseconds, UTC */
                            openedAt: number;
                            openedBy: string;
                            containedAt: number | null;
                            closedAt: number | null;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                            version: number;
                            enterprises: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            }[];
                            /** @description linked alarms the caller may see */
                            alarmCount: number;
                            /** @description items done or not applicable */
                            checklistDone: number;
                            checklistTotal: number;
                            description: string;
                            lat: number | null;
                            lng: number | null;
                            /** @enum {string} */
                            template: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                            units: {
                                id: number;
                                enterpriseId: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            }[];
                            alarms: {
                                alarmId: number;
                                enterpriseId: number;
                                category: string;
                                severity: string;
                                /** @description the alarm state when it was linked */
                                state: string;
                                level: string | null;
                                message: string;
                                tagId: number | null;
                                unitId: number | null;
                                /** @description epoch milliseconds, UTC */
                                raisedAt: number | null;
                                /** @description epoch milliseconds, UTC */
                                linkedAt: number;
                                linkedBy: string;
                            }[];
                            timeline: {
                                id: number;
                                /** @description epoch milliseconds, UTC */
                                at: number;
                                actor: string;
                                actorEnterpriseId: number | null;
                                /** @enum {string} */
                                kind: "raised" | "message" | "action" | "state" | "checklist" | "alarms" | "details" | "report";
                                text: string;
                                corrects: number | null;
                                data: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                            checklist: {
                                id: number;
                                position: number;
                                templateKey: string | null;
                                text: string;
                                textEn: string | null;
                                required: boolean;
                                /** @enum {string} */
                                status: "open" | "done" | "not_applicable";
                                note: string | null;
                                statusBy: string | null;
                                statusAt: number | null;
                                addedBy: string;
                                /** @description epoch milliseconds, UTC */
                                addedAt: number;
                            }[];
                            report: {
                                summary: string;
                                cause: string;
                                actions: string;
                                followUps: string;
                                /**
                                 * @description draft: generated from the timeline and checklist, not yet edited; frozen: the incident is closed
                                 * @enum {string}
                                 */
                                status: "draft" | "edited" | "frozen";
                                frozenAt: number | null;
                                frozenBy: string | null;
                            };
                            /** @description the states it may go to now (whether the caller may move it is in abilities) */
                            nextStates: ("open" | "contained" | "closed")[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit an incident’s details, affected enterprises and units, or its report (not once closed) */
        patch: {
            parameters: {
                query?: {
                    /** @description the language of the generated report draft (and of the Markdown headings) */
                    lang?: "zh-CN" | "en";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        description?: string;
                        /** @description emergency response level: 1 = I 特别重大, 2 = II 重大, 3 = III 较大, 4 = IV 一般 */
                        severity?: number;
                        /** @description the affected enterprises, replacing the list; those of linked units and alarms stay */
                        enterpriseIds?: number[];
                        /** @description the affected units, replacing the list */
                        unitIds?: number[];
                        lat?: number | null;
                        lng?: number | null;
                        report?: {
                            summary?: string;
                            cause?: string;
                            actions?: string;
                            followUps?: string;
                        };
                        /** @description the version the edit was made on: a newer stored one answers 409 */
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            kind: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                            /** @description emergency response level: 1 = I 特别重大, 2 = II 重大, 3 = III 较大, 4 = IV 一般 */
                            severity: number;
                            title: string;
                            /** @enum {string} */
                            state: "open" | "contained" | "closed";
                            /** @description epoch milliseconds, UTC */
                            openedAt: number;
                            openedBy: string;
                            containedAt: number | null;
                            closedAt: number | null;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                            version: number;
                            enterprises: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            }[];
                            /** @description linked alarms the caller may see */
                            alarmCount: number;
                            /** @description items done or not applicable */
                            checklistDone: number;
                            checklistTotal: number;
                            description: string;
                            lat: number | null;
                            lng: number | null;
                            /** @enum {string} */
                            template: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                            units: {
                                id: number;
                                enterpriseId: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            }[];
                            alarms: {
                                alarmId: number;
                                enterpriseId: number;
                                category: string;
                                severity: string;
                                /** @description the alarm state when it was linked */
                                state: string;
                                level: string | null;
                                message: string;
                                tagId: number | null;
                                unitId: number | null;
                                /** @description epoch milliseconds, UTC */
                                raisedAt: number | null;
                                /** @description epoch milliseconds, UTC */
                                linkedAt: number;
                                linkedBy: string;
                            }[];
                            timeline: {
                                id: number;
                                /** @description epoch milliseconds, UTC */
                                at: number;
                                actor: string;
                                actorEnterpriseId: number | null;
                                /** @enum {string} */
                                kind: "raised" | "message" | "action" | "state" | "checklist" | "alarms" | "details" | "report";
                                text: string;
                                corrects: number | null;
                                data: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                            checklist: {
                                id: number;
                                position: number;
                                templateKey: string | null;
                                text: string;
                                textEn: string | null;
                                required: boolean;
                                /** @enum {string} */
                                status: "open" | "done" | "not_applicable";
                                note: string | null;
                                statusBy: string | null;
                                statusAt: number | null;
                                addedBy: string;
                                /** @description epoch milliseconds, UTC */
                                addedAt: number;
                            }[];
                            report: {
                                summary: string;
                                cause: string;
                                actions: string;
                                followUps: string;
                                /**
                                 * @description draft: generated from the timeline and checklist, not yet edited; frozen: the incident is closed
                                 * @enum {string}
                                 */
                                status: "draft" | "edited" | "frozen";
                                frozenAt: number | null;
                                frozenBy: string | null;
                            };
                            /** @description the states it may go to now (whether the caller may move it is in abilities) */
                            nextStates: ("open" | "contained" | "closed")[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/incidents/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a message or an action to the timeline (affected enterprises may too); a correction names the entry it corrects */
        post: {
            parameters: {
                query?: {
                    /** @description the language of the generated report draft (and of the Markdown headings) */
                    lang?: "zh-CN" | "en";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description message: information; action: something done
                         * @enum {string}
                         */
                        kind: "message" | "action";
                        text: string;
                        /** @description the earlier entry this one corrects (entries are never changed) */
                        corrects?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            kind: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                            /** @description emergency response level: 1 = I 特别重大, 2 = II 重大, 3 = III 较大, 4 = IV 一般 */
                            severity: number;
                            title: string;
                            /** @enum {string} */
                            state: "open" | "contained" | "closed";
                            /** @description epoch milliseconds, UTC */
                            openedAt: number;
                            openedBy: string;
                            containedAt: number | null;
                            closedAt: number | null;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                            version: number;
                            enterprises: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            }[];
                            /** @description linked alarms the caller may see */
                            alarmCount: number;
                            /** @description items done or not applicable */
                            checklistDone: number;
                            checklistTotal: number;
                            description: string;
                            lat: number | null;
                            lng: number | null;
                            /** @enum {string} */
                            template: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                            units: {
                                id: number;
                                enterpriseId: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            }[];
                            alarms: {
                                alarmId: number;
                                enterpriseId: number;
                                category: string;
                                severity: string;
                                /** @description the alarm state when it was linked */
                                state: string;
                                level: string | null;
                                message: string;
                                tagId: number | null;
                                unitId: number | null;
                                /** @description epoch milliseconds, UTC */
                                raisedAt: number | null;
                                /** @description epoch milliseconds, UTC */
                                linkedAt: number;
                                linkedBy: string;
                            }[];
                            timeline: {
                                id: number;
                                /** @description epoch milliseconds, UTC */
                                at: number;
                                actor: string;
                                actorEnterpriseId: number | null;
                                /** @enum {string} */
                                kind: "raised" | "message" | "action" | "state" | "checklist" | "alarms" | "details" | "report";
                                text: string;
                                corrects: number | null;
                                data: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                            checklist: {
                                id: number;
                                position: number;
                                templateKey: string | null;
                                text: string;
                                textEn: string | null;
                                required: boolean;
                                /** @enum {string} */
                                status: "open" | "done" | "not_applicable";
                                note: string | null;
                                statusBy: string | null;
                                statusAt: number | null;
                                addedBy: string;
                                /** @description epoch milliseconds, UTC */
                                addedAt: number;
                            }[];
                            report: {
                                summary: string;
                                cause: string;
                                actions: string;
                                followUps: string;
                                /**
                                 * @description draft: generated from the timeline and checklist, not yet edited; frozen: the incident is closed
                                 * @enum {string}
                                 */
                                status: "draft" | "edited" | "frozen";
                                frozenAt: number | null;
                                frozenBy: string | null;
                            };
                            /** @description the states it may go to now (whether the caller may move it is in abilities) */
                            nextStates: ("open" | "contained" | "closed")[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/alarms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link more alarms; their enterprises become affected */
        post: {
            parameters: {
                query?: {
                    /** @description the language of the generated report draft (and of the Markdown headings) */
                    lang?: "zh-CN" | "en";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        alarmIds: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            kind: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                            /** @description emergency response level: 1 = I 特别重大, 2 = II 重大, 3 = III 较大, 4 = IV 一般 */
                            severity: number;
                            title: string;
                            /** @enum {string} */
                            state: "open" | "contained" | "closed";
                            /** @description epoch milliseconds, UTC */
                            openedAt: number;
                            openedBy: string;
                            containedAt: number | null;
                            closedAt: number | null;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                            version: number;
                            enterprises: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            }[];
                            /** @description linked alarms the caller may see */
                            alarmCount: number;
                            /** @description items done or not applicable */
                            checklistDone: number;
                            checklistTotal: number;
                            description: string;
                            lat: number | null;
                            lng: number | null;
                            /** @enum {string} */
                            template: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                            units: {
                                id: number;
                                enterpriseId: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            }[];
                            alarms: {
                                alarmId: number;
                                enterpriseId: number;
                                category: string;
                                severity: string;
                                /** @description the alarm state when it was linked */
                                state: string;
                                level: string | null;
                                message: string;
                                tagId: number | null;
                                unitId: number | null;
                                /** @description epoch milliseconds, UTC */
                                raisedAt: number | null;
                                /** @description epoch milliseconds, UTC */
                                linkedAt: number;
                                linkedBy: string;
                            }[];
                            timeline: {
                                id: number;
                                /** @description epoch milliseconds, UTC */
                                at: number;
                                actor: string;
                                actorEnterpriseId: number | null;
                                /** @enum {string} */
                                kind: "raised" | "message" | "action" | "state" | "checklist" | "alarms" | "details" | "report";
                                text: string;
                                corrects: number | null;
                                data: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                            checklist: {
                                id: number;
                                position: number;
                                templateKey: string | null;
                                text: string;
                                textEn: string | null;
                                required: boolean;
                                /** @enum {string} */
                                status: "open" | "done" | "not_applicable";
                                note: string | null;
                                statusBy: string | null;
                                statusAt: number | null;
                                addedBy: string;
                                /** @description epoch milliseconds, UTC */
                                addedAt: number;
                            }[];
                            report: {
                                summary: string;
                                cause: string;
                                actions: string;
                                followUps: string;
                                /**
                                 * @description draft: generated from the timeline and checklist, not yet edited; frozen: the incident is closed
                                 * @enum {string}
                                 */
                                status: "draft" | "edited" | "frozen";
                                frozenAt: number | null;
                                frozenBy: string | null;
                            };
                            /** @description the states it may go to now (whether the caller may move it is in abilities) */
                            nextStates: ("open" | "contained" | "closed")[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/checklist/{itemId}": {
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
        /** Check, uncheck or mark a checklist item not applicable (with a note saying why) */
        patch: {
            parameters: {
                query?: {
                    /** @description the language of the generated report draft (and of the Markdown headings) */
                    lang?: "zh-CN" | "en";
                };
                header?: never;
                path: {
                    id: number;
                    itemId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "open" | "done" | "not_applicable";
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            kind: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                            /** @description emergency response level: 1 = I 特别重大, 2 = II 重大, 3 = III 较大, 4 = IV 一般 */
                            severity: number;
                            title: string;
                            /** @enum {string} */
                            state: "open" | "contained" | "closed";
                            /** @description epoch milliseconds, UTC */
                            openedAt: number;
                            openedBy: string;
                            containedAt: number | null;
                            closedAt: number | null;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                            version: number;
                            enterprises: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            }[];
                            /** @description linked alarms the caller may see */
                            alarmCount: number;
                            /** @description items done or not applicable */
                            checklistDone: number;
                            checklistTotal: number;
                            description: string;
                            lat: number | null;
                            lng: number | null;
                            /** @enum {string} */
                            template: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                            units: {
                                id: number;
                                enterpriseId: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            }[];
                            alarms: {
                                alarmId: number;
                                enterpriseId: number;
                                category: string;
                                severity: string;
                                /** @description the alarm state when it was linked */
                                state: string;
                                level: string | null;
                                message: string;
                                tagId: number | null;
                                unitId: number | null;
                                /** @description epoch milliseconds, UTC */
                                raisedAt: number | null;
                                /** @description epoch milliseconds, UTC */
                                linkedAt: number;
                                linkedBy: string;
                            }[];
                            timeline: {
                                id: number;
                                /** @description epoch milliseconds, UTC */
                                at: number;
                                actor: string;
                                actorEnterpriseId: number | null;
                                /** @enum {string} */
                                kind: "raised" | "message" | "action" | "state" | "checklist" | "alarms" | "details" | "report";
                                text: string;
                                corrects: number | null;
                                data: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                            checklist: {
                                id: number;
                                position: number;
                                templateKey: string | null;
                                text: string;
                                textEn: string | null;
                                required: boolean;
                                /** @enum {string} */
                                status: "open" | "done" | "not_applicable";
                                note: string | null;
                                statusBy: string | null;
                                statusAt: number | null;
                                addedBy: string;
                                /** @description epoch milliseconds, UTC */
                                addedAt: number;
                            }[];
                            report: {
                                summary: string;
                                cause: string;
                                actions: string;
                                followUps: string;
                                /**
                                 * @description draft: generated from the timeline and checklist, not yet edited; frozen: the incident is closed
                                 * @enum {string}
                                 */
                                status: "draft" | "edited" | "frozen";
                                frozenAt: number | null;
                                frozenBy: string | null;
                            };
                            /** @description the states it may go to now (whether the caller may move it is in abilities) */
                            nextStates: ("open" | "contained" | "closed")[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/incidents/{id}/checklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an item to the checklist */
        post: {
            parameters: {
                query?: {
                    /** @description the language of the generated report draft (and of the Markdown headings) */
                    lang?: "zh-CN" | "en";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                        textEn?: string | null;
                        /**
                         * @description a required item must be done or marked not applicable before closing
                         * @default false
                         */
                        required?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            kind: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                            /** @description emergency response level: 1 = I 特别重大, 2 = II 重大, 3 = III 较大, 4 = IV 一般 */
                            severity: number;
                            title: string;
                            /** @enum {string} */
                            state: "open" | "contained" | "closed";
                            /** @description epoch milliseconds, UTC */
                            openedAt: number;
                            openedBy: string;
                            containedAt: number | null;
                            closedAt: number | null;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                            version: number;
                            enterprises: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            }[];
                            /** @description linked alarms the caller may see */
                            alarmCount: number;
                            /** @description items done or not applicable */
                            checklistDone: number;
                            checklistTotal: number;
                            description: string;
                            lat: number | null;
                            lng: number | null;
                            /** @enum {string} */
                            template: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                            units: {
                                id: number;
                                enterpriseId: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            }[];
                            alarms: {
                                alarmId: number;
                                enterpriseId: number;
                                category: string;
                                severity: string;
                                /** @description the alarm state when it was linked */
                                state: string;
                                level: string | null;
                                message: string;
                                tagId: number | null;
                                unitId: number | null;
                                /** @description epoch milliseconds, UTC */
                                raisedAt: number | null;
                                /** @description epoch milliseconds, UTC */
                                linkedAt: number;
                                linkedBy: string;
                            }[];
                            timeline: {
                                id: number;
                                /** @description epoch milliseconds, UTC */
                                at: number;
                                actor: string;
                                actorEnterpriseId: number | null;
                                /** @enum {string} */
                                kind: "raised" | "message" | "action" | "state" | "checklist" | "alarms" | "details" | "report";
                                text: string;
                                corrects: number | null;
                                data: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                            checklist: {
                                id: number;
                                position: number;
                                templateKey: string | null;
                                text: string;
                                textEn: string | null;
                                required: boolean;
                                /** @enum {string} */
                                status: "open" | "done" | "not_applicable";
                                note: string | null;
                                statusBy: string | null;
                                statusAt: number | null;
                                addedBy: string;
                                /** @description epoch milliseconds, UTC */
                                addedAt: number;
                            }[];
                            report: {
                                summary: string;
                                cause: string;
                                actions: string;
                                followUps: string;
                                /**
                                 * @description draft: generated from the timeline and checklist, not yet edited; frozen: the incident is closed
                                 * @enum {string}
                                 */
                                status: "draft" | "edited" | "frozen";
                                frozenAt: number | null;
                                frozenBy: string | null;
                            };
                            /** @description the states it may go to now (whether the caller may move it is in abilities) */
                            nextStates: ("open" | "contained" | "closed")[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an incident: open → contained → closed (needs the report, freezes it); back to open with a reason */
        post: {
            parameters: {
                query?: {
                    /** @description the language of the generated report draft (and of the Markdown headings) */
                    lang?: "zh-CN" | "en";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        to: "open" | "contained" | "closed";
                        /** @description needed to go back: contained → open, closed → open */
                        reason?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            kind: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                            /** @description emergency response level: 1 = I 特别重大, 2 = II 重大, 3 = III 较大, 4 = IV 一般 */
                            severity: number;
                            title: string;
                            /** @enum {string} */
                            state: "open" | "contained" | "closed";
                            /** @description epoch milliseconds, UTC */
                            openedAt: number;
                            openedBy: string;
                            containedAt: number | null;
                            closedAt: number | null;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                            version: number;
                            enterprises: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            }[];
                            /** @description linked alarms the caller may see */
                            alarmCount: number;
                            /** @description items done or not applicable */
                            checklistDone: number;
                            checklistTotal: number;
                            description: string;
                            lat: number | null;
                            lng: number | null;
                            /** @enum {string} */
                            template: "leak_release" | "fire_explosion" | "emission_exceedance" | "wastewater_overload" | "utility_failure" | "other";
                            units: {
                                id: number;
                                enterpriseId: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            }[];
                            alarms: {
                                alarmId: number;
                                enterpriseId: number;
                                category: string;
                                severity: string;
                                /** @description the alarm state when it was linked */
                                state: string;
                                level: string | null;
                                message: string;
                                tagId: number | null;
                                unitId: number | null;
                                /** @description epoch milliseconds, UTC */
                                raisedAt: number | null;
                                /** @description epoch milliseconds, UTC */
                                linkedAt: number;
                                linkedBy: string;
                            }[];
                            timeline: {
                                id: number;
                                /** @description epoch milliseconds, UTC */
                                at: number;
                                actor: string;
                                actorEnterpriseId: number | null;
                                /** @enum {string} */
                                kind: "raised" | "message" | "action" | "state" | "checklist" | "alarms" | "details" | "report";
                                text: string;
                                corrects: number | null;
                                data: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                            checklist: {
                                id: number;
                                position: number;
                                templateKey: string | null;
                                text: string;
                                textEn: string | null;
                                required: boolean;
                                /** @enum {string} */
                                status: "open" | "done" | "not_applicable";
                                note: string | null;
                                statusBy: string | null;
                                statusAt: number | null;
                                addedBy: string;
                                /** @description epoch milliseconds, UTC */
                                addedAt: number;
                            }[];
                            report: {
                                summary: string;
                                cause: string;
                                actions: string;
                                followUps: string;
                                /**
                                 * @description draft: generated from the timeline and checklist, not yet edited; frozen: the incident is closed
                                 * @enum {string}
                                 */
                                status: "draft" | "edited" | "frozen";
                                frozenAt: number | null;
                                frozenBy: string | null;
                            };
                            /** @description the states it may go to now (whether the caller may move it is in abilities) */
                            nextStates: ("open" | "contained" | "closed")[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The closing report: the generated draft, the edited one, or the frozen one of a closed incident; format=markdown for the printable text */
        get: {
            parameters: {
                query?: {
                    /** @description markdown: the printable report as text/markdown */
                    format?: "json" | "markdown";
                    /** @description the language of the generated report draft (and of the Markdown headings) */
                    lang?: "zh-CN" | "en";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            summary: string;
                            cause: string;
                            actions: string;
                            followUps: string;
                            /**
                             * @description draft: generated from the timeline and checklist, not yet edited; frozen: the incident is closed
                             * @enum {string}
                             */
                            status: "draft" | "edited" | "frozen";
                            frozenAt: number | null;
                            frozenBy: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flow-nodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ledger nodes: park-level and enterprise nodes to everyone, unit nodes to their enterprise and the park */
        get: {
            parameters: {
                query?: {
                    kind?: "unit" | "enterprise" | "park" | "boundary";
                    enterpriseId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description null: a park-level node (the park, the boundary), seen by every tenant */
                                enterpriseId: number | null;
                                /** @description unique in the park; what CSV rows and the API name the node by */
                                code: string;
                                name: string;
                                nameEn: string | null;
                                /**
                                 * @description unit | enterprise | park | boundary; people add unit and boundary nodes
                                 * @enum {string}
                                 */
                                kind: "unit" | "enterprise" | "park" | "boundary";
                                /**
                                 * @description where a boundary node lies (required for kind boundary)
                                 * @enum {string|null}
                                 */
                                boundaryKind: "supplier" | "customer" | "air" | "water_body" | "landfill" | "incineration" | "storage_yard" | "other" | null;
                                /** @description the registry unit of a synced unit node */
                                unitId: number | null;
                                /** @description the node it rolls up to; default: its enterprise node, or the park */
                                parentId: number | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a unit or boundary node the registry does not give (park administrators: park-level; enterprise administrators: their own) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description null: a park-level node (the park, the boundary), seen by every tenant */
                        enterpriseId?: number | null;
                        /** @description unique in the park; what CSV rows and the API name the node by */
                        code: string;
                        name: string;
                        nameEn?: string | null;
                        /**
                         * @description unit | enterprise | park | boundary; people add unit and boundary nodes
                         * @enum {string}
                         */
                        kind: "unit" | "enterprise" | "park" | "boundary";
                        /**
                         * @description where a boundary node lies (required for kind boundary)
                         * @enum {string|null}
                         */
                        boundaryKind?: "supplier" | "customer" | "air" | "water_body" | "landfill" | "incineration" | "storage_yard" | "other" | null;
                        /** @description the node it rolls up to; default: its enterprise node, or the park */
                        parentId?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description null: a park-level node (the park, the boundary), seen by every tenant */
                            enterpriseId: number | null;
                            /** @description unique in the park; what CSV rows and the API name the node by */
                            code: string;
                            name: string;
                            nameEn: string | null;
                            /**
                             * @description unit | enterprise | park | boundary; people add unit and boundary nodes
                             * @enum {string}
                             */
                            kind: "unit" | "enterprise" | "park" | "boundary";
                            /**
                             * @description where a boundary node lies (required for kind boundary)
                             * @enum {string|null}
                             */
                            boundaryKind: "supplier" | "customer" | "air" | "water_body" | "landfill" | "incineration" | "storage_yard" | "other" | null;
                            /** @description the registry unit of a synced unit node */
                            unitId: number | null;
                            /** @description the node it rolls up to; default: its enterprise node, or the park */
                            parentId: number | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flow-nodes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A ledger node */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description null: a park-level node (the park, the boundary), seen by every tenant */
                            enterpriseId: number | null;
                            /** @description unique in the park; what CSV rows and the API name the node by */
                            code: string;
                            name: string;
                            nameEn: string | null;
                            /**
                             * @description unit | enterprise | park | boundary; people add unit and boundary nodes
                             * @enum {string}
                             */
                            kind: "unit" | "enterprise" | "park" | "boundary";
                            /**
                             * @description where a boundary node lies (required for kind boundary)
                             * @enum {string|null}
                             */
                            boundaryKind: "supplier" | "customer" | "air" | "water_body" | "landfill" | "incineration" | "storage_yard" | "other" | null;
                            /** @description the registry unit of a synced unit node */
                            unitId: number | null;
                            /** @description the node it rolls up to; default: its enterprise node, or the park */
                            parentId: number | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a node people added that no flow names */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a node people added (synced nodes follow the registry: 409) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description unique in the park; what CSV rows and the API name the node by */
                        code?: string;
                        name?: string;
                        nameEn?: string | null;
                        /**
                         * @description where a boundary node lies (required for kind boundary)
                         * @enum {string|null}
                         */
                        boundaryKind?: "supplier" | "customer" | "air" | "water_body" | "landfill" | "incineration" | "storage_yard" | "other" | null;
                        /** @description the node it rolls up to; default: its enterprise node, or the park */
                        parentId?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description null: a park-level node (the park, the boundary), seen by every tenant */
                            enterpriseId: number | null;
                            /** @description unique in the park; what CSV rows and the API name the node by */
                            code: string;
                            name: string;
                            nameEn: string | null;
                            /**
                             * @description unit | enterprise | park | boundary; people add unit and boundary nodes
                             * @enum {string}
                             */
                            kind: "unit" | "enterprise" | "park" | "boundary";
                            /**
                             * @description where a boundary node lies (required for kind boundary)
                             * @enum {string|null}
                             */
                            boundaryKind: "supplier" | "customer" | "air" | "water_body" | "landfill" | "incineration" | "storage_yard" | "other" | null;
                            /** @description the registry unit of a synced unit node */
                            unitId: number | null;
                            /** @description the node it rolls up to; default: its enterprise node, or the park */
                            parentId: number | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Flows the caller may see: its own, those with an end at its nodes, those shared with it */
        get: {
            parameters: {
                query: {
                    /** @description a year '2026', a month '2026-03' or a day '2026-03-15' (park time zone) */
                    period?: string;
                    enterpriseId?: number;
                    /** @description material code */
                    material?: string;
                    /** @description node code: flows from or to it */
                    node?: string;
                    source?: "manual" | "csv" | "telemetry" | "epcis";
                    /** @description how the quantity is known */
                    basis?: "measured" | "calculated" | "estimated" | "exact";
                    limit: number;
                    offset: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description who recorded it; null: the park operator */
                                enterpriseId: number | null;
                                /** @enum {string} */
                                grain: "day" | "month" | "year";
                                period: string;
                                fromNodeId: number;
                                fromCode: string;
                                toNodeId: number;
                                toCode: string;
                                materialCode: string;
                                quantity: number;
                                unit: string;
                                /** @description as recorded; null: the basis default */
                                sd: number | null;
                                /** @description the standard deviation the balance uses (basis default applied), in `unit` */
                                effectiveSd: number;
                                /**
                                 * @description how the quantity is known
                                 * @enum {string}
                                 */
                                basis: "measured" | "calculated" | "estimated" | "exact";
                                /** @enum {string} */
                                source: "manual" | "csv" | "telemetry" | "epcis";
                                sourceKey: string | null;
                                note: string | null;
                                enteredBy: string;
                                createdAt: number;
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Record a flow by hand (nodes and material by code) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a year '2026', a month '2026-03' or a day '2026-03-15' (park time zone) */
                        period: string;
                        /** @description code of the node the flow leaves */
                        from: string;
                        /** @description code of the node the flow enters */
                        to: string;
                        /** @description material or energy carrier code (the catalogue) */
                        material: string;
                        /** @description in `unit` */
                        quantity: number;
                        /** @description unit of the quantity, e.g. t, kg, m3, Nm3, GJ, kWh */
                        unit: string;
                        /** @description standard deviation in `unit`; null or absent: the default of its basis (measured 1 %, calculated 5 %, estimated 15 %, exact 0) */
                        sd?: number | null;
                        /**
                         * @description how the quantity is known
                         * @enum {string}
                         */
                        basis: "measured" | "calculated" | "estimated" | "exact";
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description who recorded it; null: the park operator */
                            enterpriseId: number | null;
                            /** @enum {string} */
                            grain: "day" | "month" | "year";
                            period: string;
                            fromNodeId: number;
                            fromCode: string;
                            toNodeId: number;
                            toCode: string;
                            materialCode: string;
                            quantity: number;
                            unit: string;
                            /** @description as recorded; null: the basis default */
                            sd: number | null;
                            /** @description the standard deviation the balance uses (basis default applied), in `unit` */
                            effectiveSd: number;
                            /**
                             * @description how the quantity is known
                             * @enum {string}
                             */
                            basis: "measured" | "calculated" | "estimated" | "exact";
                            /** @enum {string} */
                            source: "manual" | "csv" | "telemetry" | "epcis";
                            sourceKey: string | null;
                            note: string | null;
                            enteredBy: string;
                            createdAt: number;
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/periods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The periods that have flows the caller may see, with their counts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                period: string;
                                /** @enum {string} */
                                grain: "day" | "month" | "year";
                                flows: number;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A flow */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description who recorded it; null: the park operator */
                            enterpriseId: number | null;
                            /** @enum {string} */
                            grain: "day" | "month" | "year";
                            period: string;
                            fromNodeId: number;
                            fromCode: string;
                            toNodeId: number;
                            toCode: string;
                            materialCode: string;
                            quantity: number;
                            unit: string;
                            /** @description as recorded; null: the basis default */
                            sd: number | null;
                            /** @description the standard deviation the balance uses (basis default applied), in `unit` */
                            effectiveSd: number;
                            /**
                             * @description how the quantity is known
                             * @enum {string}
                             */
                            basis: "measured" | "calculated" | "estimated" | "exact";
                            /** @enum {string} */
                            source: "manual" | "csv" | "telemetry" | "epcis";
                            sourceKey: string | null;
                            note: string | null;
                            enteredBy: string;
                            createdAt: number;
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a flow entered by hand */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a flow entered by hand (rows of other sources: 409, their re-run replaces them) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a year '2026', a month '2026-03' or a day '2026-03-15' (park time zone) */
                        period?: string;
                        /** @description code of the node the flow leaves */
                        from?: string;
                        /** @description code of the node the flow enters */
                        to?: string;
                        /** @description material or energy carrier code (the catalogue) */
                        material?: string;
                        /** @description in `unit` */
                        quantity?: number;
                        /** @description unit of the quantity, e.g. t, kg, m3, Nm3, GJ, kWh */
                        unit?: string;
                        /** @description standard deviation in `unit`; null or absent: the default of its basis (measured 1 %, calculated 5 %, estimated 15 %, exact 0) */
                        sd?: number | null;
                        /**
                         * @description how the quantity is known
                         * @enum {string}
                         */
                        basis?: "measured" | "calculated" | "estimated" | "exact";
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description who recorded it; null: the park operator */
                            enterpriseId: number | null;
                            /** @enum {string} */
                            grain: "day" | "month" | "year";
                            period: string;
                            fromNodeId: number;
                            fromCode: string;
                            toNodeId: number;
                            toCode: string;
                            materialCode: string;
                            quantity: number;
                            unit: string;
                            /** @description as recorded; null: the basis default */
                            sd: number | null;
                            /** @description the standard deviation the balance uses (basis default applied), in `unit` */
                            effectiveSd: number;
                            /**
                             * @description how the quantity is known
                             * @enum {string}
                             */
                            basis: "measured" | "calculated" | "estimated" | "exact";
                            /** @enum {string} */
                            source: "manual" | "csv" | "telemetry" | "epcis";
                            sourceKey: string | null;
                            note: string | null;
                            enteredBy: string;
                            createdAt: number;
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/flow-stocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stocks of a period (and the periods within it) the caller may see */
        get: {
            parameters: {
                query: {
                    /** @description a year '2026', a month '2026-03' or a day '2026-03-15' (park time zone) */
                    period: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                enterpriseId: number | null;
                                nodeId: number;
                                nodeCode: string;
                                materialCode: string;
                                /** @enum {string} */
                                grain: "day" | "month" | "year";
                                period: string;
                                opening: number;
                                closing: number;
                                unit: string;
                                /** @description standard deviation of the stock change, as recorded */
                                sd: number | null;
                                /**
                                 * @description how the quantity is known
                                 * @enum {string}
                                 */
                                basis: "measured" | "calculated" | "estimated" | "exact";
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        /** Record a node's opening and closing stock of a material for a period (replaces what was recorded) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description node code */
                        node: string;
                        /** @description material code */
                        material: string;
                        /** @description a year '2026', a month '2026-03' or a day '2026-03-15' (park time zone) */
                        period: string;
                        /** @description in `unit` */
                        opening: number;
                        /** @description in `unit` */
                        closing: number;
                        /** @description unit of the quantity, e.g. t, kg, m3, Nm3, GJ, kWh */
                        unit: string;
                        /** @description standard deviation in `unit`; null or absent: the default of its basis (measured 1 %, calculated 5 %, estimated 15 %, exact 0) */
                        sd?: number | null;
                        /**
                         * @description how the quantity is known
                         * @enum {string}
                         */
                        basis: "measured" | "calculated" | "estimated" | "exact";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number | null;
                            nodeId: number;
                            nodeCode: string;
                            materialCode: string;
                            /** @enum {string} */
                            grain: "day" | "month" | "year";
                            period: string;
                            opening: number;
                            closing: number;
                            unit: string;
                            /** @description standard deviation of the stock change, as recorded */
                            sd: number | null;
                            /**
                             * @description how the quantity is known
                             * @enum {string}
                             */
                            basis: "measured" | "calculated" | "estimated" | "exact";
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flow-stocks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a recorded stock */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flow-shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List flow shares */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    enterpriseId?: number;
                    /** @description the enterprise shared with; null: the park (operator and regulators) */
                    granteeId?: number;
                    /** @description all: every flow and stock the enterprise recorded; exchanges: only flows between two different enterprises */
                    scope?: "all" | "exchanges";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                enterpriseId: number;
                                /** @description the enterprise shared with; null: the park (operator and regulators) */
                                granteeId: number | null;
                                /**
                                 * @description all: every flow and stock the enterprise recorded; exchanges: only flows between two different enterprises
                                 * @enum {string}
                                 */
                                scope: "all" | "exchanges";
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a flow share */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enterpriseId?: number;
                        /** @description the enterprise shared with; null: the park (operator and regulators) */
                        granteeId?: number | null;
                        /**
                         * @description all: every flow and stock the enterprise recorded; exchanges: only flows between two different enterprises
                         * @enum {string}
                         */
                        scope: "all" | "exchanges";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /** @description the enterprise shared with; null: the park (operator and regulators) */
                            granteeId: number | null;
                            /**
                             * @description all: every flow and stock the enterprise recorded; exchanges: only flows between two different enterprises
                             * @enum {string}
                             */
                            scope: "all" | "exchanges";
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flow-shares/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a flow share */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /** @description the enterprise shared with; null: the park (operator and regulators) */
                            granteeId: number | null;
                            /**
                             * @description all: every flow and stock the enterprise recorded; exchanges: only flows between two different enterprises
                             * @enum {string}
                             */
                            scope: "all" | "exchanges";
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a flow share */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a flow share */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description all: every flow and stock the enterprise recorded; exchanges: only flows between two different enterprises
                         * @enum {string}
                         */
                        scope?: "all" | "exchanges";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /** @description the enterprise shared with; null: the park (operator and regulators) */
                            granteeId: number | null;
                            /**
                             * @description all: every flow and stock the enterprise recorded; exchanges: only flows between two different enterprises
                             * @enum {string}
                             */
                            scope: "all" | "exchanges";
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/flows/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reconcile a flow network (stateless, nothing stored): uncertain flows adjusted by weighted least squares so every node balances, unmeasured flows computed, uncertainties propagated, gross errors tested */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the balanced nodes */
                        nodes: {
                            id: string;
                        }[];
                        flows: {
                            id: string;
                            /** @description a node id; null: the system boundary */
                            from: string | null;
                            /** @description a node id; null: the system boundary */
                            to: string | null;
                            /** @description the measured value; null: unmeasured, to be computed */
                            value: number | null;
                            /** @description standard deviation of value; 0: exact (ignored when value is null) */
                            sd: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            flows: {
                                id: string;
                                value: number;
                                /** @description propagated standard deviation */
                                sd: number;
                            }[];
                            chiSquare: number;
                            dof: number;
                            pValue: number;
                            suspects: {
                                /** @enum {string} */
                                kind: "flow" | "node";
                                id: string;
                                /** @description the test statistic */
                                z: number;
                                /** @description the critical value it exceeds */
                                critical: number;
                                /**
                                 * @description what the failed test most likely means
                                 * @enum {string}
                                 */
                                meaning: "meter_reads_high" | "meter_reads_low" | "unaccounted_loss" | "unaccounted_gain";
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            instance?: string;
                            /** @description undeterminable: the unmeasured flows not determined; contradiction: the exact flows that contradict each other */
                            flows: string[];
                            /** @description the nodes whose balances cannot close (contradiction) */
                            nodes: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/balances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Balances of a period per node (inputs − outputs − stock change), measured and reconciled side by side, with the tests and the suspects */
        get: {
            parameters: {
                query: {
                    /** @description a year '2026', a month '2026-03' or a day '2026-03-15' */
                    period: string;
                    /** @description unit (default), enterprise or park */
                    level?: "unit" | "enterprise" | "park";
                    /** @description mass (default): one material, or total mass in t; element: one element in t; energy: GJ */
                    layer?: "mass" | "element" | "energy";
                    /** @description the element of layer=element, e.g. Cl */
                    element?: string;
                    /** @description the material of layer=mass; absent: total mass */
                    material?: string;
                    /** @description only flows with an end at this enterprise; only its nodes balanced (at level=enterprise, the Sankey shows its units) */
                    enterpriseId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description flows other enterprises recorded at the caller's nodes: their claims, left out of its balances */
                            claimsLeftOut: number;
                            period: string;
                            /** @enum {string} */
                            level: "unit" | "enterprise" | "park";
                            /** @enum {string} */
                            layer: "mass" | "element" | "energy";
                            element: string | null;
                            material: string | null;
                            unit: string;
                            nodes: {
                                nodeId: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                                /** @enum {string} */
                                kind: "unit" | "enterprise" | "park" | "boundary";
                                enterpriseId: number | null;
                                inputs: number;
                                outputs: number;
                                stockChange: number;
                                /** @description inputs − outputs − stockChange, measured: positive is lost, negative gained */
                                imbalance: number;
                                /** @description of the throughput (largest of inputs, outputs, |stock change|) */
                                imbalancePercent: number;
                                /** @description the nodal test */
                                z: number | null;
                                /** @description the nodal test failed */
                                exception: boolean;
                            }[];
                            flows: {
                                /** @description from>to:material, node codes at the level */
                                key: string;
                                /** @description the ledger rows summed */
                                flowIds: number[];
                                fromNodeId: number;
                                fromCode: string;
                                toNodeId: number;
                                toCode: string;
                                materialCode: string;
                                /** @description null if unmeasured */
                                measured: number | null;
                                sd: number;
                                /** @enum {string} */
                                basis: "measured" | "calculated" | "estimated" | "exact";
                                /** @description null when the reconciliation failed */
                                reconciled: number | null;
                                reconciledSd: number | null;
                                /** @description measured − reconciled */
                                adjustment: number | null;
                                /** @description adjustment / sd */
                                adjustmentSigma: number | null;
                                /** @description the measurement test */
                                z: number | null;
                                /**
                                 * @description null when the reconciliation failed
                                 * @enum {string|null}
                                 */
                                status: "reconciled" | "nonredundant" | "computed" | "exact" | null;
                            }[];
                            reconciliation: {
                                ok: boolean;
                                chiSquare: number | null;
                                dof: number | null;
                                pValue: number | null;
                                /** @description the global chi-square test passed; null when nothing could be tested */
                                passed: boolean | null;
                                problem: {
                                    /** @enum {string} */
                                    reason: "undeterminable" | "contradiction" | "too-complex";
                                    variables: string[];
                                    constraints: string[];
                                    detail: string;
                                } | null;
                            };
                            suspects: {
                                /** @enum {string} */
                                kind: "flow" | "node";
                                /** @description the flow key or the node code */
                                key: string;
                                z: number;
                                critical: number;
                                /** @enum {string} */
                                meaning: "meter_reads_high" | "meter_reads_low" | "unaccounted_loss" | "unaccounted_gain";
                                nodeCode: string | null;
                                flowKey: string | null;
                                adjustment: number | null;
                            }[];
                            /** @description element layer: nodes whose element balance is not judged, because a material there has no known composition */
                            openNodes: {
                                nodeId: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                                /** @description the materials there whose composition is unknown */
                                materials: string[];
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/sankey": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Sankey of a period: nodes and links (reconciled where the balances reconcile), park → enterprise → unit */
        get: {
            parameters: {
                query: {
                    /** @description a year '2026', a month '2026-03' or a day '2026-03-15' */
                    period: string;
                    /** @description unit (default), enterprise or park */
                    level?: "unit" | "enterprise" | "park";
                    /** @description mass (default): one material, or total mass in t; element: one element in t; energy: GJ */
                    layer?: "mass" | "element" | "energy";
                    /** @description the element of layer=element, e.g. Cl */
                    element?: string;
                    /** @description the material of layer=mass; absent: total mass */
                    material?: string;
                    /** @description only flows with an end at this enterprise; only its nodes balanced (at level=enterprise, the Sankey shows its units) */
                    enterpriseId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unit: string;
                            nodes: {
                                key: string;
                                nodeId: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                                /** @enum {string} */
                                kind: "unit" | "enterprise" | "park" | "boundary";
                                /** @enum {string|null} */
                                boundaryKind: "supplier" | "customer" | "air" | "water_body" | "landfill" | "incineration" | "storage_yard" | "other" | null;
                                enterpriseId: number | null;
                            }[];
                            links: {
                                source: string;
                                target: string;
                                value: number;
                                materialCode: string;
                                reconciled: boolean;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A CSV import: its progress while 'running', then 'done' or 'failed' with every rejected row */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            state: "running" | "done" | "failed";
                            filename: string;
                            totalRows: number;
                            /** @description rows checked so far (accepted + rejected) */
                            processedRows: number;
                            /** @description rows that passed; on 'done' the rows written, on 'failed' none was written */
                            accepted: number;
                            rejected: number;
                            /** @description every rejected row with its reason (the first 10,000) */
                            errors: {
                                /** @description the data row (1 = the first after the header) */
                                row: number;
                                reason: string;
                            }[];
                            createdBy: string;
                            createdAt: number;
                            finishedAt: number | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flow-meter-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Flow-meter links: tags whose totals are flows (your enterprise’s; every one for the park) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                enterpriseId: number;
                                tagId: number;
                                /** @description node code the flow leaves */
                                from: string;
                                /** @description node code the flow enters */
                                to: string;
                                /** @description material code */
                                material: string;
                                /**
                                 * @description 'integral' of a rate tag over the period, or 'counter' difference of a totaliser
                                 * @enum {string}
                                 */
                                method: "integral" | "counter";
                                /** @description unit of the total, e.g. t, m3, Nm3, GJ, MWh */
                                unit: string;
                                /** @description the meter's relative standard deviation, % of the total */
                                accuracyPercent: number;
                                createdAt: number;
                                updatedAt: number;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Link a tag to a flow (a tag of another enterprise is an unknown tag) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tagId: number;
                        /** @description node code the flow leaves */
                        from: string;
                        /** @description node code the flow enters */
                        to: string;
                        /** @description material code */
                        material: string;
                        /**
                         * @description 'integral' of a rate tag over the period, or 'counter' difference of a totaliser
                         * @enum {string}
                         */
                        method: "integral" | "counter";
                        /** @description unit of the total, e.g. t, m3, Nm3, GJ, MWh */
                        unit: string;
                        /** @description the meter's relative standard deviation, % of the total */
                        accuracyPercent: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            tagId: number;
                            /** @description node code the flow leaves */
                            from: string;
                            /** @description node code the flow enters */
                            to: string;
                            /** @description material code */
                            material: string;
                            /**
                             * @description 'integral' of a rate tag over the period, or 'counter' difference of a totaliser
                             * @enum {string}
                             */
                            method: "integral" | "counter";
                            /** @description unit of the total, e.g. t, m3, Nm3, GJ, MWh */
                            unit: string;
                            /** @description the meter's relative standard deviation, % of the total */
                            accuracyPercent: number;
                            createdAt: number;
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flow-meter-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A flow-meter link */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            tagId: number;
                            /** @description node code the flow leaves */
                            from: string;
                            /** @description node code the flow enters */
                            to: string;
                            /** @description material code */
                            material: string;
                            /**
                             * @description 'integral' of a rate tag over the period, or 'counter' difference of a totaliser
                             * @enum {string}
                             */
                            method: "integral" | "counter";
                            /** @description unit of the total, e.g. t, m3, Nm3, GJ, MWh */
                            unit: string;
                            /** @description the meter's relative standard deviation, % of the total */
                            accuracyPercent: number;
                            createdAt: number;
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a flow-meter link (its flows stay until the next telemetry run of their period) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a flow-meter link */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tagId?: number;
                        /** @description node code the flow leaves */
                        from?: string;
                        /** @description node code the flow enters */
                        to?: string;
                        /** @description material code */
                        material?: string;
                        /**
                         * @description 'integral' of a rate tag over the period, or 'counter' difference of a totaliser
                         * @enum {string}
                         */
                        method?: "integral" | "counter";
                        /** @description unit of the total, e.g. t, m3, Nm3, GJ, MWh */
                        unit?: string;
                        /** @description the meter's relative standard deviation, % of the total */
                        accuracyPercent?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            tagId: number;
                            /** @description node code the flow leaves */
                            from: string;
                            /** @description node code the flow enters */
                            to: string;
                            /** @description material code */
                            material: string;
                            /**
                             * @description 'integral' of a rate tag over the period, or 'counter' difference of a totaliser
                             * @enum {string}
                             */
                            method: "integral" | "counter";
                            /** @description unit of the total, e.g. t, m3, Nm3, GJ, MWh */
                            unit: string;
                            /** @description the meter's relative standard deviation, % of the total */
                            accuracyPercent: number;
                            createdAt: number;
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/flows/sources/telemetry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write the totals of your flow-meter links over a period; gaps are reported, not filled */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a year '2026', a month '2026-03' or a day '2026-03-15' (park time zone) */
                        period: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            written: number;
                            rejected: {
                                tagId: number;
                                reason: string;
                            }[];
                            /** @description stretches without readings: reported, never filled; a flow with gaps is estimated over its covered time */
                            gaps: {
                                tagId: number;
                                tagKey: string;
                                deviceCode: string;
                                /** @description epoch ms */
                                from: number;
                                /** @description epoch ms */
                                to: number;
                                reason: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/sources/epcis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write the flows of the EPCIS shipments and transformations of a period you may see */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a year '2026', a month '2026-03' or a day '2026-03-15' (park time zone) */
                        period: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            written: number;
                            rejected: {
                                /** @description the data row (1 = the first after the header) */
                                row: number;
                                reason: string;
                            }[];
                            skipped: {
                                eventId: string;
                                reason: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kpi-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The park’s accounting settings (electricity basis, emission factor set, grid and heat factors, circularity data) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settings: {
                                /**
                                 * @description GB/T 2589: equivalent (当量值 0.1229 kgce/kWh) or equal value (等价值)
                                 * @enum {string}
                                 */
                                electricityBasis: "equivalent" | "equal_value";
                                /** @description the equal value, kgce/kWh (required for equal_value) */
                                electricityEqualValueKgcePerKWh: number | null;
                                /**
                                 * @description emission factors of fuel combustion
                                 * @enum {string}
                                 */
                                combustionSet: "ipcc2006" | "cn_chem_2013";
                                /** @description t CO2 per MWh of purchased electricity */
                                gridFactorTCO2PerMWh: number;
                                /** @description t CO2 per GJ of purchased heat */
                                heatFactorTCO2PerGJ: number;
                                /** @description per fuel material code */
                                oxidationFactors: {
                                    [key: string]: number;
                                };
                                /** @description per material code */
                                avoidedFactors: {
                                    [key: string]: number;
                                };
                                /** @description per material code */
                                circularity: {
                                    [key: string]: {
                                        /** @description CTI: share of the stream recoverable at end of use */
                                        recoveryPotential?: number;
                                        /** @description CTI: share of it actually recovered */
                                        actualRecovery?: number;
                                        /** @description CTI inflow: recycled or second-life share when bought */
                                        recycledContent?: number;
                                        mci?: {
                                            /** @description F_R */
                                            recycledFeedstock: number;
                                            /** @description F_U */
                                            reusedFeedstock: number;
                                            /** @description E_F */
                                            recyclingEfficiencyFeedstock?: number;
                                            /** @description C_R */
                                            collectedForRecycling: number;
                                            /** @description C_U */
                                            collectedForReuse: number;
                                            /** @description E_C */
                                            recyclingEfficiencyEndOfUse?: number;
                                            /** @description L / L_av */
                                            lifetimeRatio: number;
                                            /** @description U / U_av */
                                            intensityRatio: number;
                                        };
                                    };
                                };
                                waterIntakeMaterials: string[];
                                waterReusedMaterials: string[];
                            };
                            /** @description who saved them; null: the defaults */
                            updatedBy: string | null;
                            /** @description epoch ms */
                            updatedAt: number | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        /** Replace the park’s accounting settings (park administrator; material codes must be in the catalogue) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description GB/T 2589: equivalent (当量值 0.1229 kgce/kWh) or equal value (等价值)
                         * @enum {string}
                         */
                        electricityBasis: "equivalent" | "equal_value";
                        /** @description the equal value, kgce/kWh (required for equal_value) */
                        electricityEqualValueKgcePerKWh: number | null;
                        /**
                         * @description emission factors of fuel combustion
                         * @enum {string}
                         */
                        combustionSet: "ipcc2006" | "cn_chem_2013";
                        /** @description t CO2 per MWh of purchased electricity */
                        gridFactorTCO2PerMWh: number;
                        /** @description t CO2 per GJ of purchased heat */
                        heatFactorTCO2PerGJ: number;
                        /** @description per fuel material code */
                        oxidationFactors: {
                            [key: string]: number;
                        };
                        /** @description per material code */
                        avoidedFactors: {
                            [key: string]: number;
                        };
                        /** @description per material code */
                        circularity: {
                            [key: string]: {
                                /** @description CTI: share of the stream recoverable at end of use */
                                recoveryPotential?: number;
                                /** @description CTI: share of it actually recovered */
                                actualRecovery?: number;
                                /** @description CTI inflow: recycled or second-life share when bought */
                                recycledContent?: number;
                                mci?: {
                                    /** @description F_R */
                                    recycledFeedstock: number;
                                    /** @description F_U */
                                    reusedFeedstock: number;
                                    /** @description E_F */
                                    recyclingEfficiencyFeedstock?: number;
                                    /** @description C_R */
                                    collectedForRecycling: number;
                                    /** @description C_U */
                                    collectedForReuse: number;
                                    /** @description E_C */
                                    recyclingEfficiencyEndOfUse?: number;
                                    /** @description L / L_av */
                                    lifetimeRatio: number;
                                    /** @description U / U_av */
                                    intensityRatio: number;
                                };
                            };
                        };
                        waterIntakeMaterials: string[];
                        waterReusedMaterials: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settings: {
                                /**
                                 * @description GB/T 2589: equivalent (当量值 0.1229 kgce/kWh) or equal value (等价值)
                                 * @enum {string}
                                 */
                                electricityBasis: "equivalent" | "equal_value";
                                /** @description the equal value, kgce/kWh (required for equal_value) */
                                electricityEqualValueKgcePerKWh: number | null;
                                /**
                                 * @description emission factors of fuel combustion
                                 * @enum {string}
                                 */
                                combustionSet: "ipcc2006" | "cn_chem_2013";
                                /** @description t CO2 per MWh of purchased electricity */
                                gridFactorTCO2PerMWh: number;
                                /** @description t CO2 per GJ of purchased heat */
                                heatFactorTCO2PerGJ: number;
                                /** @description per fuel material code */
                                oxidationFactors: {
                                    [key: string]: number;
                                };
                                /** @description per material code */
                                avoidedFactors: {
                                    [key: string]: number;
                                };
                                /** @description per material code */
                                circularity: {
                                    [key: string]: {
                                        /** @description CTI: share of the stream recoverable at end of use */
                                        recoveryPotential?: number;
                                        /** @description CTI: share of it actually recovered */
                                        actualRecovery?: number;
                                        /** @description CTI inflow: recycled or second-life share when bought */
                                        recycledContent?: number;
                                        mci?: {
                                            /** @description F_R */
                                            recycledFeedstock: number;
                                            /** @description F_U */
                                            reusedFeedstock: number;
                                            /** @description E_F */
                                            recyclingEfficiencyFeedstock?: number;
                                            /** @description C_R */
                                            collectedForRecycling: number;
                                            /** @description C_U */
                                            collectedForReuse: number;
                                            /** @description E_C */
                                            recyclingEfficiencyEndOfUse?: number;
                                            /** @description L / L_av */
                                            lifetimeRatio: number;
                                            /** @description U / U_av */
                                            intensityRatio: number;
                                        };
                                    };
                                };
                                waterIntakeMaterials: string[];
                                waterReusedMaterials: string[];
                            };
                            /** @description who saved them; null: the defaults */
                            updatedBy: string | null;
                            /** @description epoch ms */
                            updatedAt: number | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The indicators of a scope and period, each with its inputs, the previous period, the same period last year and its target; an indicator whose inputs are missing names them */
        get: {
            parameters: {
                query: {
                    /** @description a month '2026-03', a quarter '2026-Q1' or a year '2026' */
                    period: string;
                    /** @description park, enterprise or unit */
                    scope: "park" | "enterprise" | "unit";
                    /** @description the enterprise’s code, or the unit’s flow-node code (not for the park) */
                    code?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: string;
                            /**
                             * @description park, enterprise or unit
                             * @enum {string}
                             */
                            scope: "park" | "enterprise" | "unit";
                            code: string;
                            name: string;
                            nameEn: string | null;
                            items: {
                                /** @enum {string} */
                                key: "solid_waste_utilization_rate" | "solid_waste_identity_residual_t" | "hazardous_waste_utilization_rate" | "hazardous_waste_safe_disposal_rate" | "energy_tce" | "energy_intensity_tce_per_10k_cny" | "energy_tce_per_t_product" | "water_intake_m3" | "water_intensity_m3_per_10k_cny" | "water_reuse_rate" | "co2_scope1_t" | "co2_scope2_t" | "carbon_intensity_t_per_10k_cny" | "co2_avoided_by_exchanges_t" | "cti_circular_inflow" | "cti_circular_outflow" | "mci_products";
                                /** @description null: not computable; `missing` says why */
                                value: number | null;
                                unit: string;
                                /** @description every figure the value was computed from, by name (so anyone can recompute it) */
                                inputs: {
                                    [key: string]: number | string | boolean;
                                };
                                /** @description the inputs that are missing (empty when value is a number) */
                                missing: string[];
                                /** @description the previous period’s value */
                                previous: number | null;
                                previousPeriod: string;
                                /** @description the same period a year before */
                                lastYear: number | null;
                                lastYearPeriod: string;
                                /** @description the target’s value for its target year */
                                target: number | null;
                                /** @enum {string|null} */
                                targetKind: "absolute" | "reduction" | null;
                                targetYear: number | null;
                                baseYear: number | null;
                                /** @description the base year’s value (stated, or computed from the ledger) */
                                baseValue: number | null;
                                /** @description where the straight path from the base year to the target puts this period */
                                trajectory: number | null;
                                /** @enum {string} */
                                status: "met" | "on_track" | "off_track" | "no_target" | "no_value";
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kpis/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each indicator over a run of months, quarters or years (at most 120), with the target’s trajectory */
        get: {
            parameters: {
                query: {
                    /** @description park, enterprise or unit */
                    scope: "park" | "enterprise" | "unit";
                    /** @description the enterprise’s code, or the unit’s flow-node code (not for the park) */
                    code?: string;
                    /** @description a month '2026-03', a quarter '2026-Q1' or a year '2026' */
                    from: string;
                    /** @description a month '2026-03', a quarter '2026-Q1' or a year '2026' */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description park, enterprise or unit
                             * @enum {string}
                             */
                            scope: "park" | "enterprise" | "unit";
                            code: string;
                            periods: string[];
                            items: {
                                /** @enum {string} */
                                key: "solid_waste_utilization_rate" | "solid_waste_identity_residual_t" | "hazardous_waste_utilization_rate" | "hazardous_waste_safe_disposal_rate" | "energy_tce" | "energy_intensity_tce_per_10k_cny" | "energy_tce_per_t_product" | "water_intake_m3" | "water_intensity_m3_per_10k_cny" | "water_reuse_rate" | "co2_scope1_t" | "co2_scope2_t" | "carbon_intensity_t_per_10k_cny" | "co2_avoided_by_exchanges_t" | "cti_circular_inflow" | "cti_circular_outflow" | "mci_products";
                                unit: string;
                                values: (number | null)[];
                                trajectory: (number | null)[];
                                /** @description the target’s value for its target year */
                                target: number | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kpis/flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The flows behind one indicator: which term of its formula each counts in, and how much */
        get: {
            parameters: {
                query: {
                    /** @description a month '2026-03', a quarter '2026-Q1' or a year '2026' */
                    period: string;
                    /** @description park, enterprise or unit */
                    scope: "park" | "enterprise" | "unit";
                    /** @description the enterprise’s code, or the unit’s flow-node code (not for the park) */
                    code?: string;
                    key: "solid_waste_utilization_rate" | "solid_waste_identity_residual_t" | "hazardous_waste_utilization_rate" | "hazardous_waste_safe_disposal_rate" | "energy_tce" | "energy_intensity_tce_per_10k_cny" | "energy_tce_per_t_product" | "water_intake_m3" | "water_intensity_m3_per_10k_cny" | "water_reuse_rate" | "co2_scope1_t" | "co2_scope2_t" | "carbon_intensity_t_per_10k_cny" | "co2_avoided_by_exchanges_t" | "cti_circular_inflow" | "cti_circular_outflow" | "mci_products";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            key: "solid_waste_utilization_rate" | "solid_waste_identity_residual_t" | "hazardous_waste_utilization_rate" | "hazardous_waste_safe_disposal_rate" | "energy_tce" | "energy_intensity_tce_per_10k_cny" | "energy_tce_per_t_product" | "water_intake_m3" | "water_intensity_m3_per_10k_cny" | "water_reuse_rate" | "co2_scope1_t" | "co2_scope2_t" | "carbon_intensity_t_per_10k_cny" | "co2_avoided_by_exchanges_t" | "cti_circular_inflow" | "cti_circular_outflow" | "mci_products";
                            unit: string;
                            items: {
                                flowId: number;
                                /** @description the term of the formula the flow counts in */
                                term: string;
                                /** @description in the term’s unit (t, tce, m3, t CO2) */
                                amount: number;
                                period: string;
                                /** @description node code */
                                from: string;
                                /** @description node code */
                                to: string;
                                material: string;
                                quantity: number;
                                unit: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kpi-inputs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List KPI inputs (value added and production per enterprise or unit and period) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    enterpriseId?: number;
                    /** @description null: the enterprise as a whole; else one of its unit flow nodes (or give nodeCode) */
                    nodeId?: number;
                    /** @description a month '2026-03' or a year '2026' (a year row wins over the sum of its months) */
                    period?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                enterpriseId: number;
                                /** @description null: the enterprise as a whole; else one of its unit flow nodes (or give nodeCode) */
                                nodeId: number | null;
                                /** @description a month '2026-03' or a year '2026' (a year row wins over the sum of its months) */
                                period: string;
                                /** @description industrial value added, 10,000 CNY (万元, current prices) */
                                valueAdded10kCny: number | null;
                                /** @description production of the main product, t */
                                productionT: number | null;
                                /** @description catalogue code of the product productionT counts */
                                mainProduct: string | null;
                                note: string | null;
                                /** @description the unit node’s code (null: the enterprise as a whole) */
                                nodeCode: string | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** State value added and production for a period (the enterprise as a whole, or one of its units by nodeId or nodeCode) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enterpriseId?: number;
                        /** @description null: the enterprise as a whole; else one of its unit flow nodes (or give nodeCode) */
                        nodeId?: number | null;
                        /** @description a month '2026-03' or a year '2026' (a year row wins over the sum of its months) */
                        period: string;
                        /** @description industrial value added, 10,000 CNY (万元, current prices) */
                        valueAdded10kCny?: number | null;
                        /** @description production of the main product, t */
                        productionT?: number | null;
                        /** @description catalogue code of the product productionT counts */
                        mainProduct?: string | null;
                        note?: string | null;
                        /** @description the unit’s flow-node code, instead of nodeId */
                        nodeCode?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /** @description null: the enterprise as a whole; else one of its unit flow nodes (or give nodeCode) */
                            nodeId: number | null;
                            /** @description a month '2026-03' or a year '2026' (a year row wins over the sum of its months) */
                            period: string;
                            /** @description industrial value added, 10,000 CNY (万元, current prices) */
                            valueAdded10kCny: number | null;
                            /** @description production of the main product, t */
                            productionT: number | null;
                            /** @description catalogue code of the product productionT counts */
                            mainProduct: string | null;
                            note: string | null;
                            /** @description the unit node’s code (null: the enterprise as a whole) */
                            nodeCode: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kpi-inputs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a KPI input */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /** @description null: the enterprise as a whole; else one of its unit flow nodes (or give nodeCode) */
                            nodeId: number | null;
                            /** @description a month '2026-03' or a year '2026' (a year row wins over the sum of its months) */
                            period: string;
                            /** @description industrial value added, 10,000 CNY (万元, current prices) */
                            valueAdded10kCny: number | null;
                            /** @description production of the main product, t */
                            productionT: number | null;
                            /** @description catalogue code of the product productionT counts */
                            mainProduct: string | null;
                            note: string | null;
                            /** @description the unit node’s code (null: the enterprise as a whole) */
                            nodeCode: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a KPI input */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a KPI input’s figures */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description industrial value added, 10,000 CNY (万元, current prices) */
                        valueAdded10kCny?: number | null;
                        /** @description production of the main product, t */
                        productionT?: number | null;
                        /** @description catalogue code of the product productionT counts */
                        mainProduct?: string | null;
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /** @description null: the enterprise as a whole; else one of its unit flow nodes (or give nodeCode) */
                            nodeId: number | null;
                            /** @description a month '2026-03' or a year '2026' (a year row wins over the sum of its months) */
                            period: string;
                            /** @description industrial value added, 10,000 CNY (万元, current prices) */
                            valueAdded10kCny: number | null;
                            /** @description production of the main product, t */
                            productionT: number | null;
                            /** @description catalogue code of the product productionT counts */
                            mainProduct: string | null;
                            note: string | null;
                            /** @description the unit node’s code (null: the enterprise as a whole) */
                            nodeCode: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/kpi-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List kpi targets */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    /** @description null: the park's own target */
                    enterpriseId?: number;
                    /** @description the indicator */
                    key?: "solid_waste_utilization_rate" | "hazardous_waste_utilization_rate" | "hazardous_waste_safe_disposal_rate" | "energy_tce" | "energy_intensity_tce_per_10k_cny" | "energy_tce_per_t_product" | "water_intensity_m3_per_10k_cny" | "water_reuse_rate" | "co2_scope1_t" | "co2_scope2_t" | "carbon_intensity_t_per_10k_cny" | "cti_circular_inflow" | "cti_circular_outflow";
                    /** @description absolute: a bound by the target year; reduction: percent down from the base year */
                    kind?: "absolute" | "reduction";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description null: the park's own target */
                                enterpriseId: number | null;
                                /**
                                 * @description the indicator
                                 * @enum {string}
                                 */
                                key: "solid_waste_utilization_rate" | "hazardous_waste_utilization_rate" | "hazardous_waste_safe_disposal_rate" | "energy_tce" | "energy_intensity_tce_per_10k_cny" | "energy_tce_per_t_product" | "water_intensity_m3_per_10k_cny" | "water_reuse_rate" | "co2_scope1_t" | "co2_scope2_t" | "carbon_intensity_t_per_10k_cny" | "cti_circular_inflow" | "cti_circular_outflow";
                                /**
                                 * @description absolute: a bound by the target year; reduction: percent down from the base year
                                 * @enum {string}
                                 */
                                kind: "absolute" | "reduction";
                                /** @description absolute: the bound, in the indicator’s unit */
                                value: number | null;
                                /** @description reduction: percent cut from the base year’s value, 0 < percent < 100 */
                                percent: number | null;
                                /** @description the year the trajectory starts from */
                                baseYear: number;
                                /** @description the base year’s value; null: computed from the ledger */
                                baseValue: number | null;
                                /** @description the year the target is due (after the base year) */
                                targetYear: number;
                                note: string | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a kpi target */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description null: the park's own target */
                        enterpriseId?: number | null;
                        /**
                         * @description the indicator
                         * @enum {string}
                         */
                        key: "solid_waste_utilization_rate" | "hazardous_waste_utilization_rate" | "hazardous_waste_safe_disposal_rate" | "energy_tce" | "energy_intensity_tce_per_10k_cny" | "energy_tce_per_t_product" | "water_intensity_m3_per_10k_cny" | "water_reuse_rate" | "co2_scope1_t" | "co2_scope2_t" | "carbon_intensity_t_per_10k_cny" | "cti_circular_inflow" | "cti_circular_outflow";
                        /**
                         * @description absolute: a bound by the target year; reduction: percent down from the base year
                         * @enum {string}
                         */
                        kind: "absolute" | "reduction";
                        /** @description absolute: the bound, in the indicator’s unit */
                        value?: number | null;
                        /** @description reduction: percent cut from the base year’s value, 0 < percent < 100 */
                        percent?: number | null;
                        /** @description the year the trajectory starts from */
                        baseYear: number;
                        /** @description the base year’s value; null: computed from the ledger */
                        baseValue?: number | null;
                        /** @description the year the target is due (after the base year) */
                        targetYear: number;
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description null: the park's own target */
                            enterpriseId: number | null;
                            /**
                             * @description the indicator
                             * @enum {string}
                             */
                            key: "solid_waste_utilization_rate" | "hazardous_waste_utilization_rate" | "hazardous_waste_safe_disposal_rate" | "energy_tce" | "energy_intensity_tce_per_10k_cny" | "energy_tce_per_t_product" | "water_intensity_m3_per_10k_cny" | "water_reuse_rate" | "co2_scope1_t" | "co2_scope2_t" | "carbon_intensity_t_per_10k_cny" | "cti_circular_inflow" | "cti_circular_outflow";
                            /**
                             * @description absolute: a bound by the target year; reduction: percent down from the base year
                             * @enum {string}
                             */
                            kind: "absolute" | "reduction";
                            /** @description absolute: the bound, in the indicator’s unit */
                            value: number | null;
                            /** @description reduction: percent cut from the base year’s value, 0 < percent < 100 */
                            percent: number | null;
                            /** @description the year the trajectory starts from */
                            baseYear: number;
                            /** @description the base year’s value; null: computed from the ledger */
                            baseValue: number | null;
                            /** @description the year the target is due (after the base year) */
                            targetYear: number;
                            note: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kpi-targets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a kpi target */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description null: the park's own target */
                            enterpriseId: number | null;
                            /**
                             * @description the indicator
                             * @enum {string}
                             */
                            key: "solid_waste_utilization_rate" | "hazardous_waste_utilization_rate" | "hazardous_waste_safe_disposal_rate" | "energy_tce" | "energy_intensity_tce_per_10k_cny" | "energy_tce_per_t_product" | "water_intensity_m3_per_10k_cny" | "water_reuse_rate" | "co2_scope1_t" | "co2_scope2_t" | "carbon_intensity_t_per_10k_cny" | "cti_circular_inflow" | "cti_circular_outflow";
                            /**
                             * @description absolute: a bound by the target year; reduction: percent down from the base year
                             * @enum {string}
                             */
                            kind: "absolute" | "reduction";
                            /** @description absolute: the bound, in the indicator’s unit */
                            value: number | null;
                            /** @description reduction: percent cut from the base year’s value, 0 < percent < 100 */
                            percent: number | null;
                            /** @description the year the trajectory starts from */
                            baseYear: number;
                            /** @description the base year’s value; null: computed from the ledger */
                            baseValue: number | null;
                            /** @description the year the target is due (after the base year) */
                            targetYear: number;
                            note: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a kpi target */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a kpi target */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description absolute: a bound by the target year; reduction: percent down from the base year
                         * @enum {string}
                         */
                        kind?: "absolute" | "reduction";
                        /** @description absolute: the bound, in the indicator’s unit */
                        value?: number | null;
                        /** @description reduction: percent cut from the base year’s value, 0 < percent < 100 */
                        percent?: number | null;
                        /** @description the year the trajectory starts from */
                        baseYear?: number;
                        /** @description the base year’s value; null: computed from the ledger */
                        baseValue?: number | null;
                        /** @description the year the target is due (after the base year) */
                        targetYear?: number;
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description null: the park's own target */
                            enterpriseId: number | null;
                            /**
                             * @description the indicator
                             * @enum {string}
                             */
                            key: "solid_waste_utilization_rate" | "hazardous_waste_utilization_rate" | "hazardous_waste_safe_disposal_rate" | "energy_tce" | "energy_intensity_tce_per_10k_cny" | "energy_tce_per_t_product" | "water_intensity_m3_per_10k_cny" | "water_reuse_rate" | "co2_scope1_t" | "co2_scope2_t" | "carbon_intensity_t_per_10k_cny" | "cti_circular_inflow" | "cti_circular_outflow";
                            /**
                             * @description absolute: a bound by the target year; reduction: percent down from the base year
                             * @enum {string}
                             */
                            kind: "absolute" | "reduction";
                            /** @description absolute: the bound, in the indicator’s unit */
                            value: number | null;
                            /** @description reduction: percent cut from the base year’s value, 0 < percent < 100 */
                            percent: number | null;
                            /** @description the year the trajectory starts from */
                            baseYear: number;
                            /** @description the base year’s value; null: computed from the ledger */
                            baseValue: number | null;
                            /** @description the year the target is due (after the base year) */
                            targetYear: number;
                            note: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/exchange-listings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List exchange listings */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    enterpriseId?: number;
                    /** @description offer: what the enterprise gives away or sells; demand: what it would take in */
                    side?: "offer" | "demand";
                    /** @description draft: only the enterprise sees it; published: its audience does; withdrawn: kept for the history of its deals */
                    state?: "draft" | "published" | "withdrawn";
                    /** @description offer: the material offered; demand: the material it needs (the virgin input a match replaces); the park catalogue or the enterprise’s own */
                    materialId?: number;
                    /** @description where the material is (offer) or is needed (demand): one of the enterprise’s sites */
                    siteId?: number;
                    /** @description park: every enterprise sees it once published; partners: only the enterprises partnerIds names (the park always) */
                    audience?: "park" | "partners";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                enterpriseId: number;
                                /**
                                 * @description offer: what the enterprise gives away or sells; demand: what it would take in
                                 * @enum {string}
                                 */
                                side: "offer" | "demand";
                                /**
                                 * @description draft: only the enterprise sees it; published: its audience does; withdrawn: kept for the history of its deals
                                 * @enum {string}
                                 */
                                state: "draft" | "published" | "withdrawn";
                                title: string;
                                /** @description offer: the material offered; demand: the material it needs (the virgin input a match replaces); the park catalogue or the enterprise’s own */
                                materialId: number;
                                accepts: string[] | null;
                                /** @description per recurrence, in the material’s catalogue unit (> 0) */
                                quantity: number;
                                /**
                                 * @description month or year: quantity per month or year; once: one lot within the window
                                 * @enum {string}
                                 */
                                recurrence: "month" | "year" | "once";
                                /** @description first day available, 'YYYY-MM-DD'; null: open */
                                availableFrom: string | null;
                                /** @description last day available, 'YYYY-MM-DD'; null: open */
                                availableTo: string | null;
                                /** @description where the material is (offer) or is needed (demand): one of the enterprise’s sites */
                                siteId: number;
                                properties: {
                                    [key: string]: {
                                        min?: number;
                                        max?: number;
                                    };
                                } | null;
                                /** @description offer: price asked (negative: a gate fee the supplier pays); demand: the most it pays; CNY per unit */
                                priceCnyPerUnit: number | null;
                                /**
                                 * @description offer only: where the material goes today (what a match avoids)
                                 * @enum {string|null}
                                 */
                                currentRoute: "landfill" | "incineration" | "storage" | "treatment" | "discharge" | "vent" | "sold" | "none" | null;
                                /** @description the smallest quantity per match worth moving, per recurrence (≤ quantity); null: any */
                                minLot: number | null;
                                /** @description handling requirements (packaging, temperature, vehicle) */
                                handling: string | null;
                                analyses: {
                                    title: string;
                                    date?: string;
                                    lab?: string;
                                    /** @description quality property → {min, max} (inclusive; a missing bound is open); keys: P2O5 (%), F (%), moisture (%), purity (%), CaO (%), CaSO4_2H2O (%), SO3 (%), Cl (%), S (%), ash (%), water (%), loss_on_ignition (%), heavy_metals (mg/kg), calorific_value (MJ/kg), pressure (MPa), temperature (°C), melt_flow_index (g/10min) */
                                    values?: {
                                        [key: string]: {
                                            min?: number;
                                            max?: number;
                                        };
                                    };
                                }[] | null;
                                /**
                                 * @description park: every enterprise sees it once published; partners: only the enterprises partnerIds names (the park always)
                                 * @enum {string}
                                 */
                                audience: "park" | "partners";
                                partnerIds: number[] | null;
                                /** @description other enterprises see it without the enterprise and site until a deal is agreed (the park sees who) */
                                anonymous: boolean;
                                /** @description the ledger flow it was drafted from */
                                sourceFlowId: number | null;
                                note: string | null;
                                /** @description the material’s code */
                                materialCode: string | null;
                                /** @description the material’s catalogue unit: what quantity counts in */
                                materialUnit: string | null;
                                /** @description the site’s code */
                                siteCode: string | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a exchange listing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enterpriseId?: number;
                        /**
                         * @description offer: what the enterprise gives away or sells; demand: what it would take in
                         * @enum {string}
                         */
                        side: "offer" | "demand";
                        /**
                         * @description draft: only the enterprise sees it; published: its audience does; withdrawn: kept for the history of its deals
                         * @enum {string}
                         */
                        state?: "draft" | "published" | "withdrawn";
                        title: string;
                        /** @description offer: the material offered; demand: the material it needs (the virgin input a match replaces); the park catalogue or the enterprise’s own */
                        materialId: number;
                        accepts?: string[] | null;
                        /** @description per recurrence, in the material’s catalogue unit (> 0) */
                        quantity: number;
                        /**
                         * @description month or year: quantity per month or year; once: one lot within the window
                         * @enum {string}
                         */
                        recurrence?: "month" | "year" | "once";
                        /** @description first day available, 'YYYY-MM-DD'; null: open */
                        availableFrom?: string | null;
                        /** @description last day available, 'YYYY-MM-DD'; null: open */
                        availableTo?: string | null;
                        /** @description where the material is (offer) or is needed (demand): one of the enterprise’s sites */
                        siteId: number;
                        properties?: {
                            [key: string]: {
                                min?: number;
                                max?: number;
                            };
                        } | null;
                        /** @description offer: price asked (negative: a gate fee the supplier pays); demand: the most it pays; CNY per unit */
                        priceCnyPerUnit?: number | null;
                        /**
                         * @description offer only: where the material goes today (what a match avoids)
                         * @enum {string|null}
                         */
                        currentRoute?: "landfill" | "incineration" | "storage" | "treatment" | "discharge" | "vent" | "sold" | "none" | null;
                        /** @description the smallest quantity per match worth moving, per recurrence (≤ quantity); null: any */
                        minLot?: number | null;
                        /** @description handling requirements (packaging, temperature, vehicle) */
                        handling?: string | null;
                        analyses?: {
                            title: string;
                            date?: string;
                            lab?: string;
                            /** @description quality property → {min, max} (inclusive; a missing bound is open); keys: P2O5 (%), F (%), moisture (%), purity (%), CaO (%), CaSO4_2H2O (%), SO3 (%), Cl (%), S (%), ash (%), water (%), loss_on_ignition (%), heavy_metals (mg/kg), calorific_value (MJ/kg), pressure (MPa), temperature (°C), melt_flow_index (g/10min) */
                            values?: {
                                [key: string]: {
                                    min?: number;
                                    max?: number;
                                };
                            };
                        }[] | null;
                        /**
                         * @description park: every enterprise sees it once published; partners: only the enterprises partnerIds names (the park always)
                         * @enum {string}
                         */
                        audience?: "park" | "partners";
                        partnerIds?: number[] | null;
                        /** @description other enterprises see it without the enterprise and site until a deal is agreed (the park sees who) */
                        anonymous?: boolean;
                        /** @description the ledger flow it was drafted from */
                        sourceFlowId?: number | null;
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /**
                             * @description offer: what the enterprise gives away or sells; demand: what it would take in
                             * @enum {string}
                             */
                            side: "offer" | "demand";
                            /**
                             * @description draft: only the enterprise sees it; published: its audience does; withdrawn: kept for the history of its deals
                             * @enum {string}
                             */
                            state: "draft" | "published" | "withdrawn";
                            title: string;
                            /** @description offer: the material offered; demand: the material it needs (the virgin input a match replaces); the park catalogue or the enterprise’s own */
                            materialId: number;
                            accepts: string[] | null;
                            /** @description per recurrence, in the material’s catalogue unit (> 0) */
                            quantity: number;
                            /**
                             * @description month or year: quantity per month or year; once: one lot within the window
                             * @enum {string}
                             */
                            recurrence: "month" | "year" | "once";
                            /** @description first day available, 'YYYY-MM-DD'; null: open */
                            availableFrom: string | null;
                            /** @description last day available, 'YYYY-MM-DD'; null: open */
                            availableTo: string | null;
                            /** @description where the material is (offer) or is needed (demand): one of the enterprise’s sites */
                            siteId: number;
                            properties: {
                                [key: string]: {
                                    min?: number;
                                    max?: number;
                                };
                            } | null;
                            /** @description offer: price asked (negative: a gate fee the supplier pays); demand: the most it pays; CNY per unit */
                            priceCnyPerUnit: number | null;
                            /**
                             * @description offer only: where the material goes today (what a match avoids)
                             * @enum {string|null}
                             */
                            currentRoute: "landfill" | "incineration" | "storage" | "treatment" | "discharge" | "vent" | "sold" | "none" | null;
                            /** @description the smallest quantity per match worth moving, per recurrence (≤ quantity); null: any */
                            minLot: number | null;
                            /** @description handling requirements (packaging, temperature, vehicle) */
                            handling: string | null;
                            analyses: {
                                title: string;
                                date?: string;
                                lab?: string;
                                /** @description quality property → {min, max} (inclusive; a missing bound is open); keys: P2O5 (%), F (%), moisture (%), purity (%), CaO (%), CaSO4_2H2O (%), SO3 (%), Cl (%), S (%), ash (%), water (%), loss_on_ignition (%), heavy_metals (mg/kg), calorific_value (MJ/kg), pressure (MPa), temperature (°C), melt_flow_index (g/10min) */
                                values?: {
                                    [key: string]: {
                                        min?: number;
                                        max?: number;
                                    };
                                };
                            }[] | null;
                            /**
                             * @description park: every enterprise sees it once published; partners: only the enterprises partnerIds names (the park always)
                             * @enum {string}
                             */
                            audience: "park" | "partners";
                            partnerIds: number[] | null;
                            /** @description other enterprises see it without the enterprise and site until a deal is agreed (the park sees who) */
                            anonymous: boolean;
                            /** @description the ledger flow it was drafted from */
                            sourceFlowId: number | null;
                            note: string | null;
                            /** @description the material’s code */
                            materialCode: string | null;
                            /** @description the material’s catalogue unit: what quantity counts in */
                            materialUnit: string | null;
                            /** @description the site’s code */
                            siteCode: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exchange-listings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a exchange listing */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /**
                             * @description offer: what the enterprise gives away or sells; demand: what it would take in
                             * @enum {string}
                             */
                            side: "offer" | "demand";
                            /**
                             * @description draft: only the enterprise sees it; published: its audience does; withdrawn: kept for the history of its deals
                             * @enum {string}
                             */
                            state: "draft" | "published" | "withdrawn";
                            title: string;
                            /** @description offer: the material offered; demand: the material it needs (the virgin input a match replaces); the park catalogue or the enterprise’s own */
                            materialId: number;
                            accepts: string[] | null;
                            /** @description per recurrence, in the material’s catalogue unit (> 0) */
                            quantity: number;
                            /**
                             * @description month or year: quantity per month or year; once: one lot within the window
                             * @enum {string}
                             */
                            recurrence: "month" | "year" | "once";
                            /** @description first day available, 'YYYY-MM-DD'; null: open */
                            availableFrom: string | null;
                            /** @description last day available, 'YYYY-MM-DD'; null: open */
                            availableTo: string | null;
                            /** @description where the material is (offer) or is needed (demand): one of the enterprise’s sites */
                            siteId: number;
                            properties: {
                                [key: string]: {
                                    min?: number;
                                    max?: number;
                                };
                            } | null;
                            /** @description offer: price asked (negative: a gate fee the supplier pays); demand: the most it pays; CNY per unit */
                            priceCnyPerUnit: number | null;
                            /**
                             * @description offer only: where the material goes today (what a match avoids)
                             * @enum {string|null}
                             */
                            currentRoute: "landfill" | "incineration" | "storage" | "treatment" | "discharge" | "vent" | "sold" | "none" | null;
                            /** @description the smallest quantity per match worth moving, per recurrence (≤ quantity); null: any */
                            minLot: number | null;
                            /** @description handling requirements (packaging, temperature, vehicle) */
                            handling: string | null;
                            analyses: {
                                title: string;
                                date?: string;
                                lab?: string;
                                /** @description quality property → {min, max} (inclusive; a missing bound is open); keys: P2O5 (%), F (%), moisture (%), purity (%), CaO (%), CaSO4_2H2O (%), SO3 (%), Cl (%), S (%), ash (%), water (%), loss_on_ignition (%), heavy_metals (mg/kg), calorific_value (MJ/kg), pressure (MPa), temperature (°C), melt_flow_index (g/10min) */
                                values?: {
                                    [key: string]: {
                                        min?: number;
                                        max?: number;
                                    };
                                };
                            }[] | null;
                            /**
                             * @description park: every enterprise sees it once published; partners: only the enterprises partnerIds names (the park always)
                             * @enum {string}
                             */
                            audience: "park" | "partners";
                            partnerIds: number[] | null;
                            /** @description other enterprises see it without the enterprise and site until a deal is agreed (the park sees who) */
                            anonymous: boolean;
                            /** @description the ledger flow it was drafted from */
                            sourceFlowId: number | null;
                            note: string | null;
                            /** @description the material’s code */
                            materialCode: string | null;
                            /** @description the material’s catalogue unit: what quantity counts in */
                            materialUnit: string | null;
                            /** @description the site’s code */
                            siteCode: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a exchange listing */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a exchange listing */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description draft: only the enterprise sees it; published: its audience does; withdrawn: kept for the history of its deals
                         * @enum {string}
                         */
                        state?: "draft" | "published" | "withdrawn";
                        title?: string;
                        /** @description offer: the material offered; demand: the material it needs (the virgin input a match replaces); the park catalogue or the enterprise’s own */
                        materialId?: number;
                        accepts?: string[] | null;
                        /** @description per recurrence, in the material’s catalogue unit (> 0) */
                        quantity?: number;
                        /**
                         * @description month or year: quantity per month or year; once: one lot within the window
                         * @enum {string}
                         */
                        recurrence?: "month" | "year" | "once";
                        /** @description first day available, 'YYYY-MM-DD'; null: open */
                        availableFrom?: string | null;
                        /** @description last day available, 'YYYY-MM-DD'; null: open */
                        availableTo?: string | null;
                        /** @description where the material is (offer) or is needed (demand): one of the enterprise’s sites */
                        siteId?: number;
                        properties?: {
                            [key: string]: {
                                min?: number;
                                max?: number;
                            };
                        } | null;
                        /** @description offer: price asked (negative: a gate fee the supplier pays); demand: the most it pays; CNY per unit */
                        priceCnyPerUnit?: number | null;
                        /**
                         * @description offer only: where the material goes today (what a match avoids)
                         * @enum {string|null}
                         */
                        currentRoute?: "landfill" | "incineration" | "storage" | "treatment" | "discharge" | "vent" | "sold" | "none" | null;
                        /** @description the smallest quantity per match worth moving, per recurrence (≤ quantity); null: any */
                        minLot?: number | null;
                        /** @description handling requirements (packaging, temperature, vehicle) */
                        handling?: string | null;
                        analyses?: {
                            title: string;
                            date?: string;
                            lab?: string;
                            /** @description quality property → {min, max} (inclusive; a missing bound is open); keys: P2O5 (%), F (%), moisture (%), purity (%), CaO (%), CaSO4_2H2O (%), SO3 (%), Cl (%), S (%), ash (%), water (%), loss_on_ignition (%), heavy_metals (mg/kg), calorific_value (MJ/kg), pressure (MPa), temperature (°C), melt_flow_index (g/10min) */
                            values?: {
                                [key: string]: {
                                    min?: number;
                                    max?: number;
                                };
                            };
                        }[] | null;
                        /**
                         * @description park: every enterprise sees it once published; partners: only the enterprises partnerIds names (the park always)
                         * @enum {string}
                         */
                        audience?: "park" | "partners";
                        partnerIds?: number[] | null;
                        /** @description other enterprises see it without the enterprise and site until a deal is agreed (the park sees who) */
                        anonymous?: boolean;
                        /** @description the ledger flow it was drafted from */
                        sourceFlowId?: number | null;
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /**
                             * @description offer: what the enterprise gives away or sells; demand: what it would take in
                             * @enum {string}
                             */
                            side: "offer" | "demand";
                            /**
                             * @description draft: only the enterprise sees it; published: its audience does; withdrawn: kept for the history of its deals
                             * @enum {string}
                             */
                            state: "draft" | "published" | "withdrawn";
                            title: string;
                            /** @description offer: the material offered; demand: the material it needs (the virgin input a match replaces); the park catalogue or the enterprise’s own */
                            materialId: number;
                            accepts: string[] | null;
                            /** @description per recurrence, in the material’s catalogue unit (> 0) */
                            quantity: number;
                            /**
                             * @description month or year: quantity per month or year; once: one lot within the window
                             * @enum {string}
                             */
                            recurrence: "month" | "year" | "once";
                            /** @description first day available, 'YYYY-MM-DD'; null: open */
                            availableFrom: string | null;
                            /** @description last day available, 'YYYY-MM-DD'; null: open */
                            availableTo: string | null;
                            /** @description where the material is (offer) or is needed (demand): one of the enterprise’s sites */
                            siteId: number;
                            properties: {
                                [key: string]: {
                                    min?: number;
                                    max?: number;
                                };
                            } | null;
                            /** @description offer: price asked (negative: a gate fee the supplier pays); demand: the most it pays; CNY per unit */
                            priceCnyPerUnit: number | null;
                            /**
                             * @description offer only: where the material goes today (what a match avoids)
                             * @enum {string|null}
                             */
                            currentRoute: "landfill" | "incineration" | "storage" | "treatment" | "discharge" | "vent" | "sold" | "none" | null;
                            /** @description the smallest quantity per match worth moving, per recurrence (≤ quantity); null: any */
                            minLot: number | null;
                            /** @description handling requirements (packaging, temperature, vehicle) */
                            handling: string | null;
                            analyses: {
                                title: string;
                                date?: string;
                                lab?: string;
                                /** @description quality property → {min, max} (inclusive; a missing bound is open); keys: P2O5 (%), F (%), moisture (%), purity (%), CaO (%), CaSO4_2H2O (%), SO3 (%), Cl (%), S (%), ash (%), water (%), loss_on_ignition (%), heavy_metals (mg/kg), calorific_value (MJ/kg), pressure (MPa), temperature (°C), melt_flow_index (g/10min) */
                                values?: {
                                    [key: string]: {
                                        min?: number;
                                        max?: number;
                                    };
                                };
                            }[] | null;
                            /**
                             * @description park: every enterprise sees it once published; partners: only the enterprises partnerIds names (the park always)
                             * @enum {string}
                             */
                            audience: "park" | "partners";
                            partnerIds: number[] | null;
                            /** @description other enterprises see it without the enterprise and site until a deal is agreed (the park sees who) */
                            anonymous: boolean;
                            /** @description the ledger flow it was drafted from */
                            sourceFlowId: number | null;
                            note: string | null;
                            /** @description the material’s code */
                            materialCode: string | null;
                            /** @description the material’s catalogue unit: what quantity counts in */
                            materialUnit: string | null;
                            /** @description the site’s code */
                            siteCode: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/waste-licences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List waste licences */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    enterpriseId?: number;
                    /** @description receiver: may take and treat the codes; transporter: may carry them */
                    kind?: "receiver" | "transporter";
                    /** @description receivers: the facility it covers */
                    siteId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                enterpriseId: number;
                                /** @description the licence number (危险废物经营许可证编号) */
                                number: string;
                                /**
                                 * @description receiver: may take and treat the codes; transporter: may carry them
                                 * @enum {string}
                                 */
                                kind: "receiver" | "transporter";
                                codes: string[];
                                /** @description t per year; null: no cap stated */
                                annualCapacityT: number | null;
                                /** @description 'YYYY-MM-DD', inclusive */
                                validFrom: string;
                                /** @description 'YYYY-MM-DD', inclusive */
                                validTo: string;
                                /** @description receivers: the facility it covers */
                                siteId: number | null;
                                /** @description transporters: the vehicle it covers */
                                vehicle: string | null;
                                issuer: string | null;
                                note: string | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a waste licence */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enterpriseId?: number;
                        /** @description the licence number (危险废物经营许可证编号) */
                        number: string;
                        /**
                         * @description receiver: may take and treat the codes; transporter: may carry them
                         * @enum {string}
                         */
                        kind: "receiver" | "transporter";
                        codes: string[];
                        /** @description t per year; null: no cap stated */
                        annualCapacityT?: number | null;
                        /** @description 'YYYY-MM-DD', inclusive */
                        validFrom: string;
                        /** @description 'YYYY-MM-DD', inclusive */
                        validTo: string;
                        /** @description receivers: the facility it covers */
                        siteId?: number | null;
                        /** @description transporters: the vehicle it covers */
                        vehicle?: string | null;
                        issuer?: string | null;
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /** @description the licence number (危险废物经营许可证编号) */
                            number: string;
                            /**
                             * @description receiver: may take and treat the codes; transporter: may carry them
                             * @enum {string}
                             */
                            kind: "receiver" | "transporter";
                            codes: string[];
                            /** @description t per year; null: no cap stated */
                            annualCapacityT: number | null;
                            /** @description 'YYYY-MM-DD', inclusive */
                            validFrom: string;
                            /** @description 'YYYY-MM-DD', inclusive */
                            validTo: string;
                            /** @description receivers: the facility it covers */
                            siteId: number | null;
                            /** @description transporters: the vehicle it covers */
                            vehicle: string | null;
                            issuer: string | null;
                            note: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/waste-licences/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a waste licence */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /** @description the licence number (危险废物经营许可证编号) */
                            number: string;
                            /**
                             * @description receiver: may take and treat the codes; transporter: may carry them
                             * @enum {string}
                             */
                            kind: "receiver" | "transporter";
                            codes: string[];
                            /** @description t per year; null: no cap stated */
                            annualCapacityT: number | null;
                            /** @description 'YYYY-MM-DD', inclusive */
                            validFrom: string;
                            /** @description 'YYYY-MM-DD', inclusive */
                            validTo: string;
                            /** @description receivers: the facility it covers */
                            siteId: number | null;
                            /** @description transporters: the vehicle it covers */
                            vehicle: string | null;
                            issuer: string | null;
                            note: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a waste licence */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a waste licence */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the licence number (危险废物经营许可证编号) */
                        number?: string;
                        /**
                         * @description receiver: may take and treat the codes; transporter: may carry them
                         * @enum {string}
                         */
                        kind?: "receiver" | "transporter";
                        codes?: string[];
                        /** @description t per year; null: no cap stated */
                        annualCapacityT?: number | null;
                        /** @description 'YYYY-MM-DD', inclusive */
                        validFrom?: string;
                        /** @description 'YYYY-MM-DD', inclusive */
                        validTo?: string;
                        /** @description receivers: the facility it covers */
                        siteId?: number | null;
                        /** @description transporters: the vehicle it covers */
                        vehicle?: string | null;
                        issuer?: string | null;
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /** @description the licence number (危险废物经营许可证编号) */
                            number: string;
                            /**
                             * @description receiver: may take and treat the codes; transporter: may carry them
                             * @enum {string}
                             */
                            kind: "receiver" | "transporter";
                            codes: string[];
                            /** @description t per year; null: no cap stated */
                            annualCapacityT: number | null;
                            /** @description 'YYYY-MM-DD', inclusive */
                            validFrom: string;
                            /** @description 'YYYY-MM-DD', inclusive */
                            validTo: string;
                            /** @description receivers: the facility it covers */
                            siteId: number | null;
                            /** @description transporters: the vehicle it covers */
                            vehicle: string | null;
                            issuer: string | null;
                            note: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/exchange-substitutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List exchange substitutions */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    /** @description the material offered (park catalogue) */
                    offeredMaterialId?: number;
                    /** @description the material it stands in for (park catalogue) */
                    replacesMaterialId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description the material offered (park catalogue) */
                                offeredMaterialId: number;
                                /** @description the material it stands in for (park catalogue) */
                                replacesMaterialId: number;
                                /** @description units of the replaced material one unit of the offered one stands in for (> 0) */
                                ratio: number;
                                conditions: {
                                    [key: string]: {
                                        min?: number;
                                        max?: number;
                                    };
                                } | null;
                                /** @description where the rule comes from, e.g. GB/T 23456-2018 */
                                source: string | null;
                                note: string | null;
                                offeredMaterialCode: string | null;
                                replacesMaterialCode: string | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a exchange substitution */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the material offered (park catalogue) */
                        offeredMaterialId: number;
                        /** @description the material it stands in for (park catalogue) */
                        replacesMaterialId: number;
                        /** @description units of the replaced material one unit of the offered one stands in for (> 0) */
                        ratio: number;
                        conditions?: {
                            [key: string]: {
                                min?: number;
                                max?: number;
                            };
                        } | null;
                        /** @description where the rule comes from, e.g. GB/T 23456-2018 */
                        source?: string | null;
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description the material offered (park catalogue) */
                            offeredMaterialId: number;
                            /** @description the material it stands in for (park catalogue) */
                            replacesMaterialId: number;
                            /** @description units of the replaced material one unit of the offered one stands in for (> 0) */
                            ratio: number;
                            conditions: {
                                [key: string]: {
                                    min?: number;
                                    max?: number;
                                };
                            } | null;
                            /** @description where the rule comes from, e.g. GB/T 23456-2018 */
                            source: string | null;
                            note: string | null;
                            offeredMaterialCode: string | null;
                            replacesMaterialCode: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exchange-substitutions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a exchange substitution */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description the material offered (park catalogue) */
                            offeredMaterialId: number;
                            /** @description the material it stands in for (park catalogue) */
                            replacesMaterialId: number;
                            /** @description units of the replaced material one unit of the offered one stands in for (> 0) */
                            ratio: number;
                            conditions: {
                                [key: string]: {
                                    min?: number;
                                    max?: number;
                                };
                            } | null;
                            /** @description where the rule comes from, e.g. GB/T 23456-2018 */
                            source: string | null;
                            note: string | null;
                            offeredMaterialCode: string | null;
                            replacesMaterialCode: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a exchange substitution */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a exchange substitution */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the material offered (park catalogue) */
                        offeredMaterialId?: number;
                        /** @description the material it stands in for (park catalogue) */
                        replacesMaterialId?: number;
                        /** @description units of the replaced material one unit of the offered one stands in for (> 0) */
                        ratio?: number;
                        conditions?: {
                            [key: string]: {
                                min?: number;
                                max?: number;
                            };
                        } | null;
                        /** @description where the rule comes from, e.g. GB/T 23456-2018 */
                        source?: string | null;
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description the material offered (park catalogue) */
                            offeredMaterialId: number;
                            /** @description the material it stands in for (park catalogue) */
                            replacesMaterialId: number;
                            /** @description units of the replaced material one unit of the offered one stands in for (> 0) */
                            ratio: number;
                            conditions: {
                                [key: string]: {
                                    min?: number;
                                    max?: number;
                                };
                            } | null;
                            /** @description where the rule comes from, e.g. GB/T 23456-2018 */
                            source: string | null;
                            note: string | null;
                            offeredMaterialCode: string | null;
                            replacesMaterialCode: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/exchange-distances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List exchange distances */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    fromSiteId?: number;
                    toSiteId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                fromSiteId: number;
                                toSiteId: number;
                                /** @description road (or pipe) km from one site to the other (> 0); wins over the coordinates */
                                km: number;
                                note: string | null;
                                fromSiteCode: string | null;
                                toSiteCode: string | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a exchange distance */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fromSiteId: number;
                        toSiteId: number;
                        /** @description road (or pipe) km from one site to the other (> 0); wins over the coordinates */
                        km: number;
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            fromSiteId: number;
                            toSiteId: number;
                            /** @description road (or pipe) km from one site to the other (> 0); wins over the coordinates */
                            km: number;
                            note: string | null;
                            fromSiteCode: string | null;
                            toSiteCode: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exchange-distances/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a exchange distance */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            fromSiteId: number;
                            toSiteId: number;
                            /** @description road (or pipe) km from one site to the other (> 0); wins over the coordinates */
                            km: number;
                            note: string | null;
                            fromSiteCode: string | null;
                            toSiteCode: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a exchange distance */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a exchange distance */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fromSiteId?: number;
                        toSiteId?: number;
                        /** @description road (or pipe) km from one site to the other (> 0); wins over the coordinates */
                        km?: number;
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            fromSiteId: number;
                            toSiteId: number;
                            /** @description road (or pipe) km from one site to the other (> 0); wins over the coordinates */
                            km: number;
                            note: string | null;
                            fromSiteCode: string | null;
                            toSiteCode: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/exchange/market": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published offers and demands the caller may see (its own, the park’s audience, partners naming it; park roles all), anonymous ones of others without enterprise and site */
        get: {
            parameters: {
                query: {
                    side?: "offer" | "demand";
                    /** @description a material code: listings of it, and demands that accept it */
                    material?: string;
                    /** @description a waste code (HW08/900-249-08), class (HW08) or solid waste category (SW10): listings of materials with it, and demands that accept it */
                    code?: string;
                    enterpriseId?: number;
                    /** @description searches titles, notes, handling and material names */
                    q?: string;
                    limit: number;
                    offset: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description null: an anonymous listing of another enterprise */
                                enterpriseId: number | null;
                                /**
                                 * @description offer: what the enterprise gives away or sells; demand: what it would take in
                                 * @enum {string}
                                 */
                                side: "offer" | "demand";
                                /**
                                 * @description draft: only the enterprise sees it; published: its audience does; withdrawn: kept for the history of its deals
                                 * @enum {string}
                                 */
                                state: "draft" | "published" | "withdrawn";
                                title: string;
                                /** @description offer: the material offered; demand: the material it needs (the virgin input a match replaces); the park catalogue or the enterprise’s own */
                                materialId: number;
                                accepts: string[] | null;
                                /** @description per recurrence, in the material’s catalogue unit (> 0) */
                                quantity: number;
                                /**
                                 * @description month or year: quantity per month or year; once: one lot within the window
                                 * @enum {string}
                                 */
                                recurrence: "month" | "year" | "once";
                                /** @description first day available, 'YYYY-MM-DD'; null: open */
                                availableFrom: string | null;
                                /** @description last day available, 'YYYY-MM-DD'; null: open */
                                availableTo: string | null;
                                /** @description null: an anonymous listing of another enterprise */
                                siteId: number | null;
                                properties: {
                                    [key: string]: {
                                        min?: number;
                                        max?: number;
                                    };
                                } | null;
                                /** @description offer: price asked (negative: a gate fee the supplier pays); demand: the most it pays; CNY per unit */
                                priceCnyPerUnit: number | null;
                                /**
                                 * @description offer only: where the material goes today (what a match avoids)
                                 * @enum {string|null}
                                 */
                                currentRoute: "landfill" | "incineration" | "storage" | "treatment" | "discharge" | "vent" | "sold" | "none" | null;
                                /** @description the smallest quantity per match worth moving, per recurrence (≤ quantity); null: any */
                                minLot: number | null;
                                /** @description handling requirements (packaging, temperature, vehicle) */
                                handling: string | null;
                                analyses: {
                                    title: string;
                                    date?: string;
                                    lab?: string;
                                    /** @description quality property → {min, max} (inclusive; a missing bound is open); keys: P2O5 (%), F (%), moisture (%), purity (%), CaO (%), CaSO4_2H2O (%), SO3 (%), Cl (%), S (%), ash (%), water (%), loss_on_ignition (%), heavy_metals (mg/kg), calorific_value (MJ/kg), pressure (MPa), temperature (°C), melt_flow_index (g/10min) */
                                    values?: {
                                        [key: string]: {
                                            min?: number;
                                            max?: number;
                                        };
                                    };
                                }[] | null;
                                /**
                                 * @description park: every enterprise sees it once published; partners: only the enterprises partnerIds names (the park always)
                                 * @enum {string}
                                 */
                                audience: "park" | "partners";
                                partnerIds: number[] | null;
                                /** @description other enterprises see it without the enterprise and site until a deal is agreed (the park sees who) */
                                anonymous: boolean;
                                /** @description the ledger flow it was drafted from */
                                sourceFlowId: number | null;
                                note: string | null;
                                /** @description the material’s code */
                                materialCode: string | null;
                                /** @description the material’s catalogue unit: what quantity counts in */
                                materialUnit: string | null;
                                /** @description the site’s code */
                                siteCode: string | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                                enterpriseCode: string | null;
                                enterpriseName: string | null;
                                enterpriseNameEn: string | null;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exchange/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The park’s exchange settings: carbon price, road factor, transport, disposal and virgin-material costs and CO2 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description what a tonne of CO2 is worth in the objective, CNY */
                            carbonPriceCnyPerT: number;
                            /** @description road km per straight-line km where the distance table says nothing */
                            roadFactor: number;
                            transport: {
                                road: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                    maxKm: number | null;
                                };
                                pipeline_steam: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                    maxKm: number | null;
                                };
                                pipeline_gas: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                    maxKm: number | null;
                                };
                                heat_network: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                    maxKm: number | null;
                                };
                            };
                            disposal: {
                                landfill: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                };
                                incineration: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                };
                                storage: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                };
                                treatment: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                };
                                discharge: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                };
                                vent: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                };
                                sold: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                };
                                none: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                };
                            };
                            virgin: {
                                [key: string]: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                };
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        /** Replace the park’s exchange settings (park administrator) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description what a tonne of CO2 is worth in the objective, CNY */
                        carbonPriceCnyPerT: number;
                        /** @description road km per straight-line km where the distance table says nothing */
                        roadFactor: number;
                        transport: {
                            road: {
                                /** @description CNY per unit */
                                cnyPerUnit: number;
                                /** @description kg CO2 per unit */
                                kgCo2PerUnit: number;
                                maxKm: number | null;
                            };
                            pipeline_steam: {
                                /** @description CNY per unit */
                                cnyPerUnit: number;
                                /** @description kg CO2 per unit */
                                kgCo2PerUnit: number;
                                maxKm: number | null;
                            };
                            pipeline_gas: {
                                /** @description CNY per unit */
                                cnyPerUnit: number;
                                /** @description kg CO2 per unit */
                                kgCo2PerUnit: number;
                                maxKm: number | null;
                            };
                            heat_network: {
                                /** @description CNY per unit */
                                cnyPerUnit: number;
                                /** @description kg CO2 per unit */
                                kgCo2PerUnit: number;
                                maxKm: number | null;
                            };
                        };
                        disposal: {
                            landfill: {
                                /** @description CNY per unit */
                                cnyPerUnit: number;
                                /** @description kg CO2 per unit */
                                kgCo2PerUnit: number;
                            };
                            incineration: {
                                /** @description CNY per unit */
                                cnyPerUnit: number;
                                /** @description kg CO2 per unit */
                                kgCo2PerUnit: number;
                            };
                            storage: {
                                /** @description CNY per unit */
                                cnyPerUnit: number;
                                /** @description kg CO2 per unit */
                                kgCo2PerUnit: number;
                            };
                            treatment: {
                                /** @description CNY per unit */
                                cnyPerUnit: number;
                                /** @description kg CO2 per unit */
                                kgCo2PerUnit: number;
                            };
                            discharge: {
                                /** @description CNY per unit */
                                cnyPerUnit: number;
                                /** @description kg CO2 per unit */
                                kgCo2PerUnit: number;
                            };
                            vent: {
                                /** @description CNY per unit */
                                cnyPerUnit: number;
                                /** @description kg CO2 per unit */
                                kgCo2PerUnit: number;
                            };
                            sold: {
                                /** @description CNY per unit */
                                cnyPerUnit: number;
                                /** @description kg CO2 per unit */
                                kgCo2PerUnit: number;
                            };
                            none: {
                                /** @description CNY per unit */
                                cnyPerUnit: number;
                                /** @description kg CO2 per unit */
                                kgCo2PerUnit: number;
                            };
                        };
                        virgin: {
                            [key: string]: {
                                /** @description CNY per unit */
                                cnyPerUnit: number;
                                /** @description kg CO2 per unit */
                                kgCo2PerUnit: number;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description what a tonne of CO2 is worth in the objective, CNY */
                            carbonPriceCnyPerT: number;
                            /** @description road km per straight-line km where the distance table says nothing */
                            roadFactor: number;
                            transport: {
                                road: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                    maxKm: number | null;
                                };
                                pipeline_steam: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                    maxKm: number | null;
                                };
                                pipeline_gas: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                    maxKm: number | null;
                                };
                                heat_network: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                    maxKm: number | null;
                                };
                            };
                            disposal: {
                                landfill: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                };
                                incineration: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                };
                                storage: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                };
                                treatment: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                };
                                discharge: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                };
                                vent: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                };
                                sold: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                };
                                none: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                };
                            };
                            virgin: {
                                [key: string]: {
                                    /** @description CNY per unit */
                                    cnyPerUnit: number;
                                    /** @description kg CO2 per unit */
                                    kgCo2PerUnit: number;
                                };
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exchange/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The optimal allocation of offers to demands over what the caller sees (HiGHS), with optional what-if changes; writes nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        grain?: "month" | "year";
                        /** @description 'YYYY-MM' or 'YYYY'; default the current month (year) of the park's time zone */
                        period?: string;
                        carbonPriceCnyPerT?: number;
                        prices?: {
                            listing: number;
                            priceCnyPerUnit: number | null;
                        }[];
                        quantities?: {
                            listing: number;
                            quantity: number;
                        }[];
                        excludeEnterprises?: number[];
                        disposalFees?: {
                            landfill?: number;
                            incineration?: number;
                            storage?: number;
                            treatment?: number;
                            discharge?: number;
                            vent?: number;
                            sold?: number;
                            none?: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Σ unitNetBenefit × quantity, CNY: the optimum HiGHS found */
                            objective: number;
                            offers: {
                                id: number;
                                quantity: number;
                                allocated: number;
                            }[];
                            demands: {
                                id: number;
                                quantity: number;
                                allocated: number;
                            }[];
                            candidates: {
                                offer: number;
                                demand: number;
                                /** @description CNY per unit of the offered material, carbon priced in */
                                unitNetBenefit: number;
                                maxQuantity: number;
                                minLot: number;
                                quantity: number;
                                explanation: {
                                    text: string;
                                    /** @enum {string} */
                                    basis: "same_material" | "accepted_code" | "substitution";
                                    substitutionSource: string | null;
                                    ratio: number;
                                    distanceKm: number;
                                    /** @enum {string} */
                                    distanceFrom: "table" | "coordinates";
                                    /** @enum {string} */
                                    mode: "road" | "pipeline_steam" | "pipeline_gas" | "heat_network";
                                    transportCnyPerUnit: number;
                                    transportKgCo2PerUnit: number;
                                    avoidedDisposalCnyPerUnit: number;
                                    avoidedDisposalKgCo2PerUnit: number;
                                    avoidedVirginCnyPerUnit: number;
                                    avoidedVirginKgCo2PerUnit: number;
                                    netCnyPerUnit: number;
                                    netKgCo2PerUnit: number;
                                    savesCny: number;
                                    savesTCo2: number;
                                    licenceId: number | null;
                                };
                            }[];
                            limits: {
                                /** @enum {string} */
                                kind: "licence";
                                id: number;
                                candidates: number[];
                                quantity: number;
                            }[];
                            excluded: {
                                offer: number;
                                demand: number;
                                reasons: {
                                    /** @enum {string} */
                                    code: "material_mismatch" | "quality_unknown" | "quality_out_of_range" | "no_time_overlap" | "licence_missing" | "licence_expired" | "licence_code" | "licence_capacity" | "same_enterprise" | "too_far" | "no_coordinates" | "unit_mismatch" | "lot_too_large";
                                    message: string;
                                    params?: {
                                        [key: string]: string | number;
                                    };
                                }[];
                            }[];
                            greedyObjective: number;
                            totals: {
                                movedT: number;
                                savesCny: number;
                                savesTCo2: number;
                            };
                            period: {
                                /** @enum {string} */
                                grain: "month" | "year";
                                from: string;
                                to: string;
                            };
                            carbonPriceCnyPerT: number;
                            solver: {
                                /** @enum {string} */
                                name: "HiGHS";
                                status: string;
                                /** @description the MIP gap the plan is proven within (1e-4: 0.01 %) */
                                relativeGap: number;
                                ms: number;
                                variables: number;
                                integers: number;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exchange/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Offers the caller’s enterprise could make: its wastes and by-products sent to landfill, incineration or storage over the last twelve months */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                enterpriseId: number;
                                materialId: number;
                                materialCode: string;
                                title: string;
                                /** @description monthly average of the last twelve months, in the material’s unit */
                                quantity: number;
                                unit: string;
                                /** @enum {string} */
                                recurrence: "month";
                                /** @enum {string} */
                                currentRoute: "landfill" | "incineration" | "storage" | "treatment" | "discharge" | "vent" | "sold" | "none";
                                siteId: number | null;
                                sourceNodeCode: string;
                                sourceFlowIds: number[];
                            }[];
                            /** @description the first month read, 'YYYY-MM' */
                            from: string;
                            /** @description the last month read, 'YYYY-MM' */
                            to: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exchange/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deals the caller's enterprise is a party to (every deal for park roles); role narrows to those it supplies or receives; latest change first */
        get: {
            parameters: {
                query: {
                    state?: "proposed" | "accepted" | "declined" | "withdrawn" | "completed" | "terminated";
                    role?: "supplier" | "receiver" | "any";
                    limit: number;
                    offset: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @enum {string} */
                                state: "proposed" | "accepted" | "declined" | "withdrawn" | "completed" | "terminated";
                                version: number;
                                /**
                                 * @description whose answer the deal waits for; null once settled
                                 * @enum {string|null}
                                 */
                                turn: "supplier" | "receiver" | null;
                                /**
                                 * @description the caller's side of the deal (park: a park role watching)
                                 * @enum {string}
                                 */
                                role: "supplier" | "receiver" | "park";
                                supplier: {
                                    id: number;
                                    code: string;
                                    name: string;
                                    nameEn: string | null;
                                } | null;
                                receiver: {
                                    id: number;
                                    code: string;
                                    name: string;
                                    nameEn: string | null;
                                };
                                /** @description the offer was published anonymously */
                                anonymous: boolean;
                                offer: {
                                    id: number;
                                    title: string;
                                };
                                demand: {
                                    id: number;
                                    title: string;
                                };
                                material: {
                                    id: number;
                                    code: string;
                                    name: string;
                                    unit: string;
                                    hazardous: boolean;
                                    hwCode: string | null;
                                };
                                terms: {
                                    quantity: number;
                                    /** @enum {string} */
                                    recurrence: "month" | "once";
                                    priceCnyPerUnit: number;
                                    startDate: string;
                                    endDate: string;
                                    note?: string;
                                    impact?: {
                                        avoidedKgCo2PerUnit: number;
                                        savedCnyPerUnit: number;
                                        tonnesPerUnit: number | null;
                                        /** @enum {string} */
                                        basis: "plan" | "settings" | "none";
                                    };
                                };
                                planExplanation: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description what the caller may do now */
                                actions: ("propose" | "counter" | "accept" | "decline" | "withdraw" | "terminate" | "complete")[];
                                deliveriesScheduled: number;
                                deliveriesDelivered: number;
                                createdBy: string;
                                createdAt: number;
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Propose a deal on one of your listings and a published listing of another enterprise (compatible materials); the other party answers */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        offerId: number;
                        demandId: number;
                        terms: {
                            /** @description per recurrence, in the offered material's catalogue unit */
                            quantity: number;
                            /** @enum {string} */
                            recurrence: "month" | "once";
                            /** @description CNY per unit the receiver pays; negative: a gate fee the supplier pays */
                            priceCnyPerUnit: number;
                            /** @description first delivery, YYYY-MM-DD */
                            startDate: string;
                            /** @description last possible delivery, YYYY-MM-DD, inclusive */
                            endDate: string;
                            note?: string;
                        };
                        note?: string;
                        /** @description the plan candidate's explanation (CandidateExplanation) */
                        explanation?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            state: "proposed" | "accepted" | "declined" | "withdrawn" | "completed" | "terminated";
                            version: number;
                            /**
                             * @description whose answer the deal waits for; null once settled
                             * @enum {string|null}
                             */
                            turn: "supplier" | "receiver" | null;
                            /**
                             * @description the caller's side of the deal (park: a park role watching)
                             * @enum {string}
                             */
                            role: "supplier" | "receiver" | "park";
                            supplier: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            } | null;
                            receiver: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            };
                            /** @description the offer was published anonymously */
                            anonymous: boolean;
                            offer: {
                                id: number;
                                title: string;
                            };
                            demand: {
                                id: number;
                                title: string;
                            };
                            material: {
                                id: number;
                                code: string;
                                name: string;
                                unit: string;
                                hazardous: boolean;
                                hwCode: string | null;
                            };
                            terms: {
                                quantity: number;
                                /** @enum {string} */
                                recurrence: "month" | "once";
                                priceCnyPerUnit: number;
                                startDate: string;
                                endDate: string;
                                note?: string;
                                impact?: {
                                    avoidedKgCo2PerUnit: number;
                                    savedCnyPerUnit: number;
                                    tonnesPerUnit: number | null;
                                    /** @enum {string} */
                                    basis: "plan" | "settings" | "none";
                                };
                            };
                            planExplanation: {
                                [key: string]: unknown;
                            } | null;
                            /** @description what the caller may do now */
                            actions: ("propose" | "counter" | "accept" | "decline" | "withdraw" | "terminate" | "complete")[];
                            deliveriesScheduled: number;
                            deliveriesDelivered: number;
                            createdBy: string;
                            createdAt: number;
                            updatedAt: number;
                            history: {
                                version: number;
                                /** @enum {string} */
                                action: "propose" | "counter" | "accept" | "decline" | "withdraw" | "terminate" | "complete";
                                actorEnterpriseId: number | null;
                                actor: string | null;
                                terms: {
                                    quantity: number;
                                    /** @enum {string} */
                                    recurrence: "month" | "once";
                                    priceCnyPerUnit: number;
                                    startDate: string;
                                    endDate: string;
                                    note?: string;
                                    impact?: {
                                        avoidedKgCo2PerUnit: number;
                                        savedCnyPerUnit: number;
                                        tonnesPerUnit: number | null;
                                        /** @enum {string} */
                                        basis: "plan" | "settings" | "none";
                                    };
                                } | null;
                                note: string | null;
                                at: number;
                            }[];
                            deliveries: {
                                id: number;
                                dealId: number;
                                due: string;
                                plannedQuantity: number;
                                /** @enum {string} */
                                state: "scheduled" | "delivered" | "cancelled";
                                /** @description YYYY-MM-DD */
                                deliveredAt: string | null;
                                quantity: number | null;
                                lot: string | null;
                                flowId: number | null;
                                epcisEventId: string | null;
                                recordedBy: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exchange/deals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A deal with its history and deliveries (the two parties and park roles) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            state: "proposed" | "accepted" | "declined" | "withdrawn" | "completed" | "terminated";
                            version: number;
                            /**
                             * @description whose answer the deal waits for; null once settled
                             * @enum {string|null}
                             */
                            turn: "supplier" | "receiver" | null;
                            /**
                             * @description the caller's side of the deal (park: a park role watching)
                             * @enum {string}
                             */
                            role: "supplier" | "receiver" | "park";
                            supplier: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            } | null;
                            receiver: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            };
                            /** @description the offer was published anonymously */
                            anonymous: boolean;
                            offer: {
                                id: number;
                                title: string;
                            };
                            demand: {
                                id: number;
                                title: string;
                            };
                            material: {
                                id: number;
                                code: string;
                                name: string;
                                unit: string;
                                hazardous: boolean;
                                hwCode: string | null;
                            };
                            terms: {
                                quantity: number;
                                /** @enum {string} */
                                recurrence: "month" | "once";
                                priceCnyPerUnit: number;
                                startDate: string;
                                endDate: string;
                                note?: string;
                                impact?: {
                                    avoidedKgCo2PerUnit: number;
                                    savedCnyPerUnit: number;
                                    tonnesPerUnit: number | null;
                                    /** @enum {string} */
                                    basis: "plan" | "settings" | "none";
                                };
                            };
                            planExplanation: {
                                [key: string]: unknown;
                            } | null;
                            /** @description what the caller may do now */
                            actions: ("propose" | "counter" | "accept" | "decline" | "withdraw" | "terminate" | "complete")[];
                            deliveriesScheduled: number;
                            deliveriesDelivered: number;
                            createdBy: string;
                            createdAt: number;
                            updatedAt: number;
                            history: {
                                version: number;
                                /** @enum {string} */
                                action: "propose" | "counter" | "accept" | "decline" | "withdraw" | "terminate" | "complete";
                                actorEnterpriseId: number | null;
                                actor: string | null;
                                terms: {
                                    quantity: number;
                                    /** @enum {string} */
                                    recurrence: "month" | "once";
                                    priceCnyPerUnit: number;
                                    startDate: string;
                                    endDate: string;
                                    note?: string;
                                    impact?: {
                                        avoidedKgCo2PerUnit: number;
                                        savedCnyPerUnit: number;
                                        tonnesPerUnit: number | null;
                                        /** @enum {string} */
                                        basis: "plan" | "settings" | "none";
                                    };
                                } | null;
                                note: string | null;
                                at: number;
                            }[];
                            deliveries: {
                                id: number;
                                dealId: number;
                                due: string;
                                plannedQuantity: number;
                                /** @enum {string} */
                                state: "scheduled" | "delivered" | "cancelled";
                                /** @description YYYY-MM-DD */
                                deliveredAt: string | null;
                                quantity: number | null;
                                lot: string | null;
                                flowId: number | null;
                                epcisEventId: string | null;
                                recordedBy: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exchange/deals/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Counter, accept, decline (the party whose turn it is), withdraw (the proposer) or terminate (either party of an accepted deal), answering the version the caller saw */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "counter" | "accept" | "decline" | "withdraw" | "terminate";
                        /** @description the version of the deal this answers */
                        version: number;
                        terms?: {
                            /** @description per recurrence, in the offered material's catalogue unit */
                            quantity: number;
                            /** @enum {string} */
                            recurrence: "month" | "once";
                            /** @description CNY per unit the receiver pays; negative: a gate fee the supplier pays */
                            priceCnyPerUnit: number;
                            /** @description first delivery, YYYY-MM-DD */
                            startDate: string;
                            /** @description last possible delivery, YYYY-MM-DD, inclusive */
                            endDate: string;
                            note?: string;
                        };
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            state: "proposed" | "accepted" | "declined" | "withdrawn" | "completed" | "terminated";
                            version: number;
                            /**
                             * @description whose answer the deal waits for; null once settled
                             * @enum {string|null}
                             */
                            turn: "supplier" | "receiver" | null;
                            /**
                             * @description the caller's side of the deal (park: a park role watching)
                             * @enum {string}
                             */
                            role: "supplier" | "receiver" | "park";
                            supplier: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            } | null;
                            receiver: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            };
                            /** @description the offer was published anonymously */
                            anonymous: boolean;
                            offer: {
                                id: number;
                                title: string;
                            };
                            demand: {
                                id: number;
                                title: string;
                            };
                            material: {
                                id: number;
                                code: string;
                                name: string;
                                unit: string;
                                hazardous: boolean;
                                hwCode: string | null;
                            };
                            terms: {
                                quantity: number;
                                /** @enum {string} */
                                recurrence: "month" | "once";
                                priceCnyPerUnit: number;
                                startDate: string;
                                endDate: string;
                                note?: string;
                                impact?: {
                                    avoidedKgCo2PerUnit: number;
                                    savedCnyPerUnit: number;
                                    tonnesPerUnit: number | null;
                                    /** @enum {string} */
                                    basis: "plan" | "settings" | "none";
                                };
                            };
                            planExplanation: {
                                [key: string]: unknown;
                            } | null;
                            /** @description what the caller may do now */
                            actions: ("propose" | "counter" | "accept" | "decline" | "withdraw" | "terminate" | "complete")[];
                            deliveriesScheduled: number;
                            deliveriesDelivered: number;
                            createdBy: string;
                            createdAt: number;
                            updatedAt: number;
                            history: {
                                version: number;
                                /** @enum {string} */
                                action: "propose" | "counter" | "accept" | "decline" | "withdraw" | "terminate" | "complete";
                                actorEnterpriseId: number | null;
                                actor: string | null;
                                terms: {
                                    quantity: number;
                                    /** @enum {string} */
                                    recurrence: "month" | "once";
                                    priceCnyPerUnit: number;
                                    startDate: string;
                                    endDate: string;
                                    note?: string;
                                    impact?: {
                                        avoidedKgCo2PerUnit: number;
                                        savedCnyPerUnit: number;
                                        tonnesPerUnit: number | null;
                                        /** @enum {string} */
                                        basis: "plan" | "settings" | "none";
                                    };
                                } | null;
                                note: string | null;
                                at: number;
                            }[];
                            deliveries: {
                                id: number;
                                dealId: number;
                                due: string;
                                plannedQuantity: number;
                                /** @enum {string} */
                                state: "scheduled" | "delivered" | "cancelled";
                                /** @description YYYY-MM-DD */
                                deliveredAt: string | null;
                                quantity: number | null;
                                lot: string | null;
                                flowId: number | null;
                                epcisEventId: string | null;
                                recordedBy: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exchange/deals/{id}/deliveries/{deliveryId}/record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The supplier records a delivery: a flow in the ledger and a shipping event with the lot in traceability; the last one completes the deal */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    deliveryId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description what was delivered, in the offered material's unit */
                        quantity: number;
                        /** @description the day it was delivered (default today, in the park’s time zone) */
                        deliveredAt?: string;
                        /** @description the lot's identifier (a URI); minted for the supplier when missing */
                        lot?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            state: "proposed" | "accepted" | "declined" | "withdrawn" | "completed" | "terminated";
                            version: number;
                            /**
                             * @description whose answer the deal waits for; null once settled
                             * @enum {string|null}
                             */
                            turn: "supplier" | "receiver" | null;
                            /**
                             * @description the caller's side of the deal (park: a park role watching)
                             * @enum {string}
                             */
                            role: "supplier" | "receiver" | "park";
                            supplier: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            } | null;
                            receiver: {
                                id: number;
                                code: string;
                                name: string;
                                nameEn: string | null;
                            };
                            /** @description the offer was published anonymously */
                            anonymous: boolean;
                            offer: {
                                id: number;
                                title: string;
                            };
                            demand: {
                                id: number;
                                title: string;
                            };
                            material: {
                                id: number;
                                code: string;
                                name: string;
                                unit: string;
                                hazardous: boolean;
                                hwCode: string | null;
                            };
                            terms: {
                                quantity: number;
                                /** @enum {string} */
                                recurrence: "month" | "once";
                                priceCnyPerUnit: number;
                                startDate: string;
                                endDate: string;
                                note?: string;
                                impact?: {
                                    avoidedKgCo2PerUnit: number;
                                    savedCnyPerUnit: number;
                                    tonnesPerUnit: number | null;
                                    /** @enum {string} */
                                    basis: "plan" | "settings" | "none";
                                };
                            };
                            planExplanation: {
                                [key: string]: unknown;
                            } | null;
                            /** @description what the caller may do now */
                            actions: ("propose" | "counter" | "accept" | "decline" | "withdraw" | "terminate" | "complete")[];
                            deliveriesScheduled: number;
                            deliveriesDelivered: number;
                            createdBy: string;
                            createdAt: number;
                            updatedAt: number;
                            history: {
                                version: number;
                                /** @enum {string} */
                                action: "propose" | "counter" | "accept" | "decline" | "withdraw" | "terminate" | "complete";
                                actorEnterpriseId: number | null;
                                actor: string | null;
                                terms: {
                                    quantity: number;
                                    /** @enum {string} */
                                    recurrence: "month" | "once";
                                    priceCnyPerUnit: number;
                                    startDate: string;
                                    endDate: string;
                                    note?: string;
                                    impact?: {
                                        avoidedKgCo2PerUnit: number;
                                        savedCnyPerUnit: number;
                                        tonnesPerUnit: number | null;
                                        /** @enum {string} */
                                        basis: "plan" | "settings" | "none";
                                    };
                                } | null;
                                note: string | null;
                                at: number;
                            }[];
                            deliveries: {
                                id: number;
                                dealId: number;
                                due: string;
                                plannedQuantity: number;
                                /** @enum {string} */
                                state: "scheduled" | "delivered" | "cancelled";
                                /** @description YYYY-MM-DD */
                                deliveredAt: string | null;
                                quantity: number | null;
                                lot: string | null;
                                flowId: number | null;
                                epcisEventId: string | null;
                                recordedBy: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exchange/impact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Diverted t, avoided t CO2 and CNY saved per month from recorded deliveries: the park for park roles, its own deals for an enterprise */
        get: {
            parameters: {
                query: {
                    /** @description first month, YYYY-MM */
                    from: string;
                    /** @description last month, YYYY-MM, inclusive */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            to: string;
                            /** @enum {string} */
                            scope: "park" | "enterprise";
                            months: {
                                month: string;
                                deliveries: number;
                                /** @description t moved to a receiver instead of disposal (deliveries in mass units or with a known density) */
                                divertedT: number;
                                avoidedTCo2: number;
                                savedCny: number;
                                /** @description deliveries not convertible to t, per unit */
                                otherUnits: {
                                    unit: string;
                                    quantity: number;
                                }[];
                            }[];
                            totals: {
                                deliveries: number;
                                /** @description t moved to a receiver instead of disposal (deliveries in mass units or with a known density) */
                                divertedT: number;
                                avoidedTCo2: number;
                                savedCny: number;
                                /** @description deliveries not convertible to t, per unit */
                                otherUnits: {
                                    unit: string;
                                    quantity: number;
                                }[];
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kpis/olca": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An enterprise's inventory of a month or year (inputs, outputs, emissions per process unit) as an openLCA olca-schema JSON-LD zip (openLCA 2.x import) */
        get: {
            parameters: {
                query: {
                    /** @description A month (2026-03) or a year (2026) */
                    period: string;
                    /** @description The enterprise's registry code */
                    enterprise: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kpis/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The park's (or an enterprise's, a unit's) monthly or annual KPI report as PDF, or its tables as CSV or XLSX */
        get: {
            parameters: {
                query: {
                    /** @description a month '2026-03' (monthly report) or a year '2026' (annual report) */
                    period: string;
                    /** @description park, enterprise or unit */
                    scope: "park" | "enterprise" | "unit";
                    /** @description the enterprise's code, or the unit's flow-node code (not for the park) */
                    code?: string;
                    /** @description zh-CN (default) or en */
                    lang?: "zh-CN" | "en";
                    /** @description pdf (default); csv: the KPI table; xlsx: one sheet per table */
                    format?: "pdf" | "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kpi-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The kept reports of the caller’s tenant, newest first */
        get: {
            parameters: {
                query: {
                    limit: number;
                    offset: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                period: string;
                                /**
                                 * @description park, enterprise or unit
                                 * @enum {string}
                                 */
                                scope: "park" | "enterprise" | "unit";
                                code: string | null;
                                /**
                                 * @description the language of every label
                                 * @enum {string}
                                 */
                                language: "zh-CN" | "en";
                                pages: number;
                                bytes: number;
                                /** @description epoch ms */
                                createdAt: number;
                                createdBy: string;
                                /** @description the schedule that made it; null: made by a person */
                                scheduleId: number | null;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Make the PDF report of a period and keep it (for the caller’s tenant) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a month '2026-03' (monthly report) or a year '2026' (annual report) */
                        period: string;
                        /**
                         * @description park, enterprise or unit
                         * @enum {string}
                         */
                        scope: "park" | "enterprise" | "unit";
                        /** @description the enterprise's code, or the unit's flow-node code (not for the park) */
                        code?: string | null;
                        /**
                         * @description the language of every label
                         * @enum {string}
                         */
                        language?: "zh-CN" | "en";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            period: string;
                            /**
                             * @description park, enterprise or unit
                             * @enum {string}
                             */
                            scope: "park" | "enterprise" | "unit";
                            code: string | null;
                            /**
                             * @description the language of every label
                             * @enum {string}
                             */
                            language: "zh-CN" | "en";
                            pages: number;
                            bytes: number;
                            /** @description epoch ms */
                            createdAt: number;
                            createdBy: string;
                            /** @description the schedule that made it; null: made by a person */
                            scheduleId: number | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kpi-reports/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A kept report’s PDF, as it was made */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kpi-reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a kept report */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kpi-report-schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List kpi report schedules */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    /** @description null: the park's own schedule; an enterprise's otherwise (default: the caller's) */
                    enterpriseId?: number;
                    /** @description park (the park's schedules only), enterprise or unit */
                    scope?: "park" | "enterprise" | "unit";
                    /** @description month: each month’s report once the month is over; year: each year’s */
                    grain?: "month" | "year";
                    enabled?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description null: the park's own schedule; an enterprise's otherwise (default: the caller's) */
                                enterpriseId: number | null;
                                /**
                                 * @description park (the park's schedules only), enterprise or unit
                                 * @enum {string}
                                 */
                                scope: "park" | "enterprise" | "unit";
                                /** @description the enterprise's code or the unit's flow-node code; null for the park */
                                code: string | null;
                                /**
                                 * @description month: each month’s report once the month is over; year: each year’s
                                 * @enum {string}
                                 */
                                grain: "month" | "year";
                                /** @enum {string} */
                                language: "zh-CN" | "en";
                                enabled: boolean;
                                /** @description the last period a report was made for */
                                lastPeriod: string | null;
                                createdBy: string;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a kpi report schedule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description null: the park's own schedule; an enterprise's otherwise (default: the caller's) */
                        enterpriseId?: number | null;
                        /**
                         * @description park (the park's schedules only), enterprise or unit
                         * @enum {string}
                         */
                        scope: "park" | "enterprise" | "unit";
                        /** @description the enterprise's code or the unit's flow-node code; null for the park */
                        code?: string | null;
                        /**
                         * @description month: each month’s report once the month is over; year: each year’s
                         * @enum {string}
                         */
                        grain: "month" | "year";
                        /** @enum {string} */
                        language?: "zh-CN" | "en";
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description null: the park's own schedule; an enterprise's otherwise (default: the caller's) */
                            enterpriseId: number | null;
                            /**
                             * @description park (the park's schedules only), enterprise or unit
                             * @enum {string}
                             */
                            scope: "park" | "enterprise" | "unit";
                            /** @description the enterprise's code or the unit's flow-node code; null for the park */
                            code: string | null;
                            /**
                             * @description month: each month’s report once the month is over; year: each year’s
                             * @enum {string}
                             */
                            grain: "month" | "year";
                            /** @enum {string} */
                            language: "zh-CN" | "en";
                            enabled: boolean;
                            /** @description the last period a report was made for */
                            lastPeriod: string | null;
                            createdBy: string;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kpi-report-schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a kpi report schedule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description null: the park's own schedule; an enterprise's otherwise (default: the caller's) */
                            enterpriseId: number | null;
                            /**
                             * @description park (the park's schedules only), enterprise or unit
                             * @enum {string}
                             */
                            scope: "park" | "enterprise" | "unit";
                            /** @description the enterprise's code or the unit's flow-node code; null for the park */
                            code: string | null;
                            /**
                             * @description month: each month’s report once the month is over; year: each year’s
                             * @enum {string}
                             */
                            grain: "month" | "year";
                            /** @enum {string} */
                            language: "zh-CN" | "en";
                            enabled: boolean;
                            /** @description the last period a report was made for */
                            lastPeriod: string | null;
                            createdBy: string;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a kpi report schedule */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a kpi report schedule */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description park (the park's schedules only), enterprise or unit
                         * @enum {string}
                         */
                        scope?: "park" | "enterprise" | "unit";
                        /** @description the enterprise's code or the unit's flow-node code; null for the park */
                        code?: string | null;
                        /**
                         * @description month: each month’s report once the month is over; year: each year’s
                         * @enum {string}
                         */
                        grain?: "month" | "year";
                        /** @enum {string} */
                        language?: "zh-CN" | "en";
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description null: the park's own schedule; an enterprise's otherwise (default: the caller's) */
                            enterpriseId: number | null;
                            /**
                             * @description park (the park's schedules only), enterprise or unit
                             * @enum {string}
                             */
                            scope: "park" | "enterprise" | "unit";
                            /** @description the enterprise's code or the unit's flow-node code; null for the park */
                            code: string | null;
                            /**
                             * @description month: each month’s report once the month is over; year: each year’s
                             * @enum {string}
                             */
                            grain: "month" | "year";
                            /** @enum {string} */
                            language: "zh-CN" | "en";
                            enabled: boolean;
                            /** @description the last period a report was made for */
                            lastPeriod: string | null;
                            createdBy: string;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/alarm-webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List alarm webhooks */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    enabled?: boolean;
                    /** @description the enterprise whose alarms it is sent; null: a park webhook (park administrators), sent the emission and safety alarms of every enterprise */
                    enterpriseId?: number;
                    /** @description the enterprise whose alarms it is sent; null: a park webhook (park administrators), sent the emission and safety alarms of every enterprise */
                    enterprise?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description the enterprise whose alarms it is sent; null: a park webhook (park administrators), sent the emission and safety alarms of every enterprise */
                                enterpriseId: number | null;
                                /** @description http or https URL; checked by the outbound guard when saved and at every call */
                                url: string;
                                description: string | null;
                                enabled: boolean;
                                /**
                                 * @description alarms less severe are not sent
                                 * @enum {string}
                                 */
                                minSeverity: "low" | "medium" | "high" | "critical";
                                /** @description the categories sent; empty: every category */
                                categories: ("emission" | "safety" | "quality" | "process" | "equipment" | "balance" | "compliance")[];
                                /** @description the lifecycle transitions sent */
                                transitions: ("raised" | "escalated" | "level_changed" | "cleared" | "acknowledged" | "shelved" | "reshelved" | "unshelved" | "shelf_expired" | "suppressed" | "unsuppressed")[];
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an alarm webhook; the answer carries its signing secret, shown only this once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the enterprise whose alarms it is sent; null: a park webhook (park administrators), sent the emission and safety alarms of every enterprise */
                        enterpriseId?: number | null;
                        /** @description http or https URL; checked by the outbound guard when saved and at every call */
                        url: string;
                        description?: string | null;
                        enabled?: boolean;
                        /**
                         * @description alarms less severe are not sent
                         * @enum {string}
                         */
                        minSeverity?: "low" | "medium" | "high" | "critical";
                        /** @description the categories sent; empty: every category */
                        categories?: ("emission" | "safety" | "quality" | "process" | "equipment" | "balance" | "compliance")[];
                        /** @description the lifecycle transitions sent */
                        transitions?: ("raised" | "escalated" | "level_changed" | "cleared" | "acknowledged" | "shelved" | "reshelved" | "unshelved" | "shelf_expired" | "suppressed" | "unsuppressed")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description the enterprise whose alarms it is sent; null: a park webhook (park administrators), sent the emission and safety alarms of every enterprise */
                            enterpriseId: number | null;
                            /** @description http or https URL; checked by the outbound guard when saved and at every call */
                            url: string;
                            description: string | null;
                            enabled: boolean;
                            /**
                             * @description alarms less severe are not sent
                             * @enum {string}
                             */
                            minSeverity: "low" | "medium" | "high" | "critical";
                            /** @description the categories sent; empty: every category */
                            categories: ("emission" | "safety" | "quality" | "process" | "equipment" | "balance" | "compliance")[];
                            /** @description the lifecycle transitions sent */
                            transitions: ("raised" | "escalated" | "level_changed" | "cleared" | "acknowledged" | "shelved" | "reshelved" | "unshelved" | "shelf_expired" | "suppressed" | "unsuppressed")[];
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                            /** @description the signing secret; shown only now (rotate-secret makes a new one) */
                            secret: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarm-webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an alarm webhook */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description the enterprise whose alarms it is sent; null: a park webhook (park administrators), sent the emission and safety alarms of every enterprise */
                            enterpriseId: number | null;
                            /** @description http or https URL; checked by the outbound guard when saved and at every call */
                            url: string;
                            description: string | null;
                            enabled: boolean;
                            /**
                             * @description alarms less severe are not sent
                             * @enum {string}
                             */
                            minSeverity: "low" | "medium" | "high" | "critical";
                            /** @description the categories sent; empty: every category */
                            categories: ("emission" | "safety" | "quality" | "process" | "equipment" | "balance" | "compliance")[];
                            /** @description the lifecycle transitions sent */
                            transitions: ("raised" | "escalated" | "level_changed" | "cleared" | "acknowledged" | "shelved" | "reshelved" | "unshelved" | "shelf_expired" | "suppressed" | "unsuppressed")[];
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an alarm webhook and its deliveries */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update an alarm webhook */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description http or https URL; checked by the outbound guard when saved and at every call */
                        url?: string;
                        description?: string | null;
                        enabled?: boolean;
                        /**
                         * @description alarms less severe are not sent
                         * @enum {string}
                         */
                        minSeverity?: "low" | "medium" | "high" | "critical";
                        /** @description the categories sent; empty: every category */
                        categories?: ("emission" | "safety" | "quality" | "process" | "equipment" | "balance" | "compliance")[];
                        /** @description the lifecycle transitions sent */
                        transitions?: ("raised" | "escalated" | "level_changed" | "cleared" | "acknowledged" | "shelved" | "reshelved" | "unshelved" | "shelf_expired" | "suppressed" | "unsuppressed")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description the enterprise whose alarms it is sent; null: a park webhook (park administrators), sent the emission and safety alarms of every enterprise */
                            enterpriseId: number | null;
                            /** @description http or https URL; checked by the outbound guard when saved and at every call */
                            url: string;
                            description: string | null;
                            enabled: boolean;
                            /**
                             * @description alarms less severe are not sent
                             * @enum {string}
                             */
                            minSeverity: "low" | "medium" | "high" | "critical";
                            /** @description the categories sent; empty: every category */
                            categories: ("emission" | "safety" | "quality" | "process" | "equipment" | "balance" | "compliance")[];
                            /** @description the lifecycle transitions sent */
                            transitions: ("raised" | "escalated" | "level_changed" | "cleared" | "acknowledged" | "shelved" | "reshelved" | "unshelved" | "shelf_expired" | "suppressed" | "unsuppressed")[];
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/alarm-webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret; the answer carries the new one, shown only this once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            secret: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarm-webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a signed ping now; answers the delivery it made */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            webhookId: number;
                            /** @description `alarm.<why>` (e.g. alarm.raised) or `ping` */
                            event: string;
                            alarmId: number | null;
                            transitionId: number | null;
                            status: "pending" | "delivered" | "dead";
                            attempts: number;
                            /** @description when a pending delivery is tried next (epoch ms); null otherwise */
                            nextAttemptAt: number | null;
                            lastAttemptAt: number | null;
                            /** @description the HTTP status of the last answer; null when none came */
                            lastStatus: number | null;
                            lastError: string | null;
                            deliveredAt: number | null;
                            createdAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarm-webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's deliveries, newest first (status=dead: its dead letters) */
        get: {
            parameters: {
                query: {
                    status?: "pending" | "delivered" | "dead";
                    limit: number;
                    offset: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                webhookId: number;
                                /** @description `alarm.<why>` (e.g. alarm.raised) or `ping` */
                                event: string;
                                alarmId: number | null;
                                transitionId: number | null;
                                status: "pending" | "delivered" | "dead";
                                attempts: number;
                                /** @description when a pending delivery is tried next (epoch ms); null otherwise */
                                nextAttemptAt: number | null;
                                lastAttemptAt: number | null;
                                /** @description the HTTP status of the last answer; null when none came */
                                lastStatus: number | null;
                                lastError: string | null;
                                deliveredAt: number | null;
                                createdAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarm-webhooks/deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-queue a dead-lettered delivery */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            webhookId: number;
                            /** @description `alarm.<why>` (e.g. alarm.raised) or `ping` */
                            event: string;
                            alarmId: number | null;
                            transitionId: number | null;
                            status: "pending" | "delivered" | "dead";
                            attempts: number;
                            /** @description when a pending delivery is tried next (epoch ms); null otherwise */
                            nextAttemptAt: number | null;
                            lastAttemptAt: number | null;
                            /** @description the HTTP status of the last answer; null when none came */
                            lastStatus: number | null;
                            lastError: string | null;
                            deliveredAt: number | null;
                            createdAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarm-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List alarm rules */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    enterpriseId?: number;
                    kind?: "threshold" | "rate" | "no_data" | "window" | "spc" | "forecast";
                    /** @description user: written through the API; tag_limits: the tag's own LL/L/H/HH limits (kept by the platform) */
                    origin?: "user" | "tag_limits";
                    enabled?: boolean;
                    severity?: "low" | "medium" | "high" | "critical";
                    /** @description default: from the tag's kind (emission, quality, else process) */
                    category?: "emission" | "safety" | "quality" | "process" | "equipment" | "balance" | "compliance";
                    /** @description the one tag judged */
                    tagId?: number;
                    /** @description a device's tag of tagKey, or without tagKey (no_data only) the whole device */
                    deviceId?: number;
                    /** @description every tag of tagKey on the devices of the unit */
                    unitId?: number;
                    /** @description every tag of tagKey on the enterprise's devices of this kind (overridable per device or tag) */
                    deviceKind?: "energy_meter" | "flow_meter" | "emission_monitor" | "quality_analyzer" | "level_gauge" | "temperature_sensor" | "pressure_sensor" | "weighbridge" | "gateway" | "other";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                enterpriseId: number;
                                name: string | null;
                                /** @enum {string} */
                                kind: "threshold" | "rate" | "no_data" | "window" | "spc" | "forecast";
                                /** @description written by a park role: the park sees its alarms whatever the enterprise shares */
                                byPark: boolean;
                                /**
                                 * @description user: written through the API; tag_limits: the tag's own LL/L/H/HH limits (kept by the platform)
                                 * @enum {string}
                                 */
                                origin: "user" | "tag_limits";
                                enabled: boolean;
                                /** @enum {string} */
                                severity: "low" | "medium" | "high" | "critical";
                                /**
                                 * @description default: from the tag's kind (emission, quality, else process)
                                 * @enum {string}
                                 */
                                category: "emission" | "safety" | "quality" | "process" | "equipment" | "balance" | "compliance";
                                /** @description the one tag judged */
                                tagId: number | null;
                                /** @description a device's tag of tagKey, or without tagKey (no_data only) the whole device */
                                deviceId: number | null;
                                /** @description every tag of tagKey on the devices of the unit */
                                unitId: number | null;
                                /**
                                 * @description every tag of tagKey on the enterprise's devices of this kind (overridable per device or tag)
                                 * @enum {string|null}
                                 */
                                deviceKind: "energy_meter" | "flow_meter" | "emission_monitor" | "quality_analyzer" | "level_gauge" | "temperature_sensor" | "pressure_sensor" | "weighbridge" | "gateway" | "other" | null;
                                tagKey: string | null;
                                /** @description the device kind or unit rule this tag or device rule replaces for its subject (disabled: removes it there) */
                                overridesRuleId: number | null;
                                /** @description threshold HH */
                                highHigh: number | null;
                                /** @description threshold H; window: the permitted mean or quota; forecast: the limit (default: the tag’s H) */
                                high: number | null;
                                /** @description threshold L; window: the lower bound; forecast: the limit (default: the tag’s L) */
                                low: number | null;
                                /** @description threshold LL */
                                lowLow: number | null;
                                /** @description threshold: how far back inside a limit the value must come to clear */
                                deadband: number | null;
                                /** @description threshold: how long beyond a limit before the alarm is raised (seconds) */
                                onDelaySeconds: number | null;
                                /** @description threshold: how long back inside before it clears (seconds) */
                                offDelaySeconds: number | null;
                                /** @description rate: the window of the change; window: the averaging or totalling period (seconds) */
                                windowSeconds: number | null;
                                /** @description rate: the largest rise allowed within the window */
                                maxRise: number | null;
                                /** @description rate: the largest fall allowed within the window */
                                maxFall: number | null;
                                /** @description no_data: raised after this long without a reading (seconds) */
                                silenceSeconds: number | null;
                                /** @enum {string|null} */
                                aggregate: "mean" | "sum" | null;
                                /** @description window: the share of expected readings a window needs to count */
                                minCompleteness: number | null;
                                /** @description window: the reporting interval of the device (seconds) */
                                expectedIntervalSeconds: number | null;
                                /** @enum {string|null} */
                                chart: "imr" | "xbar_r" | null;
                                subgroupSize: number | null;
                                /** @description spc: the baseline period’s start (epoch ms, inclusive) */
                                baselineFrom: number | null;
                                /** @description spc: its end (epoch ms, exclusive) */
                                baselineTo: number | null;
                                runRules: number[] | null;
                                /** @description forecast: warn of a crossing within this horizon (seconds) */
                                horizonSeconds: number | null;
                                /** @description forecast: the time step readings are resampled to (seconds) */
                                stepSeconds: number | null;
                                /** @description forecast: how much recent history the trend is fitted on (seconds) */
                                fitWindowSeconds: number | null;
                                /** @description forecast: the probability of crossing above which it warns */
                                confidence: number | null;
                                description: string | null;
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a alarm rule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enterpriseId?: number;
                        name?: string | null;
                        /** @enum {string} */
                        kind: "threshold" | "rate" | "no_data" | "window" | "spc" | "forecast";
                        enabled?: boolean;
                        /** @enum {string} */
                        severity?: "low" | "medium" | "high" | "critical";
                        /**
                         * @description default: from the tag's kind (emission, quality, else process)
                         * @enum {string}
                         */
                        category?: "emission" | "safety" | "quality" | "process" | "equipment" | "balance" | "compliance";
                        /** @description the one tag judged */
                        tagId?: number | null;
                        /** @description a device's tag of tagKey, or without tagKey (no_data only) the whole device */
                        deviceId?: number | null;
                        /** @description every tag of tagKey on the devices of the unit */
                        unitId?: number | null;
                        /**
                         * @description every tag of tagKey on the enterprise's devices of this kind (overridable per device or tag)
                         * @enum {string|null}
                         */
                        deviceKind?: "energy_meter" | "flow_meter" | "emission_monitor" | "quality_analyzer" | "level_gauge" | "temperature_sensor" | "pressure_sensor" | "weighbridge" | "gateway" | "other" | null;
                        tagKey?: string | null;
                        /** @description the device kind or unit rule this tag or device rule replaces for its subject (disabled: removes it there) */
                        overridesRuleId?: number | null;
                        /** @description threshold HH */
                        highHigh?: number | null;
                        /** @description threshold H; window: the permitted mean or quota; forecast: the limit (default: the tag’s H) */
                        high?: number | null;
                        /** @description threshold L; window: the lower bound; forecast: the limit (default: the tag’s L) */
                        low?: number | null;
                        /** @description threshold LL */
                        lowLow?: number | null;
                        /** @description threshold: how far back inside a limit the value must come to clear */
                        deadband?: number | null;
                        /** @description threshold: how long beyond a limit before the alarm is raised (seconds) */
                        onDelaySeconds?: number | null;
                        /** @description threshold: how long back inside before it clears (seconds) */
                        offDelaySeconds?: number | null;
                        /** @description rate: the window of the change; window: the averaging or totalling period (seconds) */
                        windowSeconds?: number | null;
                        /** @description rate: the largest rise allowed within the window */
                        maxRise?: number | null;
                        /** @description rate: the largest fall allowed within the window */
                        maxFall?: number | null;
                        /** @description no_data: raised after this long without a reading (seconds) */
                        silenceSeconds?: number | null;
                        /** @enum {string|null} */
                        aggregate?: "mean" | "sum" | null;
                        /** @description window: the share of expected readings a window needs to count */
                        minCompleteness?: number | null;
                        /** @description window: the reporting interval of the device (seconds) */
                        expectedIntervalSeconds?: number | null;
                        /** @enum {string|null} */
                        chart?: "imr" | "xbar_r" | null;
                        subgroupSize?: number | null;
                        /** @description spc: the baseline period’s start (epoch ms, inclusive) */
                        baselineFrom?: number | null;
                        /** @description spc: its end (epoch ms, exclusive) */
                        baselineTo?: number | null;
                        runRules?: number[] | null;
                        /** @description forecast: warn of a crossing within this horizon (seconds) */
                        horizonSeconds?: number | null;
                        /** @description forecast: the time step readings are resampled to (seconds) */
                        stepSeconds?: number | null;
                        /** @description forecast: how much recent history the trend is fitted on (seconds) */
                        fitWindowSeconds?: number | null;
                        /** @description forecast: the probability of crossing above which it warns */
                        confidence?: number | null;
                        description?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            name: string | null;
                            /** @enum {string} */
                            kind: "threshold" | "rate" | "no_data" | "window" | "spc" | "forecast";
                            /** @description written by a park role: the park sees its alarms whatever the enterprise shares */
                            byPark: boolean;
                            /**
                             * @description user: written through the API; tag_limits: the tag's own LL/L/H/HH limits (kept by the platform)
                             * @enum {string}
                             */
                            origin: "user" | "tag_limits";
                            enabled: boolean;
                            /** @enum {string} */
                            severity: "low" | "medium" | "high" | "critical";
                            /**
                             * @description default: from the tag's kind (emission, quality, else process)
                             * @enum {string}
                             */
                            category: "emission" | "safety" | "quality" | "process" | "equipment" | "balance" | "compliance";
                            /** @description the one tag judged */
                            tagId: number | null;
                            /** @description a device's tag of tagKey, or without tagKey (no_data only) the whole device */
                            deviceId: number | null;
                            /** @description every tag of tagKey on the devices of the unit */
                            unitId: number | null;
                            /**
                             * @description every tag of tagKey on the enterprise's devices of this kind (overridable per device or tag)
                             * @enum {string|null}
                             */
                            deviceKind: "energy_meter" | "flow_meter" | "emission_monitor" | "quality_analyzer" | "level_gauge" | "temperature_sensor" | "pressure_sensor" | "weighbridge" | "gateway" | "other" | null;
                            tagKey: string | null;
                            /** @description the device kind or unit rule this tag or device rule replaces for its subject (disabled: removes it there) */
                            overridesRuleId: number | null;
                            /** @description threshold HH */
                            highHigh: number | null;
                            /** @description threshold H; window: the permitted mean or quota; forecast: the limit (default: the tag’s H) */
                            high: number | null;
                            /** @description threshold L; window: the lower bound; forecast: the limit (default: the tag’s L) */
                            low: number | null;
                            /** @description threshold LL */
                            lowLow: number | null;
                            /** @description threshold: how far back inside a limit the value must come to clear */
                            deadband: number | null;
                            /** @description threshold: how long beyond a limit before the alarm is raised (seconds) */
                            onDelaySeconds: number | null;
                            /** @description threshold: how long back inside before it clears (seconds) */
                            offDelaySeconds: number | null;
                            /** @description rate: the window of the change; window: the averaging or totalling period (seconds) */
                            windowSeconds: number | null;
                            /** @description rate: the largest rise allowed within the window */
                            maxRise: number | null;
                            /** @description rate: the largest fall allowed within the window */
                            maxFall: number | null;
                            /** @description no_data: raised after this long without a reading (seconds) */
                            silenceSeconds: number | null;
                            /** @enum {string|null} */
                            aggregate: "mean" | "sum" | null;
                            /** @description window: the share of expected readings a window needs to count */
                            minCompleteness: number | null;
                            /** @description window: the reporting interval of the device (seconds) */
                            expectedIntervalSeconds: number | null;
                            /** @enum {string|null} */
                            chart: "imr" | "xbar_r" | null;
                            subgroupSize: number | null;
                            /** @description spc: the baseline period’s start (epoch ms, inclusive) */
                            baselineFrom: number | null;
                            /** @description spc: its end (epoch ms, exclusive) */
                            baselineTo: number | null;
                            runRules: number[] | null;
                            /** @description forecast: warn of a crossing within this horizon (seconds) */
                            horizonSeconds: number | null;
                            /** @description forecast: the time step readings are resampled to (seconds) */
                            stepSeconds: number | null;
                            /** @description forecast: how much recent history the trend is fitted on (seconds) */
                            fitWindowSeconds: number | null;
                            /** @description forecast: the probability of crossing above which it warns */
                            confidence: number | null;
                            description: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarm-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a alarm rule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            name: string | null;
                            /** @enum {string} */
                            kind: "threshold" | "rate" | "no_data" | "window" | "spc" | "forecast";
                            /** @description written by a park role: the park sees its alarms whatever the enterprise shares */
                            byPark: boolean;
                            /**
                             * @description user: written through the API; tag_limits: the tag's own LL/L/H/HH limits (kept by the platform)
                             * @enum {string}
                             */
                            origin: "user" | "tag_limits";
                            enabled: boolean;
                            /** @enum {string} */
                            severity: "low" | "medium" | "high" | "critical";
                            /**
                             * @description default: from the tag's kind (emission, quality, else process)
                             * @enum {string}
                             */
                            category: "emission" | "safety" | "quality" | "process" | "equipment" | "balance" | "compliance";
                            /** @description the one tag judged */
                            tagId: number | null;
                            /** @description a device's tag of tagKey, or without tagKey (no_data only) the whole device */
                            deviceId: number | null;
                            /** @description every tag of tagKey on the devices of the unit */
                            unitId: number | null;
                            /**
                             * @description every tag of tagKey on the enterprise's devices of this kind (overridable per device or tag)
                             * @enum {string|null}
                             */
                            deviceKind: "energy_meter" | "flow_meter" | "emission_monitor" | "quality_analyzer" | "level_gauge" | "temperature_sensor" | "pressure_sensor" | "weighbridge" | "gateway" | "other" | null;
                            tagKey: string | null;
                            /** @description the device kind or unit rule this tag or device rule replaces for its subject (disabled: removes it there) */
                            overridesRuleId: number | null;
                            /** @description threshold HH */
                            highHigh: number | null;
                            /** @description threshold H; window: the permitted mean or quota; forecast: the limit (default: the tag’s H) */
                            high: number | null;
                            /** @description threshold L; window: the lower bound; forecast: the limit (default: the tag’s L) */
                            low: number | null;
                            /** @description threshold LL */
                            lowLow: number | null;
                            /** @description threshold: how far back inside a limit the value must come to clear */
                            deadband: number | null;
                            /** @description threshold: how long beyond a limit before the alarm is raised (seconds) */
                            onDelaySeconds: number | null;
                            /** @description threshold: how long back inside before it clears (seconds) */
                            offDelaySeconds: number | null;
                            /** @description rate: the window of the change; window: the averaging or totalling period (seconds) */
                            windowSeconds: number | null;
                            /** @description rate: the largest rise allowed within the window */
                            maxRise: number | null;
                            /** @description rate: the largest fall allowed within the window */
                            maxFall: number | null;
                            /** @description no_data: raised after this long without a reading (seconds) */
                            silenceSeconds: number | null;
                            /** @enum {string|null} */
                            aggregate: "mean" | "sum" | null;
                            /** @description window: the share of expected readings a window needs to count */
                            minCompleteness: number | null;
                            /** @description window: the reporting interval of the device (seconds) */
                            expectedIntervalSeconds: number | null;
                            /** @enum {string|null} */
                            chart: "imr" | "xbar_r" | null;
                            subgroupSize: number | null;
                            /** @description spc: the baseline period’s start (epoch ms, inclusive) */
                            baselineFrom: number | null;
                            /** @description spc: its end (epoch ms, exclusive) */
                            baselineTo: number | null;
                            runRules: number[] | null;
                            /** @description forecast: warn of a crossing within this horizon (seconds) */
                            horizonSeconds: number | null;
                            /** @description forecast: the time step readings are resampled to (seconds) */
                            stepSeconds: number | null;
                            /** @description forecast: how much recent history the trend is fitted on (seconds) */
                            fitWindowSeconds: number | null;
                            /** @description forecast: the probability of crossing above which it warns */
                            confidence: number | null;
                            description: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a alarm rule */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a alarm rule */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string | null;
                        enabled?: boolean;
                        /** @enum {string} */
                        severity?: "low" | "medium" | "high" | "critical";
                        /**
                         * @description default: from the tag's kind (emission, quality, else process)
                         * @enum {string}
                         */
                        category?: "emission" | "safety" | "quality" | "process" | "equipment" | "balance" | "compliance";
                        /** @description threshold HH */
                        highHigh?: number | null;
                        /** @description threshold H; window: the permitted mean or quota; forecast: the limit (default: the tag’s H) */
                        high?: number | null;
                        /** @description threshold L; window: the lower bound; forecast: the limit (default: the tag’s L) */
                        low?: number | null;
                        /** @description threshold LL */
                        lowLow?: number | null;
                        /** @description threshold: how far back inside a limit the value must come to clear */
                        deadband?: number | null;
                        /** @description threshold: how long beyond a limit before the alarm is raised (seconds) */
                        onDelaySeconds?: number | null;
                        /** @description threshold: how long back inside before it clears (seconds) */
                        offDelaySeconds?: number | null;
                        /** @description rate: the window of the change; window: the averaging or totalling period (seconds) */
                        windowSeconds?: number | null;
                        /** @description rate: the largest rise allowed within the window */
                        maxRise?: number | null;
                        /** @description rate: the largest fall allowed within the window */
                        maxFall?: number | null;
                        /** @description no_data: raised after this long without a reading (seconds) */
                        silenceSeconds?: number | null;
                        /** @enum {string|null} */
                        aggregate?: "mean" | "sum" | null;
                        /** @description window: the share of expected readings a window needs to count */
                        minCompleteness?: number | null;
                        /** @description window: the reporting interval of the device (seconds) */
                        expectedIntervalSeconds?: number | null;
                        /** @enum {string|null} */
                        chart?: "imr" | "xbar_r" | null;
                        subgroupSize?: number | null;
                        /** @description spc: the baseline period’s start (epoch ms, inclusive) */
                        baselineFrom?: number | null;
                        /** @description spc: its end (epoch ms, exclusive) */
                        baselineTo?: number | null;
                        runRules?: number[] | null;
                        /** @description forecast: warn of a crossing within this horizon (seconds) */
                        horizonSeconds?: number | null;
                        /** @description forecast: the time step readings are resampled to (seconds) */
                        stepSeconds?: number | null;
                        /** @description forecast: how much recent history the trend is fitted on (seconds) */
                        fitWindowSeconds?: number | null;
                        /** @description forecast: the probability of crossing above which it warns */
                        confidence?: number | null;
                        description?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            name: string | null;
                            /** @enum {string} */
                            kind: "threshold" | "rate" | "no_data" | "window" | "spc" | "forecast";
                            /** @description written by a park role: the park sees its alarms whatever the enterprise shares */
                            byPark: boolean;
                            /**
                             * @description user: written through the API; tag_limits: the tag's own LL/L/H/HH limits (kept by the platform)
                             * @enum {string}
                             */
                            origin: "user" | "tag_limits";
                            enabled: boolean;
                            /** @enum {string} */
                            severity: "low" | "medium" | "high" | "critical";
                            /**
                             * @description default: from the tag's kind (emission, quality, else process)
                             * @enum {string}
                             */
                            category: "emission" | "safety" | "quality" | "process" | "equipment" | "balance" | "compliance";
                            /** @description the one tag judged */
                            tagId: number | null;
                            /** @description a device's tag of tagKey, or without tagKey (no_data only) the whole device */
                            deviceId: number | null;
                            /** @description every tag of tagKey on the devices of the unit */
                            unitId: number | null;
                            /**
                             * @description every tag of tagKey on the enterprise's devices of this kind (overridable per device or tag)
                             * @enum {string|null}
                             */
                            deviceKind: "energy_meter" | "flow_meter" | "emission_monitor" | "quality_analyzer" | "level_gauge" | "temperature_sensor" | "pressure_sensor" | "weighbridge" | "gateway" | "other" | null;
                            tagKey: string | null;
                            /** @description the device kind or unit rule this tag or device rule replaces for its subject (disabled: removes it there) */
                            overridesRuleId: number | null;
                            /** @description threshold HH */
                            highHigh: number | null;
                            /** @description threshold H; window: the permitted mean or quota; forecast: the limit (default: the tag’s H) */
                            high: number | null;
                            /** @description threshold L; window: the lower bound; forecast: the limit (default: the tag’s L) */
                            low: number | null;
                            /** @description threshold LL */
                            lowLow: number | null;
                            /** @description threshold: how far back inside a limit the value must come to clear */
                            deadband: number | null;
                            /** @description threshold: how long beyond a limit before the alarm is raised (seconds) */
                            onDelaySeconds: number | null;
                            /** @description threshold: how long back inside before it clears (seconds) */
                            offDelaySeconds: number | null;
                            /** @description rate: the window of the change; window: the averaging or totalling period (seconds) */
                            windowSeconds: number | null;
                            /** @description rate: the largest rise allowed within the window */
                            maxRise: number | null;
                            /** @description rate: the largest fall allowed within the window */
                            maxFall: number | null;
                            /** @description no_data: raised after this long without a reading (seconds) */
                            silenceSeconds: number | null;
                            /** @enum {string|null} */
                            aggregate: "mean" | "sum" | null;
                            /** @description window: the share of expected readings a window needs to count */
                            minCompleteness: number | null;
                            /** @description window: the reporting interval of the device (seconds) */
                            expectedIntervalSeconds: number | null;
                            /** @enum {string|null} */
                            chart: "imr" | "xbar_r" | null;
                            subgroupSize: number | null;
                            /** @description spc: the baseline period’s start (epoch ms, inclusive) */
                            baselineFrom: number | null;
                            /** @description spc: its end (epoch ms, exclusive) */
                            baselineTo: number | null;
                            runRules: number[] | null;
                            /** @description forecast: warn of a crossing within this horizon (seconds) */
                            horizonSeconds: number | null;
                            /** @description forecast: the time step readings are resampled to (seconds) */
                            stepSeconds: number | null;
                            /** @description forecast: how much recent history the trend is fitted on (seconds) */
                            fitWindowSeconds: number | null;
                            /** @description forecast: the probability of crossing above which it warns */
                            confidence: number | null;
                            description: string | null;
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/alarm-shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List alarm shares */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description searches code and names */
                    q?: string;
                    sort?: "id" | "code" | "name" | "createdAt" | "updatedAt";
                    order?: "asc" | "desc";
                    enterpriseId?: number;
                    /** @description the enterprise shared with; null: the park (operator and regulators) */
                    granteeId?: number;
                    /** @description all: every alarm; emission_safety: emission and safety alarms only (what the park sees without a rule); none: nothing (for the park: withdraws its default) */
                    scope?: "all" | "emission_safety" | "none";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                enterpriseId: number;
                                /** @description the enterprise shared with; null: the park (operator and regulators) */
                                granteeId: number | null;
                                /**
                                 * @description all: every alarm; emission_safety: emission and safety alarms only (what the park sees without a rule); none: nothing (for the park: withdraws its default)
                                 * @enum {string}
                                 */
                                scope: "all" | "emission_safety" | "none";
                                /** @description epoch milliseconds, UTC */
                                createdAt: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a alarm share */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enterpriseId?: number;
                        /** @description the enterprise shared with; null: the park (operator and regulators) */
                        granteeId?: number | null;
                        /**
                         * @description all: every alarm; emission_safety: emission and safety alarms only (what the park sees without a rule); none: nothing (for the park: withdraws its default)
                         * @enum {string}
                         */
                        scope: "all" | "emission_safety" | "none";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /** @description the enterprise shared with; null: the park (operator and regulators) */
                            granteeId: number | null;
                            /**
                             * @description all: every alarm; emission_safety: emission and safety alarms only (what the park sees without a rule); none: nothing (for the park: withdraws its default)
                             * @enum {string}
                             */
                            scope: "all" | "emission_safety" | "none";
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarm-shares/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a alarm share */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /** @description the enterprise shared with; null: the park (operator and regulators) */
                            granteeId: number | null;
                            /**
                             * @description all: every alarm; emission_safety: emission and safety alarms only (what the park sees without a rule); none: nothing (for the park: withdraws its default)
                             * @enum {string}
                             */
                            scope: "all" | "emission_safety" | "none";
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a alarm share */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a alarm share */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description all: every alarm; emission_safety: emission and safety alarms only (what the park sees without a rule); none: nothing (for the park: withdraws its default)
                         * @enum {string}
                         */
                        scope?: "all" | "emission_safety" | "none";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            /** @description the enterprise shared with; null: the park (operator and regulators) */
                            granteeId: number | null;
                            /**
                             * @description all: every alarm; emission_safety: emission and safety alarms only (what the park sees without a rule); none: nothing (for the park: withdraws its default)
                             * @enum {string}
                             */
                            scope: "all" | "emission_safety" | "none";
                            /** @description epoch milliseconds, UTC */
                            createdAt: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/alarms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the alarms the caller sees, newest activation first */
        get: {
            parameters: {
                query: {
                    limit: number;
                    offset: number;
                    /** @description active: condition active and annunciated; unacknowledged: waiting for acknowledgement; all (default); or one state */
                    state?: "active" | "unacknowledged" | "all" | "normal" | "active_unacknowledged" | "active_acknowledged" | "cleared_unacknowledged" | "shelved" | "suppressed";
                    severity?: "low" | "medium" | "high" | "critical";
                    category?: "emission" | "safety" | "quality" | "process" | "equipment" | "balance" | "compliance";
                    enterpriseId?: number;
                    tagId?: number;
                    deviceId?: number;
                    unitId?: number;
                    ruleId?: number;
                    source?: string;
                    /** @description searches message and level */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                enterpriseId: number;
                                enterpriseCode: string | null;
                                /** @description 'rule', or the module that raised it */
                                source: string;
                                sourceKey: string;
                                ruleId: number | null;
                                tagId: number | null;
                                tagName: string | null;
                                tagKey: string | null;
                                deviceId: number | null;
                                deviceCode: string | null;
                                unitId: number | null;
                                /** @enum {string} */
                                category: "emission" | "safety" | "quality" | "process" | "equipment" | "balance" | "compliance";
                                /** @enum {string} */
                                severity: "low" | "medium" | "high" | "critical";
                                /** @enum {string} */
                                state: "normal" | "active_unacknowledged" | "active_acknowledged" | "cleared_unacknowledged" | "shelved" | "suppressed";
                                /** @description whether the condition stands now (also while shelved or suppressed) */
                                active: boolean;
                                /** @description the current activation was acknowledged */
                                acknowledged: boolean;
                                /** @description H, HH, L, LL, ROC_UP, NO_DATA, MEAN_H, SPC1..8, FORECAST_H, … */
                                level: string | null;
                                value: number | null;
                                message: string;
                                /** @description why the condition is active (ConditionDetail) */
                                detail: {
                                    limit?: number;
                                    change?: number;
                                    windowStart?: number;
                                    windowEnd?: number;
                                    completeness?: number;
                                    runRule?: number;
                                    runRuleName?: string;
                                    predictedAt?: number;
                                    probability?: number;
                                    lastSeenAt?: number | null;
                                } | null;
                                /** @description epoch milliseconds, UTC */
                                raisedAt: number | null;
                                /** @description epoch milliseconds, UTC */
                                clearedAt: number | null;
                                /** @description epoch milliseconds, UTC */
                                ackedAt: number | null;
                                /** @description user id of who acknowledged */
                                ackedBy: string | null;
                                /** @description epoch milliseconds, UTC */
                                shelvedUntil: number | null;
                                /** @description grows with every transition */
                                version: number;
                                /** @description epoch milliseconds, UTC */
                                updatedAt: number;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts of the alarms the caller sees, by state and severity */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            /** @description alarms waiting for acknowledgement (the menu badge) */
                            unacknowledged: number;
                            /** @description conditions active and annunciated */
                            active: number;
                            byState: {
                                normal: number;
                                active_unacknowledged: number;
                                active_acknowledged: number;
                                cleared_unacknowledged: number;
                                shelved: number;
                                suppressed: number;
                            };
                            /** @description of the annunciated alarms (active or waiting for acknowledgement) */
                            bySeverity: {
                                low: number;
                                medium: number;
                                high: number;
                                critical: number;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge, shelve, unshelve or comment on alarms in bulk
         * @description Each alarm is answered on its own: refused ones carry the lifecycle’s reason and a problem. Shelving needs a reason and an expiry (until, or durationMinutes) at most 7 days ahead.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids: number[];
                        /** @enum {string} */
                        action: "acknowledge" | "shelve" | "unshelve" | "comment";
                        /** @description acknowledge: optional; comment: required */
                        comment?: string;
                        /** @description shelve: required (ISA-18.2 documents every shelving); unshelve: optional */
                        reason?: string;
                        /** @description shelve: epoch ms the shelf expires, in the future and at most 7 days ahead */
                        until?: number;
                        /** @description shelve: instead of until, minutes from now (at most 7 days) */
                        durationMinutes?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                id: number;
                                ok: boolean;
                                /** @enum {string} */
                                state?: "normal" | "active_unacknowledged" | "active_acknowledged" | "cleared_unacknowledged" | "shelved" | "suppressed";
                                /** @description the lifecycle's reason code when it refused (not_active, hidden, …) */
                                reason?: string;
                                problem?: {
                                    type: string;
                                    title: string;
                                    status: number;
                                    detail: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an alarm */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            enterpriseId: number;
                            enterpriseCode: string | null;
                            /** @description 'rule', or the module that raised it */
                            source: string;
                            sourceKey: string;
                            ruleId: number | null;
                            tagId: number | null;
                            tagName: string | null;
                            tagKey: string | null;
                            deviceId: number | null;
                            deviceCode: string | null;
                            unitId: number | null;
                            /** @enum {string} */
                            category: "emission" | "safety" | "quality" | "process" | "equipment" | "balance" | "compliance";
                            /** @enum {string} */
                            severity: "low" | "medium" | "high" | "critical";
                            /** @enum {string} */
                            state: "normal" | "active_unacknowledged" | "active_acknowledged" | "cleared_unacknowledged" | "shelved" | "suppressed";
                            /** @description whether the condition stands now (also while shelved or suppressed) */
                            active: boolean;
                            /** @description the current activation was acknowledged */
                            acknowledged: boolean;
                            /** @description H, HH, L, LL, ROC_UP, NO_DATA, MEAN_H, SPC1..8, FORECAST_H, … */
                            level: string | null;
                            value: number | null;
                            message: string;
                            /** @description why the condition is active (ConditionDetail) */
                            detail: {
                                limit?: number;
                                change?: number;
                                windowStart?: number;
                                windowEnd?: number;
                                completeness?: number;
                                runRule?: number;
                                runRuleName?: string;
                                predictedAt?: number;
                                probability?: number;
                                lastSeenAt?: number | null;
                            } | null;
                            /** @description epoch milliseconds, UTC */
                            raisedAt: number | null;
                            /** @description epoch milliseconds, UTC */
                            clearedAt: number | null;
                            /** @description epoch milliseconds, UTC */
                            ackedAt: number | null;
                            /** @description user id of who acknowledged */
                            ackedBy: string | null;
                            /** @description epoch milliseconds, UTC */
                            shelvedUntil: number | null;
                            /** @description grows with every transition */
                            version: number;
                            /** @description epoch milliseconds, UTC */
                            updatedAt: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The journal of an alarm, newest first */
        get: {
            parameters: {
                query: {
                    limit: number;
                    offset: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description epoch milliseconds, UTC */
                                at: number;
                                /** @description a user's id, or 'system' */
                                by: string;
                                /** @description the user’s name at the time */
                                byName: string | null;
                                event: string;
                                /** @description raised, escalated, level_changed, cleared, acknowledged, shelved, reshelved, unshelved, shelf_expired, suppressed, unsuppressed, commented */
                                why: string;
                                /** @enum {string} */
                                fromState: "normal" | "active_unacknowledged" | "active_acknowledged" | "cleared_unacknowledged" | "shelved" | "suppressed";
                                /** @enum {string} */
                                toState: "normal" | "active_unacknowledged" | "active_acknowledged" | "cleared_unacknowledged" | "shelved" | "suppressed";
                                note: string | null;
                                active: boolean;
                                level: string | null;
                                /** @enum {string|null} */
                                severity: "low" | "medium" | "high" | "critical" | null;
                                value: number | null;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarm-rules/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** How a rule, as it would be created, would have fired on the last days of a tag (back-test) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rule: {
                            enterpriseId?: number;
                            name?: string | null;
                            /** @enum {string} */
                            kind: "threshold" | "rate" | "no_data" | "window" | "spc" | "forecast";
                            enabled?: boolean;
                            /** @enum {string} */
                            severity?: "low" | "medium" | "high" | "critical";
                            /**
                             * @description default: from the tag's kind (emission, quality, else process)
                             * @enum {string}
                             */
                            category?: "emission" | "safety" | "quality" | "process" | "equipment" | "balance" | "compliance";
                            /** @description the one tag judged */
                            tagId?: number | null;
                            /** @description a device's tag of tagKey, or without tagKey (no_data only) the whole device */
                            deviceId?: number | null;
                            /** @description every tag of tagKey on the devices of the unit */
                            unitId?: number | null;
                            /**
                             * @description every tag of tagKey on the enterprise's devices of this kind (overridable per device or tag)
                             * @enum {string|null}
                             */
                            deviceKind?: "energy_meter" | "flow_meter" | "emission_monitor" | "quality_analyzer" | "level_gauge" | "temperature_sensor" | "pressure_sensor" | "weighbridge" | "gateway" | "other" | null;
                            tagKey?: string | null;
                            /** @description the device kind or unit rule this tag or device rule replaces for its subject (disabled: removes it there) */
                            overridesRuleId?: number | null;
                            /** @description threshold HH */
                            highHigh?: number | null;
                            /** @description threshold H; window: the permitted mean or quota; forecast: the limit (default: the tag’s H) */
                            high?: number | null;
                            /** @description threshold L; window: the lower bound; forecast: the limit (default: the tag’s L) */
                            low?: number | null;
                            /** @description threshold LL */
                            lowLow?: number | null;
                            /** @description threshold: how far back inside a limit the value must come to clear */
                            deadband?: number | null;
                            /** @description threshold: how long beyond a limit before the alarm is raised (seconds) */
                            onDelaySeconds?: number | null;
                            /** @description threshold: how long back inside before it clears (seconds) */
                            offDelaySeconds?: number | null;
                            /** @description rate: the window of the change; window: the averaging or totalling period (seconds) */
                            windowSeconds?: number | null;
                            /** @description rate: the largest rise allowed within the window */
                            maxRise?: number | null;
                            /** @description rate: the largest fall allowed within the window */
                            maxFall?: number | null;
                            /** @description no_data: raised after this long without a reading (seconds) */
                            silenceSeconds?: number | null;
                            /** @enum {string|null} */
                            aggregate?: "mean" | "sum" | null;
                            /** @description window: the share of expected readings a window needs to count */
                            minCompleteness?: number | null;
                            /** @description window: the reporting interval of the device (seconds) */
                            expectedIntervalSeconds?: number | null;
                            /** @enum {string|null} */
                            chart?: "imr" | "xbar_r" | null;
                            subgroupSize?: number | null;
                            /** @description spc: the baseline period’s start (epoch ms, inclusive) */
                            baselineFrom?: number | null;
                            /** @description spc: its end (epoch ms, exclusive) */
                            baselineTo?: number | null;
                            runRules?: number[] | null;
                            /** @description forecast: warn of a crossing within this horizon (seconds) */
                            horizonSeconds?: number | null;
                            /** @description forecast: the time step readings are resampled to (seconds) */
                            stepSeconds?: number | null;
                            /** @description forecast: how much recent history the trend is fitted on (seconds) */
                            fitWindowSeconds?: number | null;
                            /** @description forecast: the probability of crossing above which it warns */
                            confidence?: number | null;
                            description?: string | null;
                        };
                        /**
                         * @description how many days back the rule is replayed
                         * @default 7
                         */
                        days?: number;
                        /** @description for a device, unit or device-kind rule: the tag to preview it on */
                        tagId?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tagId: number;
                            from: number;
                            to: number;
                            /** @description readings in the range */
                            points: number;
                            result: {
                                changes: {
                                    at: number;
                                    active: boolean;
                                    level?: string;
                                    value: number | null;
                                    /** @description why the condition is active (limit, window, run rule, predicted crossing, …) */
                                    detail?: {
                                        [key: string]: unknown;
                                    };
                                }[];
                                episodes: {
                                    level: string;
                                    from: number;
                                    /** @description null: still active at the end of the range */
                                    to: number | null;
                                    /** @description the most extreme value of the episode */
                                    peak?: number | null;
                                }[];
                                /** @description readings replayed */
                                points: number;
                                /** @description readings left out (not finite) */
                                invalid: number;
                                /** @description share of the replayed span spent in alarm (0..1) */
                                timeInAlarm: number;
                                /** @description forecast rules: lead time and false-alarm figures of the back-test */
                                forecast?: {
                                    /** @description forecast warnings raised */
                                    warnings: number;
                                    /** @description times the tag actually crossed the limit */
                                    crossings: number;
                                    /** @description crossings warned of beforehand */
                                    hits: number;
                                    /** @description warnings no crossing followed within the horizon */
                                    falseAlarms: number;
                                    /** @description false alarms ÷ warnings judged (0 with none) */
                                    falseAlarmRate: number;
                                    /** @description crossings no warning preceded */
                                    missed: number;
                                    /** @description for each hit: warning to crossing */
                                    leadTimesMs: number[];
                                    medianLeadMs: number | null;
                                };
                            };
                            /** @description the readings for the chart, downsampled to at most 2000 */
                            series: {
                                ts: number;
                                value: number;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags/{id}/alarm-overlay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a tag's chart draws over its readings: limits, control limits, the forecast band, alarm episodes */
        get: {
            parameters: {
                query: {
                    /** @description start of the chart (epoch ms) */
                    from: number;
                    /** @description end of the chart (epoch ms) */
                    to: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the tightest of the tag's own limits and its threshold rules' (where an alarm fires first) */
                            limits: {
                                highHigh: number | null;
                                high: number | null;
                                low: number | null;
                                lowLow: number | null;
                            };
                            controlLimits: {
                                ruleId: number;
                                center: number;
                                ucl: number;
                                lcl: number;
                                sigma: number;
                            }[];
                            forecast: {
                                /** @description null: the default fit, the tag having no forecast rule */
                                ruleId: number | null;
                                stepMs: number;
                                points: {
                                    ts: number;
                                    mean: number;
                                    lower: number;
                                    upper: number;
                                }[];
                                crossing: {
                                    level: string;
                                    predictedAt: number;
                                    probability: number;
                                } | null;
                            } | null;
                            episodes: {
                                level: string;
                                from: number;
                                to: number | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-sent events: each changed alarm the caller may see, as the list shows it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/opcua": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The device's OPC UA connector and its status (the password is never returned) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deviceId: number;
                            enabled: boolean;
                            config: {
                                endpoint: string;
                                /** @enum {string} */
                                securityMode: "None" | "Sign" | "SignAndEncrypt";
                                /** @enum {string} */
                                securityPolicy: "None" | "Basic256Sha256" | "Aes128_Sha256_RsaOaep" | "Aes256_Sha256_RsaPss";
                                username?: string;
                                hasPassword: boolean;
                                samplingIntervalMs: number;
                                mappings: {
                                    nodeId: string;
                                    tagKey: string;
                                }[];
                            };
                            /** @description the node running the connector now (each connector runs on one node); null when none does */
                            node: string | null;
                            /** @description as the running node sees it; null when asked of another node */
                            status: {
                                /** @enum {string} */
                                state: "connecting" | "connected" | "reconnecting" | "stopped" | "failed";
                                /** @description the last connection, session or sink error; kept after recovery */
                                lastError?: string;
                                /** @description when the last numeric reading arrived */
                                lastDataAt?: number;
                                /** @description mapped nodes that give no numeric reading */
                                badNodes: {
                                    nodeId: string;
                                    reason: string;
                                }[];
                                /** @description readings waiting to be stored */
                                buffered: number;
                                /** @description readings dropped because the buffer was full */
                                dropped: number;
                                /** @description storing the last batch failed; it is offered again */
                                sinkFailing: boolean;
                            } | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        /** Create or replace the OPC UA connector of a device: endpoint, security, node ids mapped to tag keys */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default true */
                        enabled?: boolean;
                        /** @description An OPC UA server and the variables read from it */
                        config: {
                            /** @description opc.tcp://host:port/path of the server */
                            endpoint: string;
                            /** @enum {string} */
                            securityMode: "None" | "Sign" | "SignAndEncrypt";
                            /** @enum {string} */
                            securityPolicy: "None" | "Basic256Sha256" | "Aes128_Sha256_RsaOaep" | "Aes256_Sha256_RsaPss";
                            username?: string;
                            /** @description stored, never returned */
                            password?: string;
                            /** @description the monitored items' sampling interval and the subscription's publishing interval, in ms */
                            samplingIntervalMs: number;
                            /** @description the variables read, each to one tag of the device */
                            mappings: {
                                /** @description the OPC UA variable, e.g. ns=2;s=Boiler1.SteamFlow; each node is mapped once */
                                nodeId: string;
                                /** @description the key of one of the device's tags, e.g. steam_flow; each tag is mapped once */
                                tagKey: string;
                            }[];
                        } & ({
                            /** @enum {string} */
                            securityMode: "None";
                            /** @enum {string} */
                            securityPolicy: "None";
                        } | {
                            /** @enum {string} */
                            securityMode: "Sign" | "SignAndEncrypt";
                            /** @enum {string} */
                            securityPolicy: "Basic256Sha256" | "Aes128_Sha256_RsaOaep" | "Aes256_Sha256_RsaPss";
                        }) & ({
                            username?: unknown;
                            password?: unknown;
                        } | {
                            username: string;
                            password: string;
                        });
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deviceId: number;
                            enabled: boolean;
                            config: {
                                endpoint: string;
                                /** @enum {string} */
                                securityMode: "None" | "Sign" | "SignAndEncrypt";
                                /** @enum {string} */
                                securityPolicy: "None" | "Basic256Sha256" | "Aes128_Sha256_RsaOaep" | "Aes256_Sha256_RsaPss";
                                username?: string;
                                hasPassword: boolean;
                                samplingIntervalMs: number;
                                mappings: {
                                    nodeId: string;
                                    tagKey: string;
                                }[];
                            };
                            /** @description the node running the connector now (each connector runs on one node); null when none does */
                            node: string | null;
                            /** @description as the running node sees it; null when asked of another node */
                            status: {
                                /** @enum {string} */
                                state: "connecting" | "connected" | "reconnecting" | "stopped" | "failed";
                                /** @description the last connection, session or sink error; kept after recovery */
                                lastError?: string;
                                /** @description when the last numeric reading arrived */
                                lastDataAt?: number;
                                /** @description mapped nodes that give no numeric reading */
                                badNodes: {
                                    nodeId: string;
                                    reason: string;
                                }[];
                                /** @description readings waiting to be stored */
                                buffered: number;
                                /** @description readings dropped because the buffer was full */
                                dropped: number;
                                /** @description storing the last batch failed; it is offered again */
                                sinkFailing: boolean;
                            } | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        post?: never;
        /** Remove the OPC UA connector of a device */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and the store */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status?: string;
                            version?: string;
                            db?: string;
                            uptimeS?: number;
                            /** @description where devices publish */
                            mqttUrl?: string | null;
                            /** @description the embedded broker port (null with an external broker) */
                            mqttPort?: number | null;
                            /** @description the URL users and devices reach this node by (--public-url) */
                            publicUrl?: string | null;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status?: string;
                            detail?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/epcis/capture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Capture an EPCIS document (JSON-LD or XML); answers 202 with the capture job in Location */
        post: {
            parameters: {
                query?: {
                    /** @description the enterprise the events are captured for (park roles); the caller's own by default */
                    enterpriseId?: number;
                };
                header?: {
                    /** @description rollback (default): one invalid event fails the whole capture; proceed: the valid events are captured */
                    "gs1-capture-error-behaviour"?: "rollback" | "proceed";
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/ld+json": components["schemas"]["epcis.document"] | components["schemas"]["epcis.event"][] | (Record<string, never> & components["schemas"]["epcis.event"]);
                    "application/json": components["schemas"]["epcis.document"] | components["schemas"]["epcis.event"][] | (Record<string, never> & components["schemas"]["epcis.event"]);
                    "application/xml": string;
                    "text/xml": string;
                };
            };
            responses: {
                /** @description The capture job was created; its state is at the Location /epcis/capture/{captureID} */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            captureID: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import flows from CSV (period,from,to,material,quantity,unit,sd,basis): 202 with the job; a file with any rejected row imports nothing */
        post: {
            parameters: {
                query?: {
                    filename?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            state: "running" | "done" | "failed";
                            filename: string;
                            totalRows: number;
                            /** @description rows checked so far (accepted + rejected) */
                            processedRows: number;
                            /** @description rows that passed; on 'done' the rows written, on 'failed' none was written */
                            accepted: number;
                            rejected: number;
                            /** @description every rejected row with its reason (the first 10,000) */
                            errors: {
                                /** @description the data row (1 = the first after the header) */
                                row: number;
                                reason: string;
                            }[];
                            createdBy: string;
                            createdAt: number;
                            finishedAt: number | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kpi-inputs/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import KPI inputs from CSV (enterprise,unit,period,value_added_10k_cny,production_t,main_product): upserted by enterprise, unit and period; a file with any bad row imports nothing (422, every bad row and why) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description rows written */
                            imported: number;
                            created: number;
                            /** @description rows that replaced what was stated for the same enterprise, unit and period */
                            updated: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["problem"];
                    };
                };
            };
        };
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
        /** @description RFC 9457 problem details */
        problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            instance?: string;
            errors?: {
                path: string;
                message: string;
            }[];
        };
        /** @description JSON-LD @context: an IRI, a context object (prefix → IRI) or an array of both */
        "epcis.context": string | Record<string, never> | (string | Record<string, never>)[];
        /** Format: uri */
        "epcis.uri": string;
        "epcis.dateTime": string;
        "epcis.timeZoneOffset": string;
        /** Format: cbv-disposition */
        "epcis.disposition": string;
        /** @enum {unknown} */
        "epcis.action": "ADD" | "OBSERVE" | "DELETE";
        "epcis.epcList": components["schemas"]["epcis.uri"][];
        "epcis.quantityElement": {
            epcClass: components["schemas"]["epcis.uri"];
            quantity?: number;
            uom?: string;
        };
        "epcis.quantityList": components["schemas"]["epcis.quantityElement"][];
        "epcis.location": {
            id: components["schemas"]["epcis.uri"];
        };
        "epcis.persistentDisposition": {
            set?: components["schemas"]["epcis.disposition"][];
            unset?: components["schemas"]["epcis.disposition"][];
        };
        "epcis.bizTransaction": {
            /** Format: cbv-btt */
            type?: string;
            bizTransaction: components["schemas"]["epcis.uri"];
        };
        "epcis.source": {
            /** Format: cbv-sdt */
            type: string;
            source: components["schemas"]["epcis.uri"];
        };
        "epcis.destination": {
            /** Format: cbv-sdt */
            type: string;
            destination: components["schemas"]["epcis.uri"];
        };
        "epcis.errorDeclaration": {
            declarationTime: components["schemas"]["epcis.dateTime"];
            /** Format: cbv-er */
            reason?: string;
            correctiveEventIDs?: components["schemas"]["epcis.uri"][];
        };
        "epcis.sensorMetadata": {
            time?: components["schemas"]["epcis.dateTime"];
            startTime?: components["schemas"]["epcis.dateTime"];
            endTime?: components["schemas"]["epcis.dateTime"];
            deviceID?: components["schemas"]["epcis.uri"];
            deviceMetadata?: components["schemas"]["epcis.uri"];
            rawData?: components["schemas"]["epcis.uri"];
            dataProcessingMethod?: components["schemas"]["epcis.uri"];
            bizRules?: components["schemas"]["epcis.uri"];
        };
        "epcis.sensorReport": {
            /** Format: gs1-measurementType */
            type?: string;
            /** Format: gs1-sensorAlertType */
            exception?: string;
            deviceID?: components["schemas"]["epcis.uri"];
            deviceMetadata?: components["schemas"]["epcis.uri"];
            rawData?: components["schemas"]["epcis.uri"];
            dataProcessingMethod?: components["schemas"]["epcis.uri"];
            bizRules?: components["schemas"]["epcis.uri"];
            time?: components["schemas"]["epcis.dateTime"];
            microorganism?: components["schemas"]["epcis.uri"];
            chemicalSubstance?: components["schemas"]["epcis.uri"];
            value?: number;
            /** Format: cbv-component */
            component?: string;
            stringValue?: string;
            booleanValue?: boolean;
            hexBinaryValue?: string;
            uriValue?: components["schemas"]["epcis.uri"];
            minValue?: number;
            maxValue?: number;
            meanValue?: number;
            sDev?: number;
            percRank?: number;
            percValue?: number;
            uom?: string;
            coordinateReferenceSystem?: components["schemas"]["epcis.uri"];
        };
        "epcis.sensorElement": {
            sensorMetadata?: components["schemas"]["epcis.sensorMetadata"];
            sensorReport: components["schemas"]["epcis.sensorReport"][];
        };
        /** @description Instance/lot master data: open content whose keys are URIs (CBV master-data attributes or user extensions) */
        "epcis.ilmd": Record<string, never>;
        "epcis.vocabularyElement": {
            id: components["schemas"]["epcis.uri"];
            attributes?: {
                id: components["schemas"]["epcis.uri"];
                attribute?: number | string | Record<string, never>;
            }[];
            children?: components["schemas"]["epcis.uri"][];
        };
        "epcis.epcisHeader": {
            epcisMasterData?: {
                vocabularyList?: {
                    type: components["schemas"]["epcis.uri"];
                    vocabularyElementList?: components["schemas"]["epcis.vocabularyElement"][];
                }[];
            };
        };
        "epcis.ObjectEvent": {
            /** @enum {unknown} */
            type: "ObjectEvent";
            "@context"?: components["schemas"]["epcis.context"];
            eventTime: components["schemas"]["epcis.dateTime"];
            eventTimeZoneOffset: components["schemas"]["epcis.timeZoneOffset"];
            recordTime?: components["schemas"]["epcis.dateTime"];
            eventID?: components["schemas"]["epcis.uri"];
            errorDeclaration?: components["schemas"]["epcis.errorDeclaration"];
            certificationInfo?: components["schemas"]["epcis.uri"] | components["schemas"]["epcis.uri"][];
            readPoint?: components["schemas"]["epcis.location"];
            bizLocation?: components["schemas"]["epcis.location"];
            /** Format: cbv-bizStep */
            bizStep?: string;
            disposition?: components["schemas"]["epcis.disposition"];
            persistentDisposition?: components["schemas"]["epcis.persistentDisposition"];
            bizTransactionList?: components["schemas"]["epcis.bizTransaction"][];
            sourceList?: components["schemas"]["epcis.source"][];
            destinationList?: components["schemas"]["epcis.destination"][];
            sensorElementList?: components["schemas"]["epcis.sensorElement"][];
            action: components["schemas"]["epcis.action"];
            epcList?: components["schemas"]["epcis.epcList"];
            quantityList?: components["schemas"]["epcis.quantityList"];
            ilmd?: components["schemas"]["epcis.ilmd"];
        };
        "epcis.AggregationEvent": {
            /** @enum {unknown} */
            type: "AggregationEvent";
            "@context"?: components["schemas"]["epcis.context"];
            eventTime: components["schemas"]["epcis.dateTime"];
            eventTimeZoneOffset: components["schemas"]["epcis.timeZoneOffset"];
            recordTime?: components["schemas"]["epcis.dateTime"];
            eventID?: components["schemas"]["epcis.uri"];
            errorDeclaration?: components["schemas"]["epcis.errorDeclaration"];
            certificationInfo?: components["schemas"]["epcis.uri"] | components["schemas"]["epcis.uri"][];
            readPoint?: components["schemas"]["epcis.location"];
            bizLocation?: components["schemas"]["epcis.location"];
            /** Format: cbv-bizStep */
            bizStep?: string;
            disposition?: components["schemas"]["epcis.disposition"];
            persistentDisposition?: components["schemas"]["epcis.persistentDisposition"];
            bizTransactionList?: components["schemas"]["epcis.bizTransaction"][];
            sourceList?: components["schemas"]["epcis.source"][];
            destinationList?: components["schemas"]["epcis.destination"][];
            sensorElementList?: components["schemas"]["epcis.sensorElement"][];
            action: components["schemas"]["epcis.action"];
            parentID?: components["schemas"]["epcis.uri"];
            childEPCs?: components["schemas"]["epcis.epcList"];
            childQuantityList?: components["schemas"]["epcis.quantityList"];
        };
        "epcis.TransactionEvent": {
            /** @enum {unknown} */
            type: "TransactionEvent";
            "@context"?: components["schemas"]["epcis.context"];
            eventTime: components["schemas"]["epcis.dateTime"];
            eventTimeZoneOffset: components["schemas"]["epcis.timeZoneOffset"];
            recordTime?: components["schemas"]["epcis.dateTime"];
            eventID?: components["schemas"]["epcis.uri"];
            errorDeclaration?: components["schemas"]["epcis.errorDeclaration"];
            certificationInfo?: components["schemas"]["epcis.uri"] | components["schemas"]["epcis.uri"][];
            readPoint?: components["schemas"]["epcis.location"];
            bizLocation?: components["schemas"]["epcis.location"];
            /** Format: cbv-bizStep */
            bizStep?: string;
            disposition?: components["schemas"]["epcis.disposition"];
            persistentDisposition?: components["schemas"]["epcis.persistentDisposition"];
            bizTransactionList: components["schemas"]["epcis.bizTransaction"][];
            sourceList?: components["schemas"]["epcis.source"][];
            destinationList?: components["schemas"]["epcis.destination"][];
            sensorElementList?: components["schemas"]["epcis.sensorElement"][];
            action: components["schemas"]["epcis.action"];
            parentID?: components["schemas"]["epcis.uri"];
            epcList?: components["schemas"]["epcis.epcList"];
            quantityList?: components["schemas"]["epcis.quantityList"];
        };
        "epcis.TransformationEvent": {
            /** @enum {unknown} */
            type: "TransformationEvent";
            "@context"?: components["schemas"]["epcis.context"];
            eventTime: components["schemas"]["epcis.dateTime"];
            eventTimeZoneOffset: components["schemas"]["epcis.timeZoneOffset"];
            recordTime?: components["schemas"]["epcis.dateTime"];
            eventID?: components["schemas"]["epcis.uri"];
            errorDeclaration?: components["schemas"]["epcis.errorDeclaration"];
            certificationInfo?: components["schemas"]["epcis.uri"] | components["schemas"]["epcis.uri"][];
            readPoint?: components["schemas"]["epcis.location"];
            bizLocation?: components["schemas"]["epcis.location"];
            /** Format: cbv-bizStep */
            bizStep?: string;
            disposition?: components["schemas"]["epcis.disposition"];
            persistentDisposition?: components["schemas"]["epcis.persistentDisposition"];
            bizTransactionList?: components["schemas"]["epcis.bizTransaction"][];
            sourceList?: components["schemas"]["epcis.source"][];
            destinationList?: components["schemas"]["epcis.destination"][];
            sensorElementList?: components["schemas"]["epcis.sensorElement"][];
            inputEPCList?: components["schemas"]["epcis.epcList"];
            inputQuantityList?: components["schemas"]["epcis.quantityList"];
            outputEPCList?: components["schemas"]["epcis.epcList"];
            outputQuantityList?: components["schemas"]["epcis.quantityList"];
            transformationID?: components["schemas"]["epcis.uri"];
            ilmd?: components["schemas"]["epcis.ilmd"];
        };
        "epcis.AssociationEvent": {
            /** @enum {unknown} */
            type: "AssociationEvent";
            "@context"?: components["schemas"]["epcis.context"];
            eventTime: components["schemas"]["epcis.dateTime"];
            eventTimeZoneOffset: components["schemas"]["epcis.timeZoneOffset"];
            recordTime?: components["schemas"]["epcis.dateTime"];
            eventID?: components["schemas"]["epcis.uri"];
            errorDeclaration?: components["schemas"]["epcis.errorDeclaration"];
            certificationInfo?: components["schemas"]["epcis.uri"] | components["schemas"]["epcis.uri"][];
            readPoint?: components["schemas"]["epcis.location"];
            bizLocation?: components["schemas"]["epcis.location"];
            /** Format: cbv-bizStep */
            bizStep?: string;
            disposition?: components["schemas"]["epcis.disposition"];
            persistentDisposition?: components["schemas"]["epcis.persistentDisposition"];
            bizTransactionList?: components["schemas"]["epcis.bizTransaction"][];
            sourceList?: components["schemas"]["epcis.source"][];
            destinationList?: components["schemas"]["epcis.destination"][];
            sensorElementList?: components["schemas"]["epcis.sensorElement"][];
            action: components["schemas"]["epcis.action"];
            parentID: components["schemas"]["epcis.uri"];
            childEPCs?: components["schemas"]["epcis.epcList"];
            childQuantityList?: components["schemas"]["epcis.quantityList"];
        };
        "epcis.event": {
            /** @enum {unknown} */
            type: "ObjectEvent" | "AggregationEvent" | "TransactionEvent" | "TransformationEvent" | "AssociationEvent";
        } & (components["schemas"]["epcis.ObjectEvent"] | components["schemas"]["epcis.AggregationEvent"] | components["schemas"]["epcis.TransactionEvent"] | components["schemas"]["epcis.TransformationEvent"] | components["schemas"]["epcis.AssociationEvent"]);
        /** @description An EPCISDocument (EPCIS 2.0 JSON-LD binding) */
        "epcis.document": {
            "@context": components["schemas"]["epcis.context"];
            id?: components["schemas"]["epcis.uri"];
            /** @enum {unknown} */
            type: "EPCISDocument";
            schemaVersion: string;
            creationDate: components["schemas"]["epcis.dateTime"];
            sender?: string;
            receiver?: string;
            instanceIdentifier?: string;
            epcisHeader?: components["schemas"]["epcis.epcisHeader"];
            epcisBody: {
                eventList: components["schemas"]["epcis.event"][];
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
