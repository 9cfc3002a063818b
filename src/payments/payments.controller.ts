import { Body, Controller, Delete, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { READERS, Roles } from '../auth/access.decorators.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/authenticated-user.js';
import { Audited } from '../audit/audited.decorator.js';
import { Role } from '../users/role.js';
import { DeletePaymentDto, PaymentQueryDto, PaymentStatusQueryDto, RecordPaymentDto } from './dto/payment.dto.js';
import { readPaymentBody } from './payment-body.js';
import { PaymentStatuses } from './payment-statuses.service.js';
import { DeletePayment } from './use-cases/delete-payment.use-case.js';
import { RecordPayment } from './use-cases/record-payment.use-case.js';
import { PaymentQueries } from './payment-queries.service.js';
import { uuidParam } from '../common/http/uuid-param.js';
import { PaymentException } from './payments.exception.js';

/** A malformed id is answered as an unknown one: the entity's 404 (uuid-param.ts). */
const PAYMENT_ID = uuidParam(PaymentException.notFound);
import { NoQueryDto } from '../common/http/validation.js';
import { ApiErrorResponses } from '../common/errors/error-response.dto.js';
import { PaymentPageDto, PaymentResponseDto, RecordedPaymentResponseDto } from './dto/payment-response.dto.js';
import { PaymentStatusResponseDto } from './dto/payment-status-response.dto.js';
import { SaysRecomputedMonths } from '../funding/recomputed-months.route.js';
import { RecomputesOf, type RequestRecomputes } from '../funding/recomputed-months.js';

@ApiTags('payments')
@ApiBearerAuth()
@Controller('api/v1/payments')
@ApiErrorResponses(400, 401, 403, 404, 409)
export class PaymentsController {
  constructor(
    @Inject(RecordPayment) private readonly recordPayment: RecordPayment,
    @Inject(DeletePayment) private readonly deletePayment: DeletePayment,
    @Inject(PaymentStatuses) private readonly statuses: PaymentStatuses,
    @Inject(PaymentQueries) private readonly queries: PaymentQueries,
  ) {}

  /** The body is checked here (readPaymentBody), not by the global pipe, so a refusal also tells the terms the sound fields break. */
  @Post()
  @Roles(Role.KEUANGAN)
  @Audited('payment.record', 'payment')
  @ApiBody({ type: RecordPaymentDto })
  @ApiCreatedResponse({ type: RecordedPaymentResponseDto })
  async record(@Body() raw: unknown, @CurrentUser() user: AuthenticatedUser, @Query() _query: NoQueryDto) {
    const body = await readPaymentBody(raw, (sound) => this.recordPayment.problemsOf(sound));
    return this.recordPayment.execute({ ...body, actor: user.username });
  }

  /** A payment entered by mistake, in an open month, with why (`reason`, in the audit event); answers the payment removed. */
  @Delete(':id')
  @Roles(Role.KEUANGAN)
  @Audited('payment.delete', 'payment')
  @ApiOkResponse({ type: PaymentResponseDto, description: 'The payment removed.' })
  remove(@Param('id', PAYMENT_ID) id: string, @Body() _body: DeletePaymentDto, @Query() _query: NoQueryDto) {
    return this.deletePayment.execute(id);
  }

  @Get()
  @ApiOkResponse({ type: PaymentPageDto })
  @Roles(...READERS)
  list(@Query() query: PaymentQueryDto) {
    return this.queries.page(query);
  }

  /** Per pledge: due, paid, PAID/UNPAID/UNDERPAID/OVERPAID and late (DOMAIN §8), from the current allocation (STALE months recomputed first). */
  @Get('status')
  @SaysRecomputedMonths()
  @ApiOkResponse({ type: [PaymentStatusResponseDto] })
  @Roles(...READERS)
  status(@Query() query: PaymentStatusQueryDto, @CurrentUser() user: AuthenticatedUser, @RecomputesOf() recomputes?: RequestRecomputes) {
    return this.statuses.current(query.month, user.username, recomputes);
  }
}
