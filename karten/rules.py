"""Who may use the map helpers; the data itself is scoped by the selectors."""

import rules

from quartiere.rules import darf_anlegen

# The needs map shows what the needs list shows: the list's scoped selector decides.
rules.add_perm("karten.view_bedarfe_karte", rules.is_authenticated)
# Address search and quartier suggestion serve the forms that set a place.
rules.add_perm("karten.ort_setzen", darf_anlegen)
