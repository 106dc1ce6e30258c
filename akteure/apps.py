from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AkteureConfig(AppConfig):
    name = "akteure"
    verbose_name = _("Akteure und Gremien")

    def ready(self):
        from quartiersmanagement import demo_data, dsgvo, ical

        from . import auskunft, demo, services

        demo_data.register(self, demo.laden)
        ical.register_personal_feed(
            ical.PersonalFeed(_("Sitzungen"), "akteure:sitzungen_ics", all_quartiers=True)
        )

        dsgvo.registrieren(
            dsgvo.Verarbeitung(
                bezeichnung=_("Kontaktpersonen von Akteuren und Gremien"),
                zweck=_(
                    "Vernetzung im Quartier: Ansprechpersonen von Akteuren, Einladungen zu "
                    "Gremiensitzungen, Anwesenheit und Aufgaben aus Sitzungen"
                ),
                rechtsgrundlage=dsgvo.RECHTSGRUNDLAGE_EINWILLIGUNG,
                betroffene=_("Ansprechpersonen von Vereinen, Einrichtungen, Initiativen"),
                datenkategorien=_(
                    "Name, E-Mail, Telefon, Notiz, Funktionen bei Akteuren, Mitgliedschaften, "
                    "Teilnahme an Sitzungen, Einwilligungen"
                ),
                empfaenger=_("Quartiersmanagement der Quartiere, in denen die Person aktiv ist"),
                loeschfrist=_(
                    "Zum eingetragenen Löschdatum oder nach Widerruf aller Einwilligungen "
                    "(Anonymisierung samt Verlauf durch dsgvo_bereinigen)"
                ),
                modelle=(
                    "akteure.Person",
                    "akteure.Einwilligung",
                    "akteure.Funktion",
                    "akteure.Mitgliedschaft",
                    "akteure.Teilnahme",
                ),
            )
        )
        dsgvo.registrieren(
            dsgvo.Verarbeitung(
                bezeichnung=_("Akteure (Organisationen und Initiativen)"),
                zweck=_("Akteursverzeichnis, Netzwerkanalyse, öffentliches Verzeichnis"),
                rechtsgrundlage=dsgvo.RECHTSGRUNDLAGE_AUFGABE,
                betroffene=_("Organisationen; bei Initiativen ggf. Privatpersonen als Kontakt"),
                datenkategorien=_("Name, Anschrift, Telefon, E-Mail, Website, Tätigkeitsfelder"),
                empfaenger=_("Quartiersmanagement; öffentlich nur mit dokumentierter Einwilligung"),
                loeschfrist=_("Bei Auflösung des Akteurs bzw. auf Antrag"),
                modelle=("akteure.Akteur",),
            )
        )
        auskunft.registrieren()
        dsgvo.bereinigung_registrieren(
            dsgvo.Bereinigung(
                bezeichnung=_("Kontaktpersonen anonymisieren"),
                ausfuehren=services.personen_anonymisieren,
            )
        )
