/** Accounts, sessions, sign-in failures and in-app notifications. */
import { bigserial, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ref, tstz } from "./columns";
import { units } from "./units";

export const users = pgTable("users", {
  id: id(),
  username: text("username").notNull().unique(),
  fullName: text("full_name").notNull(),
  email: text("email"),
  passwordHash: text("password_hash").notNull(),
  roles: text("roles").array().notNull(),
  unitId: uuid("unit_id").references(() => units.id),
  locale: text("locale", { enum: ["vi", "en"] })
    .notNull()
    .default("vi"),
  disabledAt: tstz("disabled_at"),
  createdAt: createdAt(),
});

export const sessions = pgTable(
  "sessions",
  {
    sid: text("sid").primaryKey(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    data: jsonb("data").notNull(),
    expiresAt: tstz("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** Failed sign-ins, kept for throttling (docs/targets.md S8); every one is also in the audit log. */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    username: text("username").notNull(),
    ip: text("ip").notNull(),
    at: tstz("at").notNull().defaultNow(),
    /** The known device (signed `ca.dev` cookie) the failure came from; null for any other client. */
    device: text("device"),
  },
  (t) => [
    index("login_failures_key_idx").on(t.username, t.ip, t.at),
    // Per account from any address, and per address alone (commands/authenticate.ts).
    index("login_failures_account_idx").on(t.username, t.at),
    index("login_failures_ip_idx").on(t.ip, t.at),
  ],
);

/** In-app notifications (reminders, round closed, new request for explanation…). */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: ref("user_id", () => users.id, "cascade"),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull(),
    readAt: tstz("read_at"),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);
