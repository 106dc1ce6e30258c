from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BerichteConfig(AppConfig):
    name = "berichte"
    verbose_name = _("Berichte")

    def ready(self):
        from quartiersmanagement import abschnitte, demo_data

        from . import demo, jahresbericht, rules, selectors  # noqa: F401  (rules registers perms)

        demo_data.register(self, demo.laden)

        abschnitte.registrieren(
            "quartier",
            abschnitte.Abschnitt(
                titel=_("Was Aufmerksamkeit braucht"),
                template="berichte/quartier_aufmerksamkeit.html",
                kontext=selectors.quartier_cockpit,
                reihenfolge=1,
            ),
        )
        abschnitte.registrieren(
            "quartier",
            abschnitte.Abschnitt(
                titel=_("Kennzahlen: Projekte, Stadtteilfonds, Aktivierung und Netzwerk"),
                template="berichte/quartier_diagramme.html",
                kontext=selectors.quartier_diagramme,
                reihenfolge=6,
            ),
        )
        abschnitte.registrieren(
            "quartier",
            abschnitte.Abschnitt(
                titel=_("Überblick: Bedarfe, Lücken, Programme und Berichtspflichten"),
                template="berichte/quartier_abschnitt.html",
                kontext=selectors.quartier_dashboard,
                reihenfolge=5,
            ),
        )
        abschnitte.registrieren(
            "quartier",
            abschnitte.Abschnitt(
                titel=_("Jahresberichte"),
                template="berichte/quartier_berichte.html",
                kontext=jahresbericht.quartier_abschnitt,
                reihenfolge=90,
                persoenlich=True,
            ),
        )
