import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../common/config/app-config.js';
import { DataDirInUseError } from '../common/database/data-dir-lock.js';
import { migrate } from '../common/database/migrate.js';
import { dataSourceOptions } from './data-source-options.js';

/** Opens the database and brings its schema up to date (under a lock) before anything else runs. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      // a data directory another process holds stays held: said at once, not after ten retries (data-dir-lock.ts)
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config), toRetry: (err: unknown) => !(err instanceof DataDirInUseError) }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        await migrate(dataSource, !(options as { url?: string }).url);
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
