"""Who may write news: the Quartiersmanagement of the Beitrag's quartier (or a superuser)."""

import rules

from quartiere.rules import darf_anlegen, darf_quartier_bearbeiten


@rules.predicate
def darf_beitrag_bearbeiten(user, beitrag):
    return beitrag is not None and darf_quartier_bearbeiten(user, beitrag.quartier_id)


rules.add_perm("oeffentlichkeit.add_beitrag", darf_anlegen)
rules.add_perm("oeffentlichkeit.change_beitrag", darf_beitrag_bearbeiten)
