from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BedarfeConfig(AppConfig):
    name = "bedarfe"
    verbose_name = _("Bedarfe und Lotsenfunktion")

    def ready(self):
        from quartiersmanagement import abschnitte

        from . import selectors

        abschnitte.registrieren(
            "quartier",
            abschnitte.Abschnitt(
                titel=_("Bedarfe und Weiterleitungen"),
                template="bedarfe/quartier_abschnitt.html",
                kontext=selectors.quartier_kennzahlen,
                reihenfolge=10,
            ),
        )
