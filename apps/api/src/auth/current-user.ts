import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@qh/domain';
import type { FastifyRequest } from 'fastify';

export interface AuthUser {
  id: string;
  role: Role;
  cooperativeId: string | null;
}

export type AuthedRequest = FastifyRequest & { user?: AuthUser };

/** The signed-in user of a request (undefined on public routes for guests). */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser | undefined => {
  return context.switchToHttp().getRequest<AuthedRequest>().user;
});
