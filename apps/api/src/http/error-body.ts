/** The contract's error shape: every 4xx/5xx body is one of these. */
export interface ErrorBody {
  error: string;
  message: string;
  details?: Array<{ path: string; message: string }>;
}
