import { Module } from '@nestjs/common';
import { ImpactModule } from '../impact/impact.module';
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
import { LeagueTableController, OrgProgressController } from './progress.controller';
import { ProgressRepository } from './progress.repository';
import { ProgressService } from './progress.service';

/** Institutional buyers: organisations, their members and roles, their delivery sites. */
@Module({
  imports: [NotificationsModule, ImpactModule],
  controllers: [
    OrganisationController,
    AdminOrganisationsController,
    OrgPlansController,
    OfficialPlansController,
    DistrictSharesController,
    OrgProgressController,
    LeagueTableController,
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
    ProgressRepository,
    ProgressService,
  ],
  exports: [Memberships, SitesService],
})
export class OrganisationsModule {}
