from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OeffentlichkeitConfig(AppConfig):
    name = "oeffentlichkeit"
    verbose_name = _("Öffentlichkeitsarbeit")

    def ready(self):
        from quartiersmanagement import demo_data, dsgvo, report_parts

        from . import demo, selectors

        demo_data.register(self, demo.laden)
        report_parts.register(
            report_parts.ReportPart(
                title=_("Veröffentlichte Beiträge"),
                columns=[_("veröffentlicht am"), _("Quartier"), _("Titel"), _("Anreißer")],
                rows=selectors.beitraege_im_bericht,
            )
        )
        dsgvo.registrieren(
            dsgvo.Verarbeitung(
                bezeichnung=_("Rückmeldungen zur Barrierefreiheit"),
                zweck=_("Barrieren auf den öffentlichen Seiten melden und beantworten (BITV 2.0)"),
                rechtsgrundlage=dsgvo.RECHTSGRUNDLAGE_AUFGABE,
                betroffene=_("Besucherinnen und Besucher der öffentlichen Seiten"),
                datenkategorien=_("Name und E-Mail (freiwillig), Nachricht"),
                empfaenger=_("Quartiersmanagement des gewählten Quartiers"),
                loeschfrist=_("Nach Erledigung, spätestens nach 2 Jahren löschen"),
                modelle=("oeffentlichkeit.Rueckmeldung",),
            )
        )
        dsgvo.registrieren(
            dsgvo.Verarbeitung(
                bezeichnung=_("Schutz der öffentlichen Formulare vor Missbrauch"),
                zweck=_("Begrenzung der Online-Anträge und Rückmeldungen je Stunde und Anschluss"),
                rechtsgrundlage=dsgvo.RECHTSGRUNDLAGE_AUFGABE,
                betroffene=_("Nutzende der öffentlichen Formulare"),
                datenkategorien=_("Verschlüsselter Hash der IP-Adresse, Formular, Zeitpunkt"),
                empfaenger=_("niemand"),
                loeschfrist=_("1 Tag (beim nächsten Absenden gelöscht)"),
                modelle=("oeffentlichkeit.Formularversuch",),
            )
        )
