import type { NextFunction, Request, Response } from 'express';
import { ApiException } from './api-exception';
import type { Violation } from './validation.pipe';

/** The contract's bodies nest three levels at most; the validators recurse, so a far deeper one would overflow the stack. */
export const MAX_JSON_DEPTH = 10;
/**
 * Keys that would reach an object's prototype when copied onto a DTO, and the names of
 * Object.prototype's members (`valueOf`, `toString`, ...), which class-validator's whitelist
 * takes for known fields and would leave on the DTO, shadowing the method.
 */
const isUnsafeKey = (key: string) => key === 'prototype' || key in Object.prototype;

/**
 * The first thing wrong with the shape of a parsed body or query, before validation sees it: a
 * prototype key anywhere, or nesting past MAX_JSON_DEPTH. Walks without recursion.
 */
export function unsafeShape(value: unknown): Violation | null {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.value === null || typeof node.value !== 'object') continue;
    if (node.depth >= MAX_JSON_DEPTH) return { path: node.path, message: `nests deeper than ${MAX_JSON_DEPTH} levels` };
    for (const key of Object.keys(node.value)) {
      const path = node.path ? `${node.path}.${key}` : key;
      if (isUnsafeKey(key)) return { path, message: 'is not a known field' };
      pending.push({ value: (node.value as Record<string, unknown>)[key], path, depth: node.depth + 1 });
    }
  }
  return null;
}

/** Refuses such a body or query string with the contract's 400. */
export function refuseUnsafeShapes(request: Request, _response: Response, next: NextFunction): void {
  const violation = unsafeShape(request.body) ?? unsafeShape(request.query);
  if (violation) return next(new ApiException(400, 'validation-failed', 'The request is not valid', [violation]));
  next();
}
