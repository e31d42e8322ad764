import type { Role } from "../roles";
import type { Actor, Rule } from "./types";

/** Grants to the holders of the given roles, optionally under a condition. */
export function allow<R>(
  roles: readonly Role[] | "any_user",
  when?: (actor: Actor, resource: R) => boolean,
): Rule<R> {
  return { roles, when };
}

/** Evaluates one action's rules for an actor; the public (null actor) holds no role. */
export function evaluate<R>(
  rules: readonly Rule<R>[] | undefined,
  actor: Actor | null,
  resource: R,
): boolean {
  if (!rules || !actor) return false;
  return rules.some(
    (rule) =>
      (rule.roles === "any_user" || actor.roles.some((r) => (rule.roles as readonly Role[]).includes(r))) &&
      (!rule.when || rule.when(actor, resource)),
  );
}
