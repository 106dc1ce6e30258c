from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjekteConfig(AppConfig):
    name = "projekte"
    verbose_name = _("Projekte und Stadtteilfonds")

    def ready(self):
        from quartiersmanagement import abschnitte

        from . import selectors

        abschnitte.registrieren(
            "quartier",
            abschnitte.Abschnitt(
                titel=_("Projekte, Aktivierung und Stadtteilfonds"),
                template="projekte/quartier_abschnitt.html",
                kontext=selectors.quartier_abschnitt,
                reihenfolge=30,
            ),
        )
        abschnitte.registrieren(
            "bedarf",
            abschnitte.Abschnitt(
                titel=_("Projekte zu diesem Bedarf"),
                template="projekte/bedarf_abschnitt.html",
                kontext=selectors.bedarf_abschnitt,
                reihenfolge=30,
            ),
        )
