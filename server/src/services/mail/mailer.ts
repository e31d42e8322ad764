import nodemailer from "nodemailer";
import type { Logger } from "pino";
import type { Config } from "../../config/index";

export interface Mailer {
  /** Sends one e-mail; never throws (mail is best effort, after the change is committed). */
  send(to: string, subject: string, text: string): Promise<void>;
  readonly enabled: boolean;
}

/** SMTP when SMTP_URL is set; otherwise a mailer that does nothing (notifications stay in-app). */
export function createMailer(config: Pick<Config, "SMTP_URL" | "MAIL_FROM">, logger: Logger): Mailer {
  if (!config.SMTP_URL) return { enabled: false, send: async () => undefined };
  const transport = nodemailer.createTransport(config.SMTP_URL);
  return {
    enabled: true,
    async send(to, subject, text) {
      try {
        await transport.sendMail({ from: config.MAIL_FROM, to, subject, text });
      } catch (err) {
        logger.warn({ err, to, subject }, "e-mail not sent");
      }
    },
  };
}
