import { DynamicModule, Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { APP_CONFIG, type AppConfig } from './common/config/app-config.js';
import { Clock, SystemClock } from './common/clock/clock.js';
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

@Global()
@Module({})
class CoreModule {
  static forRoot({ config, clock }: AppModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock ?? new SystemClock() },
        UploadSpool,
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
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
    };
  }
}
