"""Who may see and change needs, assessments and forwards: the rule of their quartier."""

import rules

from quartiere.rules import darf_anlegen, darf_quartier_bearbeiten, darf_quartier_lesen


@rules.predicate
def darf_bedarf_lesen(user, obj):
    """Reads the record's quartier (Bedarf, Erhebung; a Quartier itself also passes)."""
    return darf_quartier_lesen(user, getattr(obj, "quartier_id", obj))


@rules.predicate
def darf_bedarf_bearbeiten(user, obj):
    """Quartiersmanagement of the record's quartier (or a superuser)."""
    return darf_quartier_bearbeiten(user, getattr(obj, "quartier_id", obj))


@rules.predicate
def darf_weiterleitung_bearbeiten(user, weiterleitung):
    """Record an answer by phone or letter: edits the forwarded need."""
    return darf_quartier_bearbeiten(user, weiterleitung.bedarf.quartier_id)


rules.add_perm("bedarfe.view_bedarf", darf_bedarf_lesen)
rules.add_perm("bedarfe.add_bedarf", darf_anlegen)
rules.add_perm("bedarfe.change_bedarf", darf_bedarf_bearbeiten)
rules.add_perm("bedarfe.view_erhebung", darf_bedarf_lesen)
rules.add_perm("bedarfe.add_erhebung", darf_anlegen)
rules.add_perm("bedarfe.change_erhebung", darf_bedarf_bearbeiten)
rules.add_perm("bedarfe.change_weiterleitung", darf_weiterleitung_bearbeiten)
