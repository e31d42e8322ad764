import { dossierPolicy } from "./dossier";
import { indexSetPolicy, unitPolicy, userPolicy } from "./admin";
import { meetingPolicy } from "./meeting";
import { periodPolicy } from "./period";
import { resultsPolicy } from "./results";
import { surveyPolicy } from "./survey";
import { evaluate } from "./rules";
import type { Actor, Resource } from "./types";

export * from "./types";
export { isRecused } from "./dossier";
export { allow } from "./rules";
export { isPublishedToPublic, type ResultsResource } from "./results";
export type { SurveyResource } from "./survey";

/** Every resource's policy, keyed by resource type. */
export const POLICIES = {
  period: periodPolicy,
  dossier: dossierPolicy,
  unit: unitPolicy,
  user: userPolicy,
  indexSet: indexSetPolicy,
  meeting: meetingPolicy,
  results: resultsPolicy,
  survey: surveyPolicy,
} as const;

type Policies = typeof POLICIES;
export type ActionOf<T extends Resource["type"]> = keyof Policies[T] & string;
type ResourceOf<T extends Resource["type"]> = Extract<Resource, { type: T }>;

/** The one authorization question (REST, Socket.IO, Yjs): may this actor do this action on this resource? */
export function can<T extends Resource["type"]>(
  actor: Actor | null,
  action: ActionOf<T>,
  resource: ResourceOf<T>,
): boolean {
  const table = POLICIES[resource.type] as unknown as Record<string, Parameters<typeof evaluate>[0]>;
  return evaluate(table[action], actor, resource as never);
}

/** Every action of the resource's policy with the actor's answer, for `{ data, abilities }` responses. */
export function abilities<T extends Resource["type"]>(
  actor: Actor | null,
  resource: ResourceOf<T>,
): Record<string, boolean> {
  const table = POLICIES[resource.type] as unknown as Record<string, Parameters<typeof evaluate>[0]>;
  return Object.fromEntries(
    Object.keys(table).map((action) => [action, evaluate(table[action], actor, resource as never)]),
  );
}
