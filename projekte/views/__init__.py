"""Pages of the projekte app, split by area: projects, events (with the feed), the fund."""

from .fonds import (  # noqa: F401
    antrag_ablehnen,
    antrag_bewilligen,
    antrag_detail,
    antrag_neu,
    antrag_pruefen,
    auszahlung_buchen,
    beleg_herunterladen,
    entscheidungsschreiben,
    fonds_detail,
    fonds_jahresbuch,
    fonds_liste,
    nachweis_einreichen,
    nachweis_pruefen,
    nachweise_ueberfaellig,
)
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
