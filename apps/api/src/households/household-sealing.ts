import { Injectable } from '@nestjs/common';
import { isValidResidentId, maskResidentId } from '@qh/domain';
import type { FieldProblem } from '../common/app-error';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import type { CreateHouseholdDto } from './dto/household.dto';
import { HouseholdCrypto } from './household-crypto';
import type { SealedHousehold } from './households.repository';

/** Rules beyond one field's shape: a real ID number (checksum, birth date) and an exit after the registration. */
export function householdRuleProblems(dto: { idNumber?: string; registeredYear?: number; exitYear?: number | null }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // The message never repeats the number.
  if (dto.idNumber !== undefined && !isValidResidentId(dto.idNumber.toUpperCase())) {
    problems.push({
      field: 'idNumber',
      problems: ['not a valid resident ID number (its check character or birth date is wrong)'],
      rules: ['residentId'],
    });
  }
  if (dto.exitYear != null && dto.registeredYear !== undefined && dto.exitYear < dto.registeredYear) {
    problems.push({ field: 'exitYear', problems: ['must not be before registeredYear'], rules: ['notBeforeRegistered'] });
  }
  return problems;
}

/** What is kept of a household's personal data: the name and ID number encrypted, the ID's HMAC to find duplicates, its mask to show. */
@Injectable()
export class HouseholdSealer {
  private readonly crypto: HouseholdCrypto;

  constructor(@InjectConfig() config: AppConfig) {
    this.crypto = new HouseholdCrypto(config.householdDataKey);
  }

  seal(dto: CreateHouseholdDto, code: string | null): SealedHousehold {
    return {
      code,
      townshipCode: dto.townshipCode,
      village: dto.village.trim(),
      members: dto.members,
      registeredYear: dto.registeredYear,
      exitYear: dto.exitYear ?? null,
      status: dto.status,
      headNameEnc: this.sealName(dto.headName),
      ...this.sealIdNumber(dto.idNumber),
    };
  }

  sealName(headName: string): Buffer {
    return this.crypto.encrypt(headName.trim());
  }

  /** The ID number kept three ways: encrypted, as its HMAC (to find the same person again) and masked (to show). */
  sealIdNumber(idNumber: string): Pick<SealedHousehold, 'idNumberEnc' | 'idHmac' | 'idMasked'> {
    const upper = idNumber.toUpperCase();
    return { idNumberEnc: this.crypto.encrypt(upper), idHmac: this.crypto.idHmac(upper), idMasked: maskResidentId(upper) };
  }

  readName(headNameEnc: Buffer): string {
    return this.crypto.decrypt(headNameEnc);
  }
}
