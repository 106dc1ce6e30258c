from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AkteureConfig(AppConfig):
    name = "akteure"
    verbose_name = _("Akteure und Gremien")

    def ready(self):
        from quartiersmanagement import abschnitte

        from . import selectors

        abschnitte.registrieren(
            "quartier",
            abschnitte.Abschnitt(
                titel=_("Akteure, Netzwerk und Aufgaben"),
                template="akteure/quartier_abschnitt.html",
                kontext=selectors.quartier_abschnitt,
                reihenfolge=20,
            ),
        )
