import { allow } from "./rules";
import type { IndexSetResource, PolicyTable, UnitResource, UserResource } from "./types";

/** Units: everyone signed in reads the list (rankings name them); only the admin changes them. */
export const unitPolicy = {
  read: [allow<UnitResource>("any_user")],
  create: [allow<UnitResource>(["admin"])],
  update: [allow<UnitResource>(["admin"])],
  /** Units with their heads, deputies and accounts from a spreadsheet: the admin's. */
  import: [allow<UnitResource>(["admin"])],
} satisfies PolicyTable<UnitResource>;

/** Accounts are managed by the admin alone. */
export const userPolicy = {
  list: [allow<UserResource>(["admin"])],
  create: [allow<UserResource>(["admin"])],
  update: [allow<UserResource>(["admin"])],
  resetPassword: [allow<UserResource>(["admin"])],
} satisfies PolicyTable<UserResource>;

/** Index sets: read by everyone who scores or reviews against them; imported by the admin. */
export const indexSetPolicy = {
  read: [allow<IndexSetResource>("any_user")],
  import: [allow<IndexSetResource>(["admin"])],
} satisfies PolicyTable<IndexSetResource>;
