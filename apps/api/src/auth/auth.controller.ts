import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ROLES } from '@qh/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { ErrorDto } from '../common/error.dto';
import { AuthService, IssuedSession } from './auth.service';
import { AuthUser, CurrentUser } from './current-user';
import { AuthResponseDto, LoginDto, PasswordResetDto, PasswordResetRequestDto, RegisterDto, UserDto } from './dto/auth.dto';
import { Public, Roles, TownshipScoped } from './roles.decorator';

/** The refresh cookie is sent to the auth routes only, and never readable by scripts. */
export const REFRESH_COOKIE = 'qh_refresh';
const REFRESH_COOKIE_PATH = '/api/auth';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/register')
  @ApiCreatedResponse({ type: AuthResponseDto })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'EMAIL_TAKEN' })
  @ApiResponse({ status: 429, type: ErrorDto, description: 'TOO_MANY_ATTEMPTS: too many registrations from this address' })
  async register(
    @Body() dto: RegisterDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResponseDto> {
    return this.withCookie(reply, await this.auth.register(dto, request.ip));
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'INVALID_CREDENTIALS' })
  @ApiResponse({ status: 429, type: ErrorDto, description: 'TOO_MANY_ATTEMPTS' })
  async login(
    @Body() dto: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResponseDto> {
    return this.withCookie(reply, await this.auth.login(dto, request.ip));
  }

  @Public()
  @Post('auth/password-reset')
  @HttpCode(202)
  @ApiResponse({
    status: 202,
    description: 'Accepted: if the email has an account, a single-use link goes to it (the answer never says whether it has one)',
  })
  async requestPasswordReset(@Body() dto: PasswordResetRequestDto): Promise<void> {
    await this.auth.requestPasswordReset(dto.email);
  }

  @Public()
  @Post('auth/password-reset/confirm')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The new password is set and every session of the account ended' })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'RESET_TOKEN_INVALID: unknown, used or expired' })
  async resetPassword(@Body() dto: PasswordResetDto): Promise<void> {
    await this.auth.resetPassword(dto.token, dto.password);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponseDto, description: 'Rotates the refresh cookie' })
  @ApiNoContentResponse({ description: 'No refresh cookie at all: a guest, nothing to restore (not an error)' })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'REFRESH_TOKEN_INVALID or REFRESH_TOKEN_REUSED' })
  async refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthResponseDto | void> {
    // Every page load of a guest asks; a 401 each time would fill their browser's console with errors.
    if (!request.cookies[REFRESH_COOKIE]) {
      reply.status(204);
      return;
    }
    try {
      return this.withCookie(reply, await this.auth.refresh(request.cookies[REFRESH_COOKIE]));
    } catch (error) {
      reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
      throw error;
    }
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(request.cookies[REFRESH_COOKIE]);
    reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
  }

  @Roles(...ROLES)
  @TownshipScoped()
  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserDto })
  @ApiResponse({ status: 401, type: ErrorDto })
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.auth.me(user.id);
  }

  private withCookie(reply: FastifyReply, session: IssuedSession): AuthResponseDto {
    reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: REFRESH_COOKIE_PATH,
      expires: session.refreshExpiresAt,
    });
    return session.response;
  }
}
