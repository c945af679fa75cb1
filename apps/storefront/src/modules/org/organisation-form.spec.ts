import { describe, expect, it } from 'vitest';
import { emptyOrganisationForm, formFromOrganisation, organisationFormErrors, toRegisterBody, toUpdateBody } from './organisation-form';
import { CREDIT_CODE, myOrganisation } from './testing/fixtures';

describe('organisation form', () => {
  it('asks for every required field of an empty form', () => {
    expect(Object.keys(organisationFormErrors(emptyOrganisationForm()))).toEqual([
      'name',
      'creditCode',
      'type',
      'districtCode',
      'contactName',
      'contactMobile',
    ]);
  });

  it('does not check what a verified organisation keeps', () => {
    const form = { ...formFromOrganisation(myOrganisation()), name: '', creditCode: 'X' };
    expect(organisationFormErrors(form, true)).toEqual({});
  });

  it('leaves an empty English name out of a registration, so the API uses the Chinese one', () => {
    const body = toRegisterBody({ ...formFromOrganisation(myOrganisation()), nameEn: ' ', creditCode: CREDIT_CODE.toLowerCase() });
    expect(body).not.toHaveProperty('nameEn');
    expect(body.creditCode).toBe(CREDIT_CODE);
  });

  it('sends only what changed', () => {
    const before = myOrganisation();
    expect(toUpdateBody(formFromOrganisation(before), before)).toEqual({});
    expect(toUpdateBody({ ...formFromOrganisation(before), hasCanteen: false, contactMobile: '13900139000' }, before)).toEqual({
      hasCanteen: false,
      contactMobile: '13900139000',
    });
  });

  it('renames both names of an organisation whose English name was its Chinese one', () => {
    const before = myOrganisation({ nameEn: myOrganisation().name });
    const form = formFromOrganisation(before);
    expect(form.nameEn).toBe('');
    expect(toUpdateBody({ ...form, name: '天河区机关饭堂' }, before)).toEqual({ name: '天河区机关饭堂', nameEn: '天河区机关饭堂' });
  });

  it('never sends the fields a verified organisation keeps', () => {
    const before = myOrganisation({ status: 'VERIFIED' });
    const form = { ...formFromOrganisation(before), name: '别的名字', budgetUnit: false, contactName: '陈晓岚' };
    expect(toUpdateBody(form, before)).toEqual({ contactName: '陈晓岚' });
  });
});
