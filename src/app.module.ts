import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import type { AppConfig } from './common/config/app-config.js';
import type { Clock } from './common/clock/clock.js';
import { CoreModule } from './common/core.module.js';
import { UploadSpool } from './common/http/upload-spool.js';
import { DatabaseModule } from './database/database.module.js';
import { FEATURE_MODULES } from './feature-modules.js';
import { HealthModule } from './health/health.module.js';
import { PeriodsModule } from './periods/periods.module.js';
import { RegionsModule } from './regions/regions.module.js';
import { UsersModule } from './users/users.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options.config, options.clock),
        ScheduleModule.forRoot(),
        DatabaseModule,
        AuditModule,
        RegionsModule,
        PeriodsModule,
        UsersModule,
        AuthModule,
        HealthModule,
        ...FEATURE_MODULES,
      ],
      // removes the uploads a stopped process left behind, at start-up (not in the funding worker's thread)
      providers: [UploadSpool],
    };
  }
}
