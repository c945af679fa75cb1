import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { AdminOrganisationsController } from './admin-organisations.controller';
import { MembersRepository } from './members.repository';
import { MembersService } from './members.service';
import { Memberships } from './memberships.service';
import { OrganisationController } from './organisation.controller';
import { OrganisationsRepository } from './organisations.repository';
import { OrganisationsService } from './organisations.service';
import { SitesRepository } from './sites.repository';
import { SitesService } from './sites.service';
import { DistrictSharesController, OfficialPlansController, OrgPlansController } from './plans.controller';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

/** Institutional buyers: organisations, their members and roles, their delivery sites. */
@Module({
  imports: [NotificationsModule],
  controllers: [
    OrganisationController,
    AdminOrganisationsController,
    OrgPlansController,
    OfficialPlansController,
    DistrictSharesController,
  ],
  providers: [
    OrganisationsRepository,
    MembersRepository,
    SitesRepository,
    PlansRepository,
    Memberships,
    OrganisationsService,
    MembersService,
    SitesService,
    PlansService,
  ],
  exports: [Memberships, SitesService],
})
export class OrganisationsModule {}
