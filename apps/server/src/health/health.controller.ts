import { Controller, Get, HttpException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Dispatcher } from '../dispatch/dispatcher';

@ApiTags('health')
@Controller('healthz')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: Dispatcher,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and store check' })
  async check() {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new HttpException({ status: 'error', store: 'unreachable' }, 503);
    }
    return { status: 'ok', store: this.dataSource.options.type, backlog: this.dispatcher.backlog };
  }
}
