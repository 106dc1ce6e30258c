"""Every signed-in staff member has a "Heute" page and the search; what they list comes from
the access object. The development outbox is for superusers."""

import rules

rules.add_perm("arbeitsplatz.heute_sehen", rules.is_authenticated)
rules.add_perm("arbeitsplatz.postausgang_sehen", rules.is_superuser)
