import { can, type ActionOf, type Actor, type Resource } from "@ca/shared";
import type { Request } from "express";
import { AppError } from "./errors";

/** The signed-in actor of a request, or a 401. */
export function actorOf(req: Request): Express.User {
  if (!req.user) throw new AppError("unauthenticated");
  return req.user;
}

/** Throws 403 unless `can()` allows the action (the same `can()` as sockets and Yjs). */
export function authorize<T extends Resource["type"]>(
  actor: Actor | null,
  action: ActionOf<T>,
  resource: Extract<Resource, { type: T }>,
): void {
  if (!actor) throw new AppError("unauthenticated");
  if (!can(actor, action, resource)) throw new AppError("forbidden");
}
