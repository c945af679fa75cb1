import { SetMetadata } from '@nestjs/common';
import type { Role } from '@qh/domain';

export const ROLES_KEY = 'qh:roles';
export const PUBLIC_KEY = 'qh:public';

/** Opens a route to the named roles; a route without `@Roles` or `@Public` is closed to everyone. */
export const Roles = (...roles: readonly Role[]) => SetMetadata(ROLES_KEY, roles);

/** Opens a route to anyone, signed in or not (the user is still attached when a valid token is sent). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
