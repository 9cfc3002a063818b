import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/** The class of a paged list `{ items, total }` of `item` (named `<Item>Page`, e.g. PaymentPage). */
export function PageOf<T>(item: Type<T>) {
  class Page {
    @ApiProperty({ type: () => [item] })
    items: T[];

    /** Every matching item, not only this page's. */
    @ApiProperty({ type: 'integer' })
    total: number;
  }
  Object.defineProperty(Page, 'name', { value: `${item.name.replace(/(Response)?Dto$/, '')}Page` });
  return Page;
}
