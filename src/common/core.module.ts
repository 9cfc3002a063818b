import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock/clock.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';

/**
 * The configuration and the clock, for every module of an application context: the service's (AppModule) and the
 * funding worker's thread (FundingWorkerModule). Nothing with a lifecycle hook lives here, so a context that imports
 * it starts nothing it did not ask for.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}
