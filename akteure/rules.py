"""Who may see and edit actors, persons and committees.

An actor belongs to several quartiers: whoever may read one of them reads the actor; the
Quartiersmanagement of one of them edits it. A person is personal data: visible only to staff
of a quartier where she is active, i.e. has (or had) a Funktion at an actor of that quartier or
a Mitgliedschaft in a Gremium of that quartier. Committees and meetings follow their quartier.
"""

import rules

from quartiere.rules import darf_quartier_bearbeiten, darf_quartier_lesen
from quartiere.zugriff import zugriff_fuer


def _quartier_ids_von_akteur(akteur) -> set[int]:
    return {q.pk for q in akteur.quartiere.all()}


def quartier_ids_von_person(person) -> set[int]:
    """Quartiers where a person is active (Funktion at an actor there, or a membership)."""
    from .models import Akteur, Gremium

    ueber_akteure = Akteur.quartiere.through.objects.filter(
        akteur__funktionen__person=person
    ).values_list("quartier_id", flat=True)
    ueber_gremien = Gremium.objects.filter(mitgliedschaften__person=person).values_list(
        "quartier_id", flat=True
    )
    return set(ueber_akteure) | set(ueber_gremien)


@rules.predicate
def darf_akteur_lesen(user, akteur):
    zugriff = zugriff_fuer(user)
    return zugriff.ist_superuser or any(map(zugriff.darf_lesen, _quartier_ids_von_akteur(akteur)))


@rules.predicate
def darf_akteur_bearbeiten(user, akteur):
    zugriff = zugriff_fuer(user)
    return zugriff.ist_superuser or any(
        map(zugriff.darf_bearbeiten, _quartier_ids_von_akteur(akteur))
    )


@rules.predicate
def darf_akteure_anlegen(user):
    """Quartiersmanagement of at least one quartier (or superuser)."""
    return zugriff_fuer(user).bearbeitet_irgendwo


@rules.predicate
def darf_person_lesen(user, person):
    zugriff = zugriff_fuer(user)
    return zugriff.ist_superuser or any(map(zugriff.darf_lesen, quartier_ids_von_person(person)))


@rules.predicate
def darf_person_bearbeiten(user, person):
    zugriff = zugriff_fuer(user)
    return zugriff.ist_superuser or any(
        map(zugriff.darf_bearbeiten, quartier_ids_von_person(person))
    )


@rules.predicate
def darf_gremium_lesen(user, gremium):
    return darf_quartier_lesen(user, gremium.quartier_id)


@rules.predicate
def darf_gremium_bearbeiten(user, gremium):
    return darf_quartier_bearbeiten(user, gremium.quartier_id)


@rules.predicate
def darf_sitzung_bearbeiten(user, sitzung):
    return darf_quartier_bearbeiten(user, sitzung.gremium.quartier_id)


@rules.predicate
def darf_sitzungsteil_bearbeiten(user, teil):
    """Agenda items, attendance and decisions belong to their meeting."""
    return darf_sitzung_bearbeiten(user, teil.sitzung)


@rules.predicate
def darf_beziehung_bearbeiten(user, beziehung):
    """A relation belongs to the actor it starts at."""
    return darf_akteur_bearbeiten(user, beziehung.quelle)


@rules.predicate
def darf_funktion_bearbeiten(user, funktion):
    """A person's role at an actor is part of the actor's record."""
    return darf_akteur_bearbeiten(user, funktion.akteur)


@rules.predicate
def darf_einwilligung_bearbeiten(user, einwilligung):
    return darf_person_bearbeiten(user, einwilligung.person)


@rules.predicate
def darf_mitgliedschaft_bearbeiten(user, mitgliedschaft):
    return darf_gremium_bearbeiten(user, mitgliedschaft.gremium)


@rules.predicate
def darf_aufgabe_bearbeiten(user, aufgabe):
    return darf_quartier_bearbeiten(user, aufgabe.quartier_id)


rules.add_perm("akteure.view_akteur", darf_akteur_lesen)
rules.add_perm("akteure.add_akteur", darf_akteure_anlegen)
rules.add_perm("akteure.change_akteur", darf_akteur_bearbeiten)
rules.add_perm("akteure.view_person", darf_person_lesen)
rules.add_perm("akteure.change_person", darf_person_bearbeiten)
rules.add_perm("akteure.view_gremium", darf_gremium_lesen)
rules.add_perm("akteure.change_gremium", darf_gremium_bearbeiten)
rules.add_perm("akteure.change_sitzung", darf_sitzung_bearbeiten)
rules.add_perm("akteure.change_tagesordnungspunkt", darf_sitzungsteil_bearbeiten)
rules.add_perm("akteure.change_teilnahme", darf_sitzungsteil_bearbeiten)
rules.add_perm("akteure.change_beschluss", darf_sitzungsteil_bearbeiten)
rules.add_perm("akteure.change_beziehung", darf_beziehung_bearbeiten)
rules.add_perm("akteure.change_funktion", darf_funktion_bearbeiten)
rules.add_perm("akteure.change_einwilligung", darf_einwilligung_bearbeiten)
rules.add_perm("akteure.change_mitgliedschaft", darf_mitgliedschaft_bearbeiten)
rules.add_perm("akteure.change_aufgabe", darf_aufgabe_bearbeiten)
