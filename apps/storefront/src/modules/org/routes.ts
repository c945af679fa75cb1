import type { RouteRecordRaw } from 'vue-router';

export const orgRoutes: RouteRecordRaw[] = [
  // The account menu links to /org itself, worded by whether the buyer belongs to an organisation.
  {
    path: '/org',
    name: 'org',
    component: () => import('./pages/OrgPage.vue'),
    meta: { roles: ['buyer'], titleKey: 'org.title' },
  },
  {
    path: '/org/members',
    name: 'org-members',
    component: () => import('./pages/OrgMembersPage.vue'),
    meta: { roles: ['buyer'], titleKey: 'org.members.title' },
  },
  {
    path: '/org/sites',
    name: 'org-sites',
    component: () => import('./pages/OrgSitesPage.vue'),
    meta: { roles: ['buyer'], titleKey: 'org.sites.title' },
  },
  // Open to guests: the e-mailed link is opened first, then the invitee logs in or registers and comes back.
  {
    path: '/org/join',
    name: 'org-join',
    component: () => import('./pages/OrgJoinPage.vue'),
    meta: { titleKey: 'org.join.title' },
  },
];
