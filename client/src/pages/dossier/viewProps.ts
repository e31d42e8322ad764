import type { TDossierDetail } from "@ca/shared";
import type { DossierAbilities } from "../../api/dossiers";

/** What every mode of the dossier page receives from the page. */
export interface DossierViewProps {
  detail: TDossierDetail;
  abilities: DossierAbilities;
  /** Refetches the dossier (after our own change; live events refetch by themselves). */
  reload: () => void;
  /** A short confirmation in the page's snackbar. */
  notify: (message: string) => void;
}
