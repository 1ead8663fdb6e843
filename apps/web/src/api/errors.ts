/** An answer of the API that was not 2xx, with the contract's error body where there was one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function toApiError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: string; message?: string; details?: { path: string; message: string }[] };
    return new ApiError(response.status, body.error ?? `http-${response.status}`, body.message ?? response.statusText, body.details ?? []);
  } catch {
    return new ApiError(response.status, `http-${response.status}`, response.statusText);
  }
}
