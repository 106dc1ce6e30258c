"""Demo data of the workplace: each demo QM has an action item of their own on "Heute",
and one quartier has unread feedback on barriers (idempotent)."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from akteure.models import Aufgabe
from oeffentlichkeit.models import Rueckmeldung
from quartiere.models import Zustaendigkeit


def laden():
    heute = timezone.localdate()
    for benutzer in get_user_model().objects.filter(username__startswith="qm-"):
        for z in Zustaendigkeit.objects.aktuell().filter(
            benutzer=benutzer, rolle=Zustaendigkeit.Rolle.QUARTIERSMANAGEMENT
        ):
            Aufgabe.objects.get_or_create(
                quartier=z.quartier,
                titel="Gespräch mit der Wohnungsgesellschaft vorbereiten",
                defaults={
                    "verantwortlich_benutzer": benutzer,
                    "faellig_am": heute + datetime.timedelta(days=2),
                },
            )
            Rueckmeldung.objects.get_or_create(
                quartier=z.quartier,
                nachricht="Der Terminkalender lässt sich mit der Tastatur nicht bedienen.",
                defaults={"seite": f"/q/{z.quartier.slug}/termine/"},
            )
