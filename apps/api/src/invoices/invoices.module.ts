import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { InvoiceProfilesController, OrgInvoiceProfilesController } from './invoice-profiles.controller';
import { InvoiceProfilesRepository } from './invoice-profiles.repository';
import { InvoiceProfilesService } from './invoice-profiles.service';

/** Invoices: the profiles buyers and organisations want them made out to. */
@Module({
  imports: [OrganisationsModule],
  controllers: [InvoiceProfilesController, OrgInvoiceProfilesController],
  providers: [InvoiceProfilesRepository, InvoiceProfilesService],
  exports: [InvoiceProfilesService],
})
export class InvoicesModule {}
