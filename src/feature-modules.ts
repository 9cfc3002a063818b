/** The domain capabilities, each a folder under src/. Listed here so app.module.ts stays stable. */
import type { Type } from '@nestjs/common';

export const FEATURE_MODULES: Type[] = [];
