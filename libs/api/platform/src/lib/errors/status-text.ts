import { STATUS_CODES } from 'node:http';

export function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
