from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BedarfeConfig(AppConfig):
    name = "bedarfe"
    verbose_name = _("Bedarfe und Lotsenfunktion")

    def ready(self):
        from quartiersmanagement import demo_data, dsgvo

        from . import demo

        demo_data.register(self, demo.laden)

        dsgvo.registrieren(
            dsgvo.Verarbeitung(
                bezeichnung=_("Weiterleitungen an Fachbereiche (Lotsenfunktion)"),
                zweck=_("Bedarfe an die zuständige Stelle leiten, Antworten nachhalten"),
                rechtsgrundlage=dsgvo.RECHTSGRUNDLAGE_AUFGABE,
                betroffene=_("Ansprechpersonen in der Verwaltung; Beschäftigte des QM"),
                datenkategorien=_(
                    "dienstliche E-Mail-Adresse, Name der antwortenden Person, Antworttext"
                ),
                empfaenger=_("der angeschriebene Fachbereich (nur der eine Bedarf)"),
                loeschfrist=_("mit dem Bedarf (Aktenordnung der Stadt)"),
                modelle=("bedarfe.Weiterleitung",),
            )
        )
