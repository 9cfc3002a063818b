import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** A UUID route parameter, refused with an Indonesian message. */
export const UUID_PARAM = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException({ message: 'id harus berupa UUID.' }) });
