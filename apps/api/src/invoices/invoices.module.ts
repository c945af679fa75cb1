import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { InvoiceFileStore } from './invoice-files';
import { InvoiceProfilesController, OrgInvoiceProfilesController } from './invoice-profiles.controller';
import { InvoiceProfilesRepository } from './invoice-profiles.repository';
import { InvoiceProfilesService } from './invoice-profiles.service';
import {
  AdminInvoiceRequestsController,
  CoopInvoiceRequestsController,
  OrderInvoicesController,
  OrgOrderInvoicesController,
} from './invoice-requests.controller';
import { InvoiceRequestsRepository } from './invoice-requests.repository';
import { InvoiceRequestsService } from './invoice-requests.service';

/** Invoices: the profiles they are made out to, and the e-invoices the cooperatives issue for their shipments. */
@Module({
  imports: [OrganisationsModule],
  controllers: [
    InvoiceProfilesController,
    OrgInvoiceProfilesController,
    CoopInvoiceRequestsController,
    OrderInvoicesController,
    OrgOrderInvoicesController,
    AdminInvoiceRequestsController,
  ],
  providers: [InvoiceProfilesRepository, InvoiceProfilesService, InvoiceRequestsRepository, InvoiceRequestsService, InvoiceFileStore],
  exports: [InvoiceProfilesService, InvoiceRequestsService],
})
export class InvoicesModule {}
