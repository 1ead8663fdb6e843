import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ACCESS_RULE } from './access.decorators';

/** Deny by default: the service does not start while any route lacks an explicit access rule. */
@Injectable()
export class AccessRuleCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const missing: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller) continue;
      const classRule = this.reflector.get(ACCESS_RULE, controller);
      for (const name of this.scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        if (!classRule && !this.reflector.get(ACCESS_RULE, handler)) missing.push(`${controller.name}.${name}`);
      }
    }
    if (missing.length > 0) {
      throw new Error(`Routes without an access rule (add @Roles or @Public): ${missing.join(', ')}`);
    }
  }
}
