from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuartiersmanagementConfig(AppConfig):
    name = "quartiersmanagement"
    verbose_name = _("Benutzer und Grundeinstellungen")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import zwei_faktor

        user_logged_in.connect(zwei_faktor.bei_anmeldung_merken, dispatch_uid="zwei_faktor")
