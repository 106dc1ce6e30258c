"""Who may see the city-wide reports: Leitung and superusers."""

import rules

from quartiere.rules import ist_leitung

darf_stadtweit_sehen = rules.is_superuser | ist_leitung

rules.add_perm("berichte.stadtweit_sehen", darf_stadtweit_sehen)
rules.add_rule("berichte_stadtweit_sehen", darf_stadtweit_sehen)
