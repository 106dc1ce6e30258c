import datetime

import factory

from berichte.models import Berichtstext

from .quartiere import ProgrammFactory, QuartierFactory

__all__ = ["JahresberichtstextFactory", "SachberichtstextFactory"]


class JahresberichtstextFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Berichtstext

    quartier = factory.SubFactory(QuartierFactory)
    jahr = 2025
    einleitung = "Das Jahr war geprägt vom Aufbau des Stadtteilbüros."
    ausblick = "Im nächsten Jahr steht das Quartiersfest im Mittelpunkt."


class SachberichtstextFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Berichtstext

    programm = factory.SubFactory(ProgrammFactory)
    von = datetime.date(2025, 1, 1)
    bis = datetime.date(2025, 12, 31)
    einleitung = "Das Programm hat die Nachbarschaften gestärkt."
