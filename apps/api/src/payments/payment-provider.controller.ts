import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/roles.decorator';
import { PAYMENT_PROVIDER, type PaymentProvider } from './payment-provider';

export class PaymentProviderDto {
  @ApiProperty({ enum: ['demo', 'stripe'] }) provider: 'demo' | 'stripe';
  @ApiProperty({ description: 'Payments are a demonstration: no money moves. The shop says so on every page.' }) demo: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Stripe: the publishable key to load Stripe.js with' })
  publishableKey: string | null;
}

/** Which provider takes payments here, so the shop can say on every page when none of it is real money. */
@ApiTags('payments')
@Controller('payments')
export class PaymentProviderController {
  constructor(@Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider) {}

  @Public()
  @Get('provider')
  @ApiOkResponse({ type: PaymentProviderDto })
  info(): PaymentProviderDto {
    return { provider: this.provider.name, demo: this.provider.name === 'demo', publishableKey: this.provider.publishableKey };
  }
}
