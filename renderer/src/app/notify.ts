import { notifications } from '@mantine/notifications';

/** A toast that says what happened, in numbers. */
export function notifyOk(message: string): void {
  notifications.show({ color: 'teal', title: '完成', message, autoClose: 4000 });
}

/** What an error says, for a toast or a field. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A toast with the core's message (it says where and why). */
export function notifyError(e: unknown): void {
  notifications.show({ color: 'red', title: '未能完成', message: errorText(e), autoClose: 8000 });
}
