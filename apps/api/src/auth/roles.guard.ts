import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@qh/domain';
import { AppError } from '../common/app-error';
import type { AuthedRequest, AuthUser } from './current-user';
import { PUBLIC_KEY, ROLES_KEY, TOWNSHIP_SCOPED_KEY } from './roles.decorator';

interface AccessClaims {
  sub: string;
  role: Role;
  coop?: string;
  towns?: string[];
}

/** Global guard: deny unless the route is public or opened to the caller's role. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const request = context.switchToHttp().getRequest<AuthedRequest>();

    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      try {
        request.user = await this.userFrom(header.slice('Bearer '.length));
      } catch (error) {
        // On a public route a stale token only means "guest"; elsewhere it is the caller's answer.
        if (!isPublic) throw error;
      }
    }
    if (isPublic) return true;
    if (!request.user) throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
    if (!roles?.includes(request.user.role)) throw new AppError('FORBIDDEN', 'Your account may not do this.');
    // A township official sees its townships only: a route must say that it keeps to them.
    if (request.user.townships && !this.reflector.getAllAndOverride<boolean>(TOWNSHIP_SCOPED_KEY, targets)) {
      throw new AppError(
        'OUTSIDE_YOUR_TOWNSHIPS',
        'A township official’s account sees only its own townships; this page covers the whole county.',
      );
    }
    return true;
  }

  private async userFrom(token: string): Promise<AuthUser> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
      return { id: claims.sub, role: claims.role, cooperativeId: claims.coop ?? null, townships: claims.towns ?? null };
    } catch (error) {
      if ((error as Error).name === 'TokenExpiredError')
        throw new AppError('TOKEN_EXPIRED', 'Your session has expired; refresh it or sign in again.');
      throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
    }
  }
}
