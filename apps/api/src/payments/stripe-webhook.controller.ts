import { Controller, Headers, HttpCode, Inject, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ErrorDto } from '../common/error.dto';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/roles.decorator';
import { AppError } from '../common/app-error';
import { PAYMENT_PROVIDER, type PaymentProvider } from './payment-provider';
import { PaymentsService } from './payments.service';
import { StripePaymentProvider } from './stripe-payment-provider';

/**
 * Stripe's webhook. Only a body signed with our webhook secret, recently, is acted on; the
 * signature is checked over the raw bytes, before anything is parsed or stored.
 */
@ApiTags('payments')
@Public()
@Controller('payments/stripe')
export class StripeWebhookController {
  constructor(
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly payments: PaymentsService,
  ) {}

  @Post('webhook')
  @HttpCode(200)
  @ApiHeader({ name: 'Stripe-Signature', required: true })
  @ApiOkResponse({ description: 'Acted on, or already seen (a repeated event is acknowledged and ignored)' })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'WEBHOOK_SIGNATURE_INVALID: nothing was changed' })
  async receive(
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Headers('stripe-signature') signature: string | undefined,
  ): Promise<{ received: true; outcome: string }> {
    if (!(this.provider instanceof StripePaymentProvider)) throw new AppError('ROUTE_NOT_FOUND', 'Stripe is not configured here.');
    const event = request.rawBody && signature ? this.provider.verifyWebhook(request.rawBody, signature) : null;
    if (!event) throw new AppError('WEBHOOK_SIGNATURE_INVALID', 'The Stripe-Signature header does not match this body, or is too old.');
    const outcome = await this.payments.handleStripeEvent(event);
    return { received: true, outcome };
  }
}
