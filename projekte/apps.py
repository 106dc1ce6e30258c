from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjekteConfig(AppConfig):
    name = "projekte"
    verbose_name = _("Projekte und Stadtteilfonds")

    def ready(self):
        from akteure.gremien import vorgaenge
        from quartiersmanagement import demo_data, dsgvo, ical, page_hooks

        from . import demo, selectors
        from .fonds import gremium
        from .fonds import selectors as fonds_selectors
        from .fonds import services as fonds_services

        demo_data.register(self, demo.laden)
        ical.register_personal_feed(ical.PersonalFeed(_("Termine"), "projekte:termine_ics"))

        page_hooks.register(
            "bedarf",
            page_hooks.Section(
                title=_("Projekte zu diesem Bedarf"),
                template="projekte/bedarf_abschnitt.html",
                context=selectors.bedarf_abschnitt,
            ),
        )
        vorgaenge.register(gremium.vorgaenge_der_beschluesse)
        dsgvo.registrieren(
            dsgvo.Verarbeitung(
                bezeichnung=_("Anträge an den Stadtteilfonds"),
                zweck=_("Antrag prüfen, entscheiden, auszahlen, Verwendung nachweisen"),
                rechtsgrundlage=dsgvo.RECHTSGRUNDLAGE_AUFGABE,
                betroffene=_("Antragstellende (Privatpersonen, Vertretungen von Gruppen)"),
                datenkategorien=_(
                    "Name, Anschrift, E-Mail, Telefon, Antragsinhalt, Beträge, Belege"
                ),
                empfaenger=_("Quartiersmanagement, entscheidendes Gremium, Stadtkasse"),
                loeschfrist=_(
                    "10 Jahre nach Eingang (haushaltsrechtliche Aufbewahrung), dann "
                    "Anonymisierung der Kontaktdaten durch dsgvo_bereinigen"
                ),
                modelle=("projekte.Fondsantrag", "projekte.Verwendungsnachweis"),
            )
        )
        dsgvo.auskunftsteil_registrieren(
            dsgvo.Auskunftsteil(
                _("Anträge an den Stadtteilfonds (gleiche E-Mail-Adresse)"),
                fonds_selectors.auskunft_antraege,
                reihenfolge=50,
            )
        )
        dsgvo.bereinigung_registrieren(
            dsgvo.Bereinigung(
                bezeichnung=_("Antragstellende nach Ablauf der Aufbewahrungsfrist anonymisieren"),
                ausfuehren=fonds_services.antragsteller_anonymisieren,
            )
        )
