// Text messages (B11) go through a provider. Caravel ships only the log provider: it sends
// nothing and records each message in the server log and as a file in <data dir>/outbox, so
// an installation shows what would have been sent. A real gateway implements `SmsProvider`.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Ctx } from '../../context.ts';
import type { OutboxJob } from '../../db/schema.ts';
import { enqueue } from './outbox.ts';

export interface SmsMessage {
  /** E.164, e.g. +420601234567. */
  to: string;
  text: string;
}

export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<{ id: string }>;
}

export const smsJobKind = 'sms.send';

/** Writes each message to the log and to `<outboxDir>/<time>-<n>.sms.txt`; sends nothing. */
export function logSmsProvider(options: {
  outboxDir: string;
  log: (message: SmsMessage) => void;
}): SmsProvider {
  let sequence = 0;
  return {
    name: 'log',
    async send(message) {
      sequence += 1;
      const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${sequence}`;
      options.log(message);
      await fs.mkdir(options.outboxDir, { recursive: true });
      await fs.writeFile(
        path.join(options.outboxDir, `${id}.sms.txt`),
        `To: ${message.to}\n\n${message.text}\n`,
      );
      return { id };
    },
  };
}

/** Queues a text message in the caller's transaction; it leaves after the commit. */
export function queueSms(ctx: Ctx, message: SmsMessage): Promise<string> {
  return enqueue(ctx, { kind: smsJobKind, payload: message });
}

export function smsHandler(provider: SmsProvider) {
  return async (job: OutboxJob) => {
    await provider.send(job.payload as SmsMessage);
  };
}
