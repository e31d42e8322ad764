import type { Role } from "@ca/shared";

declare global {
  namespace Express {
    /** The signed-in user as Passport puts it on the request (see auth/passport.ts). */
    interface User {
      id: string;
      username: string;
      fullName: string;
      roles: Role[];
      unitId: string | null;
      locale: "vi" | "en";
    }
  }
}

declare module "express-session" {
  interface SessionData {
    /** When the session was created at sign-in; the absolute timeout counts from it. */
    startedAt: number;
  }
}

export {};
