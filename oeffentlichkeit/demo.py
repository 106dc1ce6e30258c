"""Demo data of the oeffentlichkeit app: fictional news for every public quartier and
starter texts for the legal pages. Idempotent: news keyed by quartier and title, pages by
their kind; no randomness. Called last by `manage.py demo_daten`."""

import datetime

from django.db import transaction
from django.utils import timezone

from quartiere.models import Quartier

from .models import Beitrag, Seite

# (title, teaser, text, days before today)
BEITRAEGE = [
    (
        "Neue Bänke am Spielplatz",
        "Auf Wunsch vieler Eltern stehen am Spielplatz {q} jetzt vier neue Bänke.",
        "Bei der Quartiersbegehung im Frühjahr wünschten sich viele Eltern mehr Sitzplätze am "
        "Spielplatz. Der Stadtbetrieb hat nun vier Bänke aufgestellt.\n\n"
        "Danke an alle, die mitgemacht haben!",
        3,
    ),
    (
        "Stadtteilfonds: Jetzt Ideen einreichen",
        "Sie haben eine Idee für {q}? Der Stadtteilfonds unterstützt kleine Vorhaben.",
        "Ob Nachbarschaftsfest, Tauschregal oder Gartenaktion: Bewohnerinnen, Bewohner und "
        "Gruppen können Geld aus dem Stadtteilfonds beantragen – jetzt auch online.\n\n"
        "Das Stadtteilbüro berät Sie gern.",
        10,
    ),
    (
        "Rückblick auf die Stadtteilkonferenz",
        "Rund 40 Menschen diskutierten über die Zukunft von {q}.",
        "Themen waren der Verkehr in den Wohnstraßen, Treffpunkte für Jugendliche und "
        "das nächste Quartiersfest.\nDie nächste Konferenz ist öffentlich – kommen Sie vorbei!",
        24,
    ),
]

SEITEN = {
    Seite.Art.IMPRESSUM: (
        "Impressum",
        "Stadt Aachen\nFachbereich Wohnen, Soziales und Integration\nMusterplatz 1\n52062 Aachen"
        "\n\nDies ist ein Demonstrationssystem mit erfundenen Daten.",
    ),
    Seite.Art.DATENSCHUTZ: (
        "Datenschutzerklärung",
        "Diese Seiten speichern keine Cookies zur Nachverfolgung und binden keine Inhalte "
        "anderer Anbieter ein.\n\nWenn Sie einen Antrag an den Stadtteilfonds stellen oder uns "
        "eine Rückmeldung schicken, verarbeiten wir Ihre Angaben nur für diesen Zweck "
        "(Art. 6 Abs. 1 lit. e DSGVO).",
    ),
    Seite.Art.BARRIEREFREIHEIT: (
        "Erklärung zur Barrierefreiheit",
        "Die Stadt Aachen ist bemüht, diese Seiten im Einklang mit der BITV 2.0 barrierefrei "
        "zugänglich zu machen.\n\nStand der Vereinbarkeit: Die Seiten werden automatisch mit "
        "axe-core geprüft. Eine vollständige Prüfung nach BITV steht noch aus.",
    ),
    Seite.Art.LEICHTE_SPRACHE: (
        "Quartiers·management in Leichter Sprache",
        "Ein Quartier ist ein Teil von der Stadt.\nZum Beispiel ein paar Straßen.\n\n"
        "Das Quartiers·management hilft den Menschen im Quartier.\n"
        "Es hört zu: Was brauchen die Menschen?\n"
        "Es bringt Menschen zusammen.\n\n"
        "Sie haben eine Frage?\nDann kommen Sie ins Stadtteil·büro.",
    ),
}


@transaction.atomic
def laden() -> None:
    heute = timezone.localdate()
    for quartier in Quartier.objects.filter(oeffentlich=True):
        for titel, teaser, text, tage in BEITRAEGE:
            Beitrag.objects.update_or_create(
                quartier=quartier,
                titel=titel,
                defaults={
                    "teaser": teaser.format(q=quartier.name),
                    "text": text.format(q=quartier.name),
                    "veroeffentlicht_am": heute - datetime.timedelta(days=tage),
                },
            )
    for art, (titel, text) in SEITEN.items():
        Seite.objects.get_or_create(art=art, defaults={"titel": titel, "text": text})
