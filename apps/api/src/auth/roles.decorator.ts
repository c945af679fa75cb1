import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from '@qh/domain';

export const ROLES_KEY = 'qh:roles';
export const PUBLIC_KEY = 'qh:public';
export const TOWNSHIP_SCOPED_KEY = 'qh:township-scoped';

/**
 * Opens a route to the named roles; a route without `@Roles` or `@Public` is closed to everyone.
 * The OpenAPI document says so too (`x-roles`), for clients and for the authorization suite,
 * which checks every operation against its policy. On a class it marks each route of the class; a
 * route's own `@Roles` wins, as in the guard.
 */
export const Roles = (...roles: readonly Role[]) => applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', [...roles]));

/**
 * Opens a route to anyone, signed in or not (the user is still attached when a valid token is
 * sent). Documented as `x-public: true`, which outranks any `x-roles` of its class, as in the guard.
 */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-public', true));

/**
 * Opens a route to township officials too (officials scoped to some townships), whom every other
 * route refuses: the route keeps to the caller's townships itself (`seesTownship`). Documented as
 * `x-township-scoped: true`, which the authorization suite checks.
 */
export const TownshipScoped = () => applyDecorators(SetMetadata(TOWNSHIP_SCOPED_KEY, true), ApiExtension('x-township-scoped', true));
