import { Body, Controller, Delete, Get, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Public } from '../auth/roles.decorator';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { ErrorDto } from '../common/error.dto';
import { uuidParam } from '../common/uuid-param';
import { CartService, GUEST_CART_DAYS, GuestCookie, Shopper } from './cart.service';
import { AddCartLineDto, CartDto, UpdateCartLineDto } from './dto/cart.dto';

export const CART_COOKIE = 'qh_cart';
const CART_COOKIE_MAX_AGE_SECONDS = GUEST_CART_DAYS * 24 * 3600;
const lineId = () => uuidParam('CART_LINE_NOT_FOUND', 'No such line in your cart.');

/** Open to guests and buyers; a signed-in buyer's cart is the account's, a guest's follows the cookie. */
@ApiTags('cart')
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: staff, official and admin accounts have no cart' })
@Public()
@Controller('cart')
export class CartController {
  constructor(
    private readonly carts: CartService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOkResponse({ type: CartDto })
  async view(
    @CurrentUser() user: AuthUser | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CartDto> {
    return this.send(reply, await this.carts.view(this.shopper(user, request)));
  }

  @Post('lines')
  @ApiOkResponse({ type: CartDto, description: 'Adds to the line of the same variant if there is one' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'VARIANT_NOT_FOUND' })
  async add(
    @CurrentUser() user: AuthUser | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() dto: AddCartLineDto,
  ): Promise<CartDto> {
    reply.status(200);
    return this.send(reply, await this.carts.add(this.shopper(user, request), dto.variantId, dto.quantity));
  }

  @Patch('lines/:id')
  @ApiOkResponse({ type: CartDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'CART_LINE_NOT_FOUND' })
  async update(
    @CurrentUser() user: AuthUser | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', lineId()) id: string,
    @Body() dto: UpdateCartLineDto,
  ): Promise<CartDto> {
    return this.send(reply, await this.carts.setQuantity(this.shopper(user, request), id, dto.quantity));
  }

  @Delete('lines/:id')
  @ApiOkResponse({ type: CartDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'CART_LINE_NOT_FOUND' })
  async remove(
    @CurrentUser() user: AuthUser | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', lineId()) id: string,
  ): Promise<CartDto> {
    return this.send(reply, await this.carts.remove(this.shopper(user, request), id));
  }

  private shopper(user: AuthUser | undefined, request: FastifyRequest): Shopper {
    const token = request.cookies[CART_COOKIE];
    return { user, guestToken: token && /^[\w-]{43}$/.test(token) ? token : undefined };
  }

  private send(reply: FastifyReply, result: { cart: CartDto; cookie: GuestCookie }): CartDto {
    // Lax, not Strict: a guest arriving from a link still sees their cart.
    const options = { path: '/api', httpOnly: true, sameSite: 'lax' as const, secure: this.config.cookieSecure };
    if (result.cookie === 'clear') reply.clearCookie(CART_COOKIE, options);
    else if (result.cookie) reply.setCookie(CART_COOKIE, result.cookie.set, { ...options, maxAge: CART_COOKIE_MAX_AGE_SECONDS });
    return result.cart;
  }
}
