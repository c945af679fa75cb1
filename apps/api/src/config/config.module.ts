import { DynamicModule, Global, Inject, Module } from '@nestjs/common';
import { Clock } from './clock';
import type { AppConfig } from './config';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const InjectConfig = () => Inject(APP_CONFIG);

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: new Clock(config.clockOffsetMs) },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}
