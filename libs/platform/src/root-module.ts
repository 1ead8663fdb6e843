import { Module, type DynamicModule, type Type } from '@nestjs/common';

/** A root module made of the given imports, so each process shape composes the same parts. */
export function rootModule(name: string, imports: Array<Type | DynamicModule>): Type {
  const root = class {};
  Object.defineProperty(root, 'name', { value: name });
  Module({ imports })(root);
  return root;
}
