import { Controller, Get, Post } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { AccessRuleCheck } from '../../apps/api/src/auth/access-rule.check';
import { Public, Roles } from '../../apps/api/src/auth/access.decorators';

@Controller('ruled')
class RuledController {
  @Get()
  @Roles('coordinator')
  list() {
    return [];
  }

  @Get('open')
  @Public()
  open() {
    return 'ok';
  }
}

@Controller('whole')
@Roles('admin')
class RuledByClassController {
  @Post()
  act() {
    return 'done';
  }
}

@Controller('forgotten')
class ForgottenController {
  @Get()
  @Roles('staff')
  ruled() {
    return 'ok';
  }

  @Post('unruled')
  unruled() {
    return 'anyone?';
  }

  /** Not a route: no rule needed. */
  helper() {
    return 'internal';
  }
}

async function start(controllers: Array<new (...args: never[]) => object>): Promise<void> {
  const moduleRef = await Test.createTestingModule({ imports: [DiscoveryModule], controllers, providers: [AccessRuleCheck] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  try {
    await app.init();
  } finally {
    await app.close();
  }
}

describe('deny by default: every route needs an access rule', () => {
  it('starts when every route has @Roles or @Public, on the method or the class', async () => {
    await expect(start([RuledController, RuledByClassController])).resolves.toBeUndefined();
  });

  it('refuses to start while a route lacks a rule, naming that route and no other', async () => {
    const failure = start([RuledController, ForgottenController]);
    await expect(failure).rejects.toThrow('Routes without an access rule (add @Roles or @Public): ForgottenController.unruled');
  });
});
