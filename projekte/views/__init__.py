"""Pages of the projekte app, split by area: projects, events (with the feed); the fund's
pages are in `projekte.fonds.views`."""

from .projekte import (  # noqa: F401
    budgetposten,
    budgetposten_loeschen,
    partner,
    partner_entfernen,
    projekt_bearbeiten,
    projekt_detail,
    projekt_ergebnis,
    projekt_liste,
    projekt_neu,
    projekt_status,
)
from .termine import termin_bearbeiten, termin_liste, termin_neu, termine_ics  # noqa: F401
