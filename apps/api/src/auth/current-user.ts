import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@qh/domain';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';

export interface AuthUser {
  id: string;
  role: Role;
  cooperativeId: string | null;
  /** A township official's townships; null for every other account. */
  townships: string[] | null;
}

export type AuthedRequest = FastifyRequest & { user?: AuthUser };

/** The signed-in user of a request (undefined on public routes for guests). */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser | undefined => {
  return context.switchToHttp().getRequest<AuthedRequest>().user;
});

/** The signed-in user of a role-restricted route, with the request id that audit rows carry. */
export interface Acting extends AuthUser {
  requestId: string;
}

/** Only on routes with `@Roles(...)`, where the guard has already made sure there is a user. */
export const ActingUser = createParamDecorator((_: unknown, context: ExecutionContext): Acting => {
  const request = context.switchToHttp().getRequest<AuthedRequest>();
  if (!request.user) throw new Error('ActingUser used on a route without @Roles');
  return { ...request.user, requestId: String(request.id) };
});

/** Whether a household (or anything of one) in `townshipCode` is within what `user` may see. */
export function seesTownship(user: AuthUser, townshipCode: string): boolean {
  return user.townships === null || user.townships.includes(townshipCode);
}

/** The cooperative a staff member works for. The account table guarantees staff belong to exactly one. */
export function cooperativeOf(user: AuthUser): string {
  if (!user.cooperativeId) throw new AppError('FORBIDDEN', 'This account does not belong to a cooperative.');
  return user.cooperativeId;
}
