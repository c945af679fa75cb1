import { applyDecorators, Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MAX_CLAIM_PHOTOS } from '@qh/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ActingUser, CurrentUser, cooperativeOf, type Acting, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { MAX_IMAGE_BYTES } from '../catalog/product-images';
import { AppError } from '../common/app-error';
import { sendDownload } from '../common/downloads';
import { ErrorDto } from '../common/error.dto';
import { readUploadedFile } from '../common/uploads';
import { uuidParam } from '../common/uuid-param';
import { ClaimsService } from './claims.service';
import {
  AnswerClaimDto,
  ClaimDto,
  ClaimListDto,
  ClaimQueryDto,
  DecideClaimDto,
  OpenClaimDto,
  QualityDto,
  QualityQueryDto,
} from './dto/claim.dto';

const claimId = () => uuidParam('CLAIM_NOT_FOUND', 'No such claim.');
const photoIndex = () =>
  new ParseIntPipe({ exceptionFactory: () => new AppError('CLAIM_PHOTO_NOT_FOUND', 'This claim has no such photo.') });

function inRange(index: number): number {
  if (index < 0 || index >= MAX_CLAIM_PHOTOS) throw new AppError('CLAIM_PHOTO_NOT_FOUND', 'This claim has no such photo.');
  return index;
}

/** A claim's photo, as each of its parties reads it: the buyer side, the cooperative, admins. */
const ClaimPhotoRoute = (path: string) =>
  applyDecorators(
    Get(path),
    ApiProduces('image/jpeg', 'image/png', 'image/webp'),
    ApiOkResponse({ description: 'The photo (JPEG, PNG or WebP), for the claim’s parties only' }),
    ApiResponse({ status: 404, type: ErrorDto, description: 'CLAIM_NOT_FOUND, CLAIM_PHOTO_NOT_FOUND' }),
  );

@ApiTags('after-sales')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN' })
@Roles('buyer')
@Controller('claims')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Get()
  @ApiOkResponse({
    type: ClaimListDto,
    description: 'Claims the caller opened, and their organisation’s when they are one of its receivers',
  })
  list(@CurrentUser() user: AuthUser, @Query() query: ClaimQueryDto): Promise<ClaimListDto> {
    return this.claims.listForBuyer(user, query);
  }

  @Post()
  @ApiCreatedResponse({ type: ClaimDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'ORDER_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'ORDER_STATUS_CONFLICT, FULFILLMENT_STATUS_CONFLICT' })
  @ApiResponse({
    status: 422,
    type: ErrorDto,
    description: 'CLAIM_WINDOW_CLOSED, CLAIM_QUANTITY_TOO_LARGE, CLAIM_LINE_NOT_FOUND, NOTHING_CLAIMED',
  })
  open(@ActingUser() user: Acting, @Body() dto: OpenClaimDto): Promise<ClaimDto> {
    return this.claims.open(user, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: ClaimDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'CLAIM_NOT_FOUND' })
  get(@CurrentUser() user: AuthUser, @Param('id', claimId()) id: string): Promise<ClaimDto> {
    return this.claims.get(user, id);
  }

  @Post(':id/photos')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: ClaimDto })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'CLAIM_STATUS_CONFLICT' })
  @ApiResponse({ status: 413, type: ErrorDto, description: 'PAYLOAD_TOO_LARGE' })
  @ApiResponse({ status: 415, type: ErrorDto, description: 'UNSUPPORTED_IMAGE_TYPE' })
  @ApiResponse({ status: 422, type: ErrorDto, description: 'TOO_MANY_IMAGES' })
  async addPhoto(@ActingUser() user: Acting, @Param('id', claimId()) id: string, @Req() request: FastifyRequest): Promise<ClaimDto> {
    const bytes = await readUploadedFile(request, {
      field: 'file',
      what: 'the photo',
      maxBytes: MAX_IMAGE_BYTES,
      tooLargeMessage: `A photo may be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`,
    });
    return this.claims.addPhoto(user, id, bytes);
  }

  @ClaimPhotoRoute(':id/photos/:index')
  async photo(
    @CurrentUser() user: AuthUser,
    @Param('id', claimId()) id: string,
    @Param('index', photoIndex()) index: number,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDownload(reply, await this.claims.photo(user, id, inRange(index)));
  }

  @Post(':id/accept-offer')
  @HttpCode(200)
  @ApiOkResponse({ type: ClaimDto, description: 'SETTLED: the offered units are refunded' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'CLAIM_STATUS_CONFLICT' })
  acceptOffer(@ActingUser() user: Acting, @Param('id', claimId()) id: string): Promise<ClaimDto> {
    return this.claims.acceptOffer(user, id);
  }

  @Post(':id/escalate')
  @HttpCode(200)
  @ApiOkResponse({ type: ClaimDto, description: 'ESCALATED: an admin decides' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'CLAIM_STATUS_CONFLICT' })
  escalate(@ActingUser() user: Acting, @Param('id', claimId()) id: string): Promise<ClaimDto> {
    return this.claims.escalate(user, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: ClaimDto })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'CLAIM_STATUS_CONFLICT' })
  withdraw(@ActingUser() user: Acting, @Param('id', claimId()) id: string): Promise<ClaimDto> {
    return this.claims.withdraw(user, id);
  }
}

@ApiTags('cooperative portal')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN' })
@Roles('cooperative')
@Controller('coop')
export class CoopClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Get('claims')
  @ApiOkResponse({ type: ClaimListDto, description: 'Claims on the cooperative’s shipments, newest first' })
  list(@ActingUser() user: Acting, @Query() query: ClaimQueryDto): Promise<ClaimListDto> {
    return this.claims.listForCooperative(user, query);
  }

  @Get('claims/:id')
  @ApiOkResponse({ type: ClaimDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'CLAIM_NOT_FOUND' })
  get(@CurrentUser() user: AuthUser, @Param('id', claimId()) id: string): Promise<ClaimDto> {
    return this.claims.get(user, id);
  }

  @ClaimPhotoRoute('claims/:id/photos/:index')
  async photo(
    @CurrentUser() user: AuthUser,
    @Param('id', claimId()) id: string,
    @Param('index', photoIndex()) index: number,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDownload(reply, await this.claims.photo(user, id, inRange(index)));
  }

  @Post('claims/:id/answer')
  @HttpCode(200)
  @ApiOkResponse({ type: ClaimDto, description: 'ACCEPT settles and refunds; OFFER waits for the buyer; DISPUTE needs a note' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'CLAIM_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'CLAIM_STATUS_CONFLICT' })
  @ApiResponse({ status: 422, type: ErrorDto, description: 'CLAIM_QUANTITY_TOO_LARGE, NOTHING_CLAIMED' })
  answer(@ActingUser() user: Acting, @Param('id', claimId()) id: string, @Body() dto: AnswerClaimDto): Promise<ClaimDto> {
    return this.claims.answer(user, id, dto);
  }

  @Get('quality')
  @ApiOkResponse({ type: QualityDto, description: 'The cooperative’s on-time shipping, claim rate and refunded share' })
  quality(@ActingUser() user: Acting): Promise<QualityDto> {
    return this.claims.quality(cooperativeOf(user));
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN' })
@Roles('admin')
@Controller('admin')
export class AdminClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Get('claims')
  @ApiOkResponse({ type: ClaimListDto })
  list(@Query() query: ClaimQueryDto): Promise<ClaimListDto> {
    return this.claims.listForAdmin(query);
  }

  @Get('claims/:id')
  @ApiOkResponse({ type: ClaimDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'CLAIM_NOT_FOUND' })
  get(@CurrentUser() user: AuthUser, @Param('id', claimId()) id: string): Promise<ClaimDto> {
    return this.claims.get(user, id);
  }

  @ClaimPhotoRoute('claims/:id/photos/:index')
  async photo(
    @CurrentUser() user: AuthUser,
    @Param('id', claimId()) id: string,
    @Param('index', photoIndex()) index: number,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDownload(reply, await this.claims.photo(user, id, inRange(index)));
  }

  @Post('claims/:id/decide')
  @HttpCode(200)
  @ApiOkResponse({
    type: ClaimDto,
    description: 'Escalated, or unanswered after 24 h: SETTLED with the units granted, or REJECTED with none',
  })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'CLAIM_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'CLAIM_STATUS_CONFLICT' })
  decide(@ActingUser() admin: Acting, @Param('id', claimId()) id: string, @Body() dto: DecideClaimDto): Promise<ClaimDto> {
    return this.claims.decide(admin, id, dto);
  }

  @Get('quality')
  @ApiOkResponse({ type: QualityDto, description: 'Claim rate and refunded share per cooperative and product' })
  quality(@Query() query: QualityQueryDto): Promise<QualityDto> {
    return this.claims.quality(query.cooperativeId ?? null);
  }
}
