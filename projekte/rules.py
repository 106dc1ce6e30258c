"""Who may see and change projects, events and the fund: always decided by the quartier.

A project may span several quartiers: whoever may read one of them reads it, whoever is
Quartiersmanagement in one of them edits it (projects are run jointly). Events, funds and
applications belong to exactly one quartier.
"""

import rules

from quartiere.rules import darf_anlegen, darf_quartier_bearbeiten, darf_quartier_lesen


def _quartiere(projekt):
    cache = getattr(projekt, "_prefetched_objects_cache", {})
    if "quartiere" in cache:
        return list(cache["quartiere"])
    return list(projekt.quartiere.all())


@rules.predicate
def darf_projekt_lesen(user, projekt):
    return any(darf_quartier_lesen(user, q) for q in _quartiere(projekt))


@rules.predicate
def darf_projekt_bearbeiten(user, projekt):
    return any(darf_quartier_bearbeiten(user, q) for q in _quartiere(projekt))


@rules.predicate
def darf_termin_bearbeiten(user, termin):
    return darf_quartier_bearbeiten(user, termin.quartier_id)


@rules.predicate
def darf_fonds_lesen(user, fonds):
    return darf_quartier_lesen(user, fonds.quartier_id)


@rules.predicate
def darf_fonds_bearbeiten(user, fonds):
    return darf_quartier_bearbeiten(user, fonds.quartier_id)


@rules.predicate
def darf_antrag_bearbeiten(user, antrag):
    return darf_quartier_bearbeiten(user, antrag.fonds.quartier_id)


rules.add_perm("projekte.view_projekt", darf_projekt_lesen)
rules.add_perm("projekte.add_projekt", darf_anlegen)
rules.add_perm("projekte.change_projekt", darf_projekt_bearbeiten)
rules.add_perm("projekte.add_termin", darf_anlegen)
rules.add_perm("projekte.change_termin", darf_termin_bearbeiten)
rules.add_perm("projekte.view_stadtteilfonds", darf_fonds_lesen)
rules.add_perm("projekte.change_stadtteilfonds", darf_fonds_bearbeiten)
rules.add_perm("projekte.add_fondsantrag", darf_anlegen)
rules.add_perm("projekte.change_fondsantrag", darf_antrag_bearbeiten)
