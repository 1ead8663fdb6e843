import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * Building blocks of the answers' schemas in the OpenAPI document. No examples: a response
 * example of personal data would end up in every client generated from the document.
 */
export type Schema = SchemaObject;

export const ORGS = ['stodcentrum', 'boj-stockholm-gotland', 'boj-sodra-stockholm', 'boj-vasterort'] as const;

export const text = (description?: string): Schema => ({ type: 'string', ...(description ? { description } : {}) });
export const instant = (description?: string): Schema => ({ type: 'string', format: 'date-time', ...(description ? { description } : {}) });
export const date = (description?: string): Schema => ({ type: 'string', format: 'date', ...(description ? { description } : {}) });
export const count = (description?: string): Schema => ({ type: 'integer', minimum: 0, ...(description ? { description } : {}) });
export const oneOf = (values: readonly string[], description?: string): Schema => ({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
export const nullable = (schema: Schema): Schema => ({ ...schema, nullable: true });

/** An object whose listed properties are all present. */
export function object(properties: Record<string, Schema>, description?: string, optional: readonly string[] = []): Schema {
  return {
    type: 'object',
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
    properties,
    ...(description ? { description } : {}),
  };
}

/** Every list of the contract: `{"items": [...], "nextCursor"}`. */
export const page = (item: Schema): Schema =>
  object({ items: { type: 'array', items: item }, nextCursor: nullable(text('Pass as `cursor` for the next page; null on the last')) });
