import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { reportToCsv, reportToHtml, StatisticsQueries, type StatisticsReport } from '@referral/statistics';
import type { Response } from 'express';
import { Roles } from '../auth/access.decorators';
import { ApiException } from '../http/api-exception';
import { ReportQuery } from './dto/report.query';

/**
 * The contract's Statistics route. Aggregate counts only, never a case id. Analysts and
 * coordinators of every org see all four parties: the figures are not personal data, and the
 * partnership's report sets the parties side by side.
 */
@ApiTags('statistics')
@ApiBearerAuth()
@Controller('statistics')
@Roles('analyst', 'coordinator')
export class StatisticsController {
  constructor(private readonly queries: StatisticsQueries) {}

  @Get('report')
  @Header('Cache-Control', 'no-store')
  async report(@Query() query: ReportQuery, @Res({ passthrough: true }) response: Response): Promise<StatisticsReport | string> {
    if (query.from > query.to) {
      throw new ApiException(400, 'validation-failed', 'The request is not valid', [{ path: 'to', message: 'must not be before from' }]);
    }
    const period = { from: query.from, to: query.to };
    const report = await this.queries.report(period);
    if (query.format === 'csv') {
      response.type('text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', `attachment; filename="statistics-${period.from}-${period.to}.csv"`);
      return reportToCsv(report);
    }
    if (query.format === 'html') {
      response.type('text/html; charset=utf-8');
      response.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      return reportToHtml(report);
    }
    return report;
  }
}
